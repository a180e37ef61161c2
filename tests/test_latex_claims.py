"""A table of true and false claims in the documents' notation, each decided."""
import pytest

from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import verify_text

LIMITS = Limits(seconds=20, samples=300)

TRUE = [
    r"D_{KL}(p \| q) = H(p, q) - H(p)",
    r"D_{\text{KL}}(p \parallel q) = \sum_x p(x) \log \frac{p(x)}{q(x)}",
    r"D_{\mathrm{KL}}(P \;\|\; Q) \geq 0",
    r"\mathrm{KL}(p\|q) \ge 0",
    r"H(p, q) \ge H(p)",
    r"H(P, Q) = H(P) + D_{KL}(P \| Q)",
    r"H(p) \le \log K",
    r"H(X) \leq \log|\mathcal{A}_X|",
    r"H(p) \ge 0",
    r"\text{H}(X) = -\sum_{x} p(x) \log p(x)",
    r"H(X) = \sum_{x \in \mathcal{X}} P(x) \log \frac{1}{P(x)}",
    r"\text{CE}(X, Y) = - \sum_{x} p(x) \log q(x)",
    r"\text{CE}(X, Y) = - \mathbb{E}_{x \sim p(x)} \left[ \log q(x) \right]",
    r"D_{KL}(p \| q) = -\text{H}(X) + \text{CE}(X, Y)",
    r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} = \mathbb{E}_{x \sim p(x)} \left[ \log \frac{p(x)}{q(x)} \right]",
    r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} = \sum_{x} p(x) \log p(x) - \sum_{x} p(x) \log q(x)",
    r"- \sum_{c = 1}^{C} P(X_{i} = c) \log P(Y_{i} = c) = \sum_{c = 1}^{C} p(c) (- \log q(c))",
    r"\text{CE}(X_{i}, Y_{i}) \geq - \log P(X_{i} = Y_{i})",
    r"e^{- \text{CE}(X_{i}, Y_{i})} \leq P(X_{i} = Y_{i})",
    r"\sum_{c=1}^{C} p(c) q(c) = P(X_i = Y_i)",
    r"P(X_i = Y_i) \le 1",
    r"\text{CE}(X_i, Y_i) \geq - \log P(X_i = Y_i) \Leftrightarrow e^{-\text{CE}(X_i, Y_i)} \leq P(X_i = Y_i)",
    r"H(X, Y) = H(X) + H(Y|X)",
    r"H(X, Y) = H(Y) + H(X \mid Y)",
    r"I(X;Y) = H(X) - H(X|Y)",
    r"I(X;Y) = H(X) + H(Y) - H(X, Y)",
    r"I(X;Y) \ge 0",
    r"H(Y|X) \le H(Y)",
    r"H(X,Y) \le H(X) + H(Y)",
    r"H(X, Y) = -\sum_{x, y} p(x, y) \log p(x, y)",
    r"\sum_{x,y} p(x,y) = 1",
    r"\sum_y P(y|x) = 1",
    r"\sigma(z) = \frac{1}{1 + e^{-z}}",
    r"\mathrm{sigmoid}(z) = \frac{e^z}{1 + e^z}",
    r"\sigma(-z) = 1 - \sigma(z)",
    r"\frac{d}{dz} \sigma(z) = \sigma(z) (1 - \sigma(z))",
    r"\mathrm{logit}(\sigma(z)) = z",
    r"\operatorname{logit}(p) = \ln \frac{p}{1-p}",
    r"\textrm{logit}(p) = \log \textrm{odds}(p)",
    r"\sigma(\mathrm{logit}(p)) = p",
    r"\textrm{odds}(p) = \frac{p}{1-p}",
    r"e^{\mathrm{logit}(p)} = \frac{p}{1-p}",
    r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^K e^{z_j}}",
    r"\textrm{softmax}(x_i) = \dfrac{e^{x_i}}{\sum_{j=1}^K e^{x_j}}",
    r"\sum_{i=1}^{K} \mathrm{softmax}(z)_i = 1",
    r"\mathrm{softmax}(z)_i \le 1",
    r"-\log \mathrm{softmax}(z)_i = \log \sum_{j=1}^K e^{z_j} - z_i",
    r"- \sum_{k=1}^K y_k \log \hat{y}_k = -\log \hat{y}_c",
    r"-\sum_{i=1}^n \left[ y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i) \right] \ge 0",
    r"\log \prod_{i=1}^n \hat{y}_i = \sum_{i=1}^n \log \hat{y}_i",
    r"\frac{1}{3} \log \frac{1}{2} + \frac{2}{3} \log 2 = - \frac{1}{3} \log 2 + \frac{2}{3} \log 2",
    r"-1 \cdot \log 1 = 0",
    r"-\log 0.75 \approx 0.287",
    r"e^{-1} \approx 0.37",
    r"e^{-1} \approx 36\%",
    r"\dfrac{7}{32+7} \approx 0.17",
    r"\log_2 8 = 3",
    r"-\log_2 \frac{1}{32} = 5",
    r"\log_2 x = \frac{\ln x}{\ln 2}",
    r"\ln(ab) = \ln a + \ln b",
    r"e^{\ln x} = x",
    r"H(p) \ne -1",
    r"\sigma(z) \le 1",
    r"\sigma(z) \ge 0",
    r"\arg\min_\theta H(\hat{p}_{data}, p_{model}) = \arg\min_\theta D_{KL}(\hat{p}_{data} \| p_{model})",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) = H(\hat{p}_{data}, p_{model}) + constant",
]

FALSE = [
    r"D_{KL}(p \| q) = H(p, q) + H(p)",
    r"D_{KL}(p \| q) = D_{KL}(q \| p)",
    r"D_{\text{KL}}(p \parallel q) = \sum_x q(x) \log \frac{p(x)}{q(x)}",
    r"D_{\mathrm{KL}}(P \;\|\; Q) \leq 0",
    r"\mathrm{KL}(p\|q) \le H(p)",
    r"H(p, q) \le H(p)",
    r"H(P, Q) = H(Q, P)",
    r"H(p) \ge \log K",
    r"H(p) = \log K",
    r"H(X) \geq \log|\mathcal{A}_X|",
    r"H(p) \le 0",
    r"\text{H}(X) = \sum_{x} p(x) \log p(x)",
    r"H(X) = \sum_{x \in \mathcal{X}} P(x) \log P(x)",
    r"\text{CE}(X, Y) = - \sum_{x} q(x) \log p(x)",
    r"\text{CE}(X, Y) = \mathbb{E}_{x \sim p(x)} \left[ \log q(x) \right]",
    r"D_{KL}(p \| q) = \text{H}(X) + \text{CE}(X, Y)",
    r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} = \mathbb{E}_{x \sim q(x)} \left[ \log \frac{p(x)}{q(x)} \right]",
    r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} = \sum_{x} p(x) \log p(x) + \sum_{x} p(x) \log q(x)",
    r"- \sum_{c = 1}^{C} P(X_{i} = c) \log P(Y_{i} = c) = - \log P(Y_{i} = 1)",
    r"\text{CE}(X_{i}, Y_{i}) \leq - \log P(X_{i} = Y_{i})",
    r"e^{- \text{CE}(X_{i}, Y_{i})} \geq P(X_{i} = Y_{i})",
    r"\sum_{c=1}^{C} p(c) q(c) = 1",
    r"P(X_i = Y_i) \ge \frac{1}{2}",
    r"H(X, Y) = H(X) + H(Y)",
    r"H(X, Y) = H(X) - H(Y|X)",
    r"I(X;Y) = H(X) + H(X|Y)",
    r"I(X;Y) = H(X) + H(Y) + H(X, Y)",
    r"I(X;Y) \le 0",
    r"H(Y|X) \ge H(Y)",
    r"H(X,Y) \ge H(X) + H(Y)",
    r"H(X, Y) = \sum_{x, y} p(x, y) \log p(x, y)",
    r"\sum_{x,y} p(x,y) = 2",
    r"\sum_y P(y|x) = 2",
    r"\sigma(z) = \frac{1}{1 + e^{z}}",
    r"\mathrm{sigmoid}(z) = \frac{e^z}{1 - e^z}",
    r"\sigma(-z) = \sigma(z)",
    r"\frac{d}{dz} \sigma(z) = \sigma(z)",
    r"\mathrm{logit}(\sigma(z)) = 2z",
    r"\operatorname{logit}(p) = \ln \frac{1-p}{p}",
    r"\textrm{logit}(p) = \textrm{odds}(p)",
    r"\sigma(\mathrm{logit}(p)) = 1 - p",
    r"\textrm{odds}(p) = \frac{1-p}{p}",
    r"e^{\mathrm{logit}(p)} = \frac{p}{1+p}",
    r"\mathrm{softmax}(z)_i = \frac{z_i}{\sum_{j=1}^K z_j}",
    r"\textrm{softmax}(x_i) = \dfrac{e^{x_i}}{\sum_{j=1}^K e^{-x_j}}",
    r"\sum_{i=1}^{K} \mathrm{softmax}(z)_i = 2",
    r"\mathrm{softmax}(z)_i \ge \frac{1}{2}",
    r"-\log \mathrm{softmax}(z)_i = \log \sum_{j=1}^K e^{z_j} + z_i",
    r"- \sum_{k=1}^K y_k \log \hat{y}_k = \log \hat{y}_c",
    r"-\sum_{i=1}^n \left[ y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i) \right] \le 0",
    r"\log \prod_{i=1}^n \hat{y}_i = \prod_{i=1}^n \log \hat{y}_i",
    r"\frac{1}{3} \log \frac{1}{2} + \frac{2}{3} \log 2 = \frac{1}{3} \log 2 + \frac{2}{3} \log 2",
    r"-1 \cdot \log 1 = 1",
    r"-\log 0.75 \approx 0.31",
    r"e^{-1} \approx 0.35",
    r"e^{-1} \approx 40\%",
    r"\dfrac{7}{32+7} \approx 0.19",
    r"\log_2 8 = 2",
    r"-\log_2 \frac{1}{32} = -5",
    r"\log_2 x = \frac{\ln 2}{\ln x}",
    r"\ln(a + b) = \ln a + \ln b",
    r"e^{\ln x} = 2x",
    r"\sigma(z) > 1",
    r"\arg\min_\theta H(\hat{p}_{data}, p_{model}) = \arg\min_\theta H(\hat{p}_{data}, p_{model}) "
    r"+ \frac{1}{N}\sum_{i=1}^N p_{model}(y_i|x_i,\theta)",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) = H(\hat{p}_{data}, p_{model})",
]


@pytest.mark.parametrize("latex", TRUE)
def test_true_claims_hold(latex):
    steps, error = verify_text(latex, LIMITS)
    assert error is None and steps
    assert [s.status for s in steps] == ["proved" if s.status == "proved" else "checked"
                                         for s in steps], [s.verdict.describe() for s in steps]


@pytest.mark.parametrize("latex", FALSE)
def test_false_claims_are_refuted(latex):
    steps, error = verify_text(latex, LIMITS)
    assert error is None and steps
    assert any(s.status == "refuted" for s in steps), [s.verdict.describe() for s in steps]


def test_table_size():
    assert len(TRUE) >= 60 and len(FALSE) >= 60
