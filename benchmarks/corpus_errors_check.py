"""Recompute the counterexamples of docs/corpus-errors.md (the hand list of real math errors
in ../shared/corpus). Each line prints "file:line", then the value of what the author wrote
and the right value (or the two sides of the wrong relation, in the order written).

    python benchmarks/corpus_errors_check.py

Needs only numpy and sympy (the project's own dependencies); the corpus itself is not read.
"""
from math import e, exp, log, pi, sqrt

import numpy as np
import sympy as sp


def npdf(x, m, v):
    """Density of N(m, v) (v the variance) at x."""
    return exp(-(x - m) ** 2 / (2 * v)) / sqrt(2 * pi * v)


def show(tag, *values):
    print(f"{tag:10s}", *values)


def main():
    # 01:79  mu = 0, sigma^2 = 4: row 78's right side (entropy integrand) vs row 79
    show("01:79", 0.5 * log(2 * pi * 4) + 0.5, 0.5 * log(2 * pi) + 0.5 * (0 + 4))
    # 03:30  y = 0: C = ln(1 - a) at a = 0.1 and a = 0.9 (C grows as a -> 0)
    show("03:30", log(1 - 0.1), log(1 - 0.9))
    # 04:112  p_data = (0.9, 0.1): argmax_q E[q] vs argmax_q E[log q] on a grid
    q = np.linspace(0.001, 0.999, 999)
    show("04:112", q[(0.9 * q + 0.1 * (1 - q)).argmax()],
         q[(0.9 * np.log(q) + 0.1 * np.log(1 - q)).argmax()])
    show("05:328", e)
    # 06:55, 06:60  gradient of sum_i (-p_i ln q_i - (1-p_i) ln(1-q_i)), q = softmax(z/T)
    z = sp.symbols("z1:4")
    T = 2
    ex = [sp.exp(zi / T) for zi in z]
    qs = [x / sum(ex) for x in ex]
    at = {z[0]: 1, z[1]: 2, z[2]: 3}
    for tag, target in (("06:60", [sp.Rational(1, 10), sp.Rational(3, 10), sp.Rational(6, 10)]),
                        ("06:55", [0, 0, 1])):
        C = sum(-target[i] * sp.log(qs[i]) - (1 - target[i]) * sp.log(1 - qs[i]) for i in range(3))
        show(tag, [round(float(((qs[i] - target[i]) / T).subs(at)), 4) for i in range(3)],
             [round(float(sp.diff(C, z[i]).subs(at)), 4) for i in range(3)])
    # 09:165  q = (0.9, 0.1): H(p, q) at p = q and at p = (1, 0)
    show("09:165", -(0.9 * log(0.9) + 0.1 * log(0.1)), -log(0.9))
    show("10:312", 1 / (1 - 0.5), 0.5 / (1 - 0.5))
    # 11:41  P(x) = 1/2, P(y = x | x) = 0.9, Q uniform: inner expectation over P(Y|x) vs P(Y)
    show("11:41", 0.5 * log(1.8) + 0.5 * log(0.2), 0.9 * log(1.8) + 0.1 * log(0.2))
    # 11:52  Bernoulli(theta), theta in [0.1, 0.9], P_hat(1) = 0.3: -argmin f vs argmax f
    th = np.linspace(0.1, 0.9, 801)
    f = 0.3 * np.log(th) + 0.7 * np.log(1 - th)
    show("11:52", -th[f.argmin()], th[f.argmax()])
    # 11:74, 11:75  Bernoulli, theta = 1/2: Fisher information 4, second derivative of p is 0
    t = sp.symbols("t")
    pmf = {1: t, 0: 1 - t}
    half = {t: sp.Rational(1, 2)}
    show("11:74", sum(pmf[y] * sp.diff(pmf[y], t, 2) / pmf[y] ** 2 for y in pmf).subs(half),
         sum(pmf[y] * sp.diff(sp.log(pmf[y]), t) ** 2 for y in pmf).subs(half))
    show("11:75", 0, sum(-pmf[y] * sp.diff(sp.log(pmf[y]), t, 2) for y in pmf).subs(half))
    # 11:78  N(theta, 1) at y = theta: d^2 p / d theta^2 = -p, not 0
    y, th_ = sp.symbols("y theta")
    dens = sp.exp(-(y - th_) ** 2 / 2) / sp.sqrt(2 * sp.pi)
    show("11:78", "d2p/dtheta2 at y = theta (author: pulled out of the integral and dropped):",
         float(sp.diff(dens, th_, 2).subs({y: 0, th_: 0})))
    show("11:92", 1 - 1, 1 - 0.5)          # I = g = lambda = c = 1 (scalars)
    show("11:107", -1 + 2 * -3, -3 + 2 * -1)  # alpha = 2, l_sup = -1, l_unsup = -3
    # 11:109  one datum x = 0, two unit-variance components, theta(t): phi = (.5, .5),
    # mu = (0, 2); the M-step gives phi = w, mu = (0, 0)
    w1 = npdf(0, 0, 1) / (npdf(0, 0, 1) + npdf(0, 2, 1))
    bound = w1 * log(npdf(0, 0, 1)) + (1 - w1) * log(npdf(0, 0, 1))
    show("11:109", bound, log(0.5 * npdf(0, 0, 1) + 0.5 * npdf(0, 2, 1)))
    show("11:117", 0.5 / 0.5, 0.5 / (0.5 + 0.5))  # j = 1, two equal components
    show("11:126", 1 * (0 - 0), 1 * (1 - 0))      # x = 0, x_tilde = 1, mu = 0, alpha = 1
    show("11:127", (1 - 0) - (1 - 0), (1 - 0) + (1 - 0))
    show("11:131", 0.5 * 0 - 0.5, 0.5 * 4 - 0.5)  # x = 2, x_tilde = 0, w = 1, Sigma = 1
    # 13:548  prior N(0,1), p(x|z) = N(z,1), x = 0, q = N(0,1): log p(x) vs ELBO
    show("13:548", log(npdf(0, 0, 2)), -0.5 * log(2 * pi) - 0.5)
    # 13:567, 13:570  q = N(1,1), prior N(0,1), p(x|z) = N(z,1), x = 0
    rec, neg_kl = -0.5 * log(2 * pi) - 0.5 * (1 + 1), -0.5
    show("13:567", rec - neg_kl, rec + neg_kl)
    show("13:754", npdf(1, 1, 1), npdf(0, 1, 1))  # x = 0, z = 1, mu(z) = z, sigma = 1
    show("13:843", 1 / sqrt(2 * pi * 2), npdf(0, 0, 4))  # sigma = 2, x = mu
    # 13:847  f(z) = 2z, sigma = 0.5, g(X) = 0, X = 0, z0 = 1, C = 1
    show("13:847", (2 / 0.5) * npdf(1, 0, 0.25), npdf(0, 1, 0.25))
    th = np.linspace(0.01, 0.99, 99)
    show("15:176", th[(2 * th).argmax()], th[(th * (1 - th)).argmax()])
    show("16:24", (log(1) - log(2) + log(1) - log(2)) / 2, (2 * log(2) - 2 - 2 * (0 - 1)) / 2)
    for mu3 in (2, 5):                      # same listed theta, different mu_3
        show("17:65", mu3, sum(npdf(0, m, 1) for m in (0, 1, mu3)) / 3)
    show("18:41", -0.5 * 0.5, 0.5 * (1 - 0.5))  # x = (0, 0)
    show("18:138", -0.5 * 0.5, 0.5 * (1 - 0.5))
    show("20:110", log(0.5), -log(0.5))
    show("20:192", 0.91, -log(0.4))
    show("20:206", 0.35, -log(0.7))
    show("20:avg", (2 * -log(0.4) - log(0.1)) / 3, (2 * -log(0.7) - log(0.3)) / 3)
    show("21:150", 1 - 1 / (1 + exp(0)), 1 / (1 + exp(0)) - 1)  # y = 1, x = 1, w = 0
    show("21:175", 1 * (1 - 0.1 * 1 / 10), 1 - 0.1 * 1)  # m = 10, alpha = .1, lambda = 1
    # doubtful numbers
    show("19:33", -np.mean(np.log([.1, .2, .1, .2, .2, .2])) - log(6))
    show("20:78", -(0.7 * log(0.7) + 0.2 * log(0.2) + 0.1 * log(0.1)))
    show("22:253", 27.405983513314283 / 0.7024819393205183)


if __name__ == "__main__":
    main()
