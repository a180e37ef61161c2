"""A loss defined with its sign missing: ``\\text{loss} = \\sum_j y_j \\log a_j``.

A cross-entropy loss is ``-\\sum_j y_j \\log a_j``: minimised, never negative.  A post that
defines a loss (``loss``, ``cost``, ``CE``, ``BCE``) as a sum of
``label × log(probability)`` terms without the minus sign has written the log-likelihood, which
is negative for every label and probability: the minimum it asks for is at −∞.  Such a
definition is refuted when the engine proves its right side negative with every scalar in
(0, 1) and every family's entries in (0, 1) (labels, probabilities), and only when the right
side takes a log.  A loss that may be positive somewhere (a Gaussian negative log-likelihood,
a squared error) is never refuted; ``L``, ``J``, ``C`` and ``\\mathcal{L}`` are left alone,
since posts use them for the (log-)likelihood too, unless the sentence that leads into the
definition calls it a cost, a loss or a cross-entropy (Nielsen's ``C(y, a)``) and says
nothing of a likelihood or of maximising
(:func:`called_a_cost`); ``\\ell`` (the log-likelihood's letter) always is.  A quantity the
reader leaves opaque (``h_\\theta(x^{(i)})``) counts as a probability only where the side takes
both its log and the log of one minus it.
"""
from __future__ import annotations

import itertools
import re

import sympy as sp

from symbolic.context import Context
from symbolic.latex_in.check import Limits, decide_sides
from symbolic.objects import probabilities
from symbolic.verdict import Counterexample, Verdict

_WRAP = r"(?:\\(?:text|mathrm|operatorname|textrm|mathit|rm)\s*\{\s*)?"
# loss, \text{Loss}, cost, CE, BCE, L_{CE}, \mathcal{L}_{BCE}: a loss by its name
_LOSS_NAME = re.compile(
    r"\s*(?:" + _WRAP + r"(?:[Ll]oss|LOSS|[Cc]ost|B?CE)\s*\}?|"
    r"(?:L|\\ell|\\mathcal\s*\{\s*L\s*\})\s*_\s*\{?\s*" + _WRAP + r"B?CE\s*\}?\s*\})"
    r"\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*")


def names_a_loss(lhs: str) -> bool:
    r"""Does the left side ``lhs`` name a loss (see the module)?

    >>> [names_a_loss(t) for t in ("loss", r"\text{Loss}", "cost(y, a)", r"L_{CE}", "BCE(y, p)")]
    [True, True, True, True, True]
    >>> [names_a_loss(t) for t in ("L", r"\ell(\theta)", r"J(\theta)", r"\mathcal{L}", "C(y, a)")]
    [False, False, False, False, False]
    """
    return bool(_LOSS_NAME.fullmatch(lhs))


# J(\theta), L, \mathcal{L}(\theta), C: names that posts give a cost and a likelihood alike (\ell(w)
# is the log-likelihood's letter: a post that calls it a cost misnames it, loosely)
_OBJECTIVE_NAME = re.compile(r"\s*(?:C|J|L|\\mathcal\s*\{\s*L\s*\}|\\mathcal\s+L)\s*(?:_\s*(?:\{[^{}]*\}|\w))?"
                             r"\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*")
_COST_WORD = re.compile(r"\b(?:cost|loss)(?:es)?\b|\bcross[- ]?entropy\b|代价|代價|损失|損失|交叉熵|コスト|損失関数|"
                        r"交差エントロピー|손실|비용|크로스\s*엔트로피|교차\s*엔트로피", re.I)
# … and what is maximised, or named as the negative of the loss ("the loss is the negative of L")
_LIKELIHOOD_WORD = re.compile(r"likelihood|maximi[sz]|似然|尤度|最大|우도|가능도|최대|objective|reward|utility|"
                              r"\bnegati(?:ve|on)\b|\bminus\b|负|負|음의|마이너스", re.I)


def called_a_cost(sentence: str | None, titles=(), section: str = "") -> bool:
    """Does the ``sentence`` leading into a definition, or else (when that sentence has at most
    four words) one of the ``titles`` of the sections it is in, call it a cost, a loss or a
    cross-entropy, and neither of them speak of something maximised?  A title speaks for the
    whole section, so the prose of the ``section`` before the definition vetoes it when it
    speaks of a likelihood ("Taking log we get the log likelihood." under "Cost Function").

    >>> called_a_cost("For a data set, the cost function is:"), called_a_cost("对于一个数据集, 代价函数写成:")
    (True, True)
    >>> called_a_cost("The log-likelihood, whose negative is the loss, is"), called_a_cost(None)
    (False, False)
    >>> called_a_cost("Binary cross-entropy:"), called_a_cost("The cross-entropy loss is the negative of")
    (True, False)
    >>> called_a_cost("for binary classification:", ["definition", "cross entropy"])
    True
    >>> called_a_cost("we maximize:", ["cross entropy"]), called_a_cost(None, ["Maximum likelihood", "Loss"])
    (False, False)
    >>> called_a_cost("Its probability under the model of the data is:", ["Loss functions"])
    False
    >>> called_a_cost(None, ["Cost Function"], "Taking log we get the log likelihood. Which gives")
    False
    """
    # a title names what a section defines when the sentence before says little itself
    short = not sentence or len(sentence.split()) <= 4
    said = [t for t in (sentence, *(titles if short else ())) if t]
    if short and titles and _LIKELIHOOD_WORD.search(section or ""):
        return False
    if any(_LIKELIHOOD_WORD.search(t) for t in said):
        return False
    return any(_COST_WORD.search(t) for t in said)


def _with_complement(expr: sp.Expr) -> set:
    """The quantities ``a`` whose log and log of ``1 - a`` both occur in ``expr``: used as
    probabilities."""
    logged = {sp.expand(f.args[0]) for f in expr.atoms(sp.log)}
    return {a for a in logged if sp.expand(1 - a) in logged}


def _opaque_probabilities(expr: sp.Expr) -> bool:
    """Is each quantity the reader left opaque (``⟨h(x_i)⟩``) in ``expr`` a probability by its
    use: the argument of a log, and 1 minus it the argument of another?"""
    chances = _with_complement(expr)
    for atom in expr.atoms(sp.Symbol, sp.Indexed):
        name = str(atom.base.label if isinstance(atom, sp.Indexed) else atom)
        if not name.startswith("⟨") or isinstance(atom, sp.Symbol) and any(
                isinstance(i, sp.Indexed) and i.base.label == atom for i in expr.atoms(sp.Indexed)):
            continue
        if atom not in chances:
            return False
    return True


def _in_unit_interval(expr: sp.Expr):
    """``expr`` with each family a family of probabilities, and the context that puts every
    scalar in (0, 1)."""
    families = {b: probabilities(str(b.label), b.shape[0]) for b in expr.atoms(sp.IndexedBase)
                if b.shape is not None and len(b.shape) == 1}
    expr = expr.xreplace(families)
    bounds = {v for s in expr.atoms(sp.Sum, sp.Product) for _, *ends in s.limits
              for e in ends for v in sp.sympify(e).free_symbols}
    bounds |= {v for b in families.values() for v in sp.sympify(b.shape[0]).free_symbols}
    scalars = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer
               and s not in bounds}
    return expr, Context(domains={s: sp.Interval.open(0, 1) for s in scalars}), scalars, bounds


def _one_sign_slipped(expr: sp.Expr, scalars):
    """``(verdict, [])`` for the binary cross-entropy of one example with one term's sign wrong
    (``-y \\log a + (1 - y) \\log(1 - a)``, a bracket lost after the minus): negative at a label
    0 or 1 with a = 1/2, where the loss is log 2.  Only that shape: the log of a and of 1 - a
    for each probability a, at most one more scalar (a label) each, no sum.

    >>> y, a = sp.symbols("y a", real=True)
    >>> _one_sign_slipped(-y * sp.log(a) + (1 - y) * sp.log(1 - a), {y, a})[0].counterexample.values
    {'y': 0, 'a': 0.5}
    >>> _one_sign_slipped(-y * sp.log(a) - (1 - y) * sp.log(1 - a), {y, a}) is None
    True
    """
    if expr.has(sp.Sum, sp.Product) or expr.atoms(sp.Indexed):
        return None
    chances = sorted(set(scalars) & _with_complement(expr), key=str)
    labels = sorted(set(scalars) - set(chances), key=str)
    if not chances or len(labels) > len(chances):
        return None
    for values in itertools.product((0, 1), repeat=len(labels)):
        point = dict(zip(labels, values)) | {a: sp.Rational(1, 2) for a in chances}
        at = expr.xreplace(point)
        if at.is_number and at.is_negative:
            shown = {str(s): (float(v) if s in chances else int(v)) for s, v in point.items()}
            return Verdict("refuted", "a cross-entropy loss is never negative, and this one is "
                           "negative at the label value shown: the sign of one term is wrong (a "
                           "bracket after the minus may be missing); exact at that point",
                           counterexample=Counterexample(shown, float(at), 0.0)), []
    return None


def negative_loss(lhs_text: str, rhs_text: str, rhs, limits: Limits, key: str, called_cost: bool = False):
    """``(verdict, suggestions)`` for the definition ``lhs_text = rhs_text`` of a loss whose
    right side ``rhs`` (as read) is negative everywhere, or None.  ``called_cost``: the prose
    calls it a cost (so ``J``, ``L`` and ``\\ell`` name a loss too).

    >>> y, a = sp.symbols("y a", real=True)
    >>> found = negative_loss("C(y, a)", "…", y * sp.log(a) + (1 - y) * sp.log(1 - a),
    ...                       Limits(), "doctest", called_cost=True)
    >>> found[0].status, found[1][0]["change"]
    ('refuted', 'flip the sign of the right side')
    >>> negative_loss("C(y, a)", "…", -y * sp.log(a), Limits(), "doctest", True) is None
    True
    """
    named = names_a_loss(lhs_text) or called_cost and bool(_OBJECTIVE_NAME.fullmatch(lhs_text))
    if rhs is None or not named or not rhs.has(sp.log) or \
            rhs.has(sp.Derivative, sp.Integral) or not _opaque_probabilities(rhs):
        return None
    expr, context, scalars, bounds = _in_unit_interval(rhs)
    verdict = decide_sides(expr, sp.Integer(0), "<", context, limits, key + ":negative loss")
    if not verdict.holds:
        return _one_sign_slipped(expr, scalars)
    point = {s: sp.Rational(1, 2) for s in scalars} | {b: 2 for b in bounds}
    at = expr.xreplace(point).doit()
    at = at.xreplace({e: sp.Rational(1, 2) for e in at.atoms(sp.Indexed)})
    values = {str(s).strip("⟨⟩"): 0.5 for s in scalars} | {str(b): 2 for b in bounds}
    if at.atoms(sp.Indexed) or not at.is_number:
        return None
    counterexample = Counterexample(values, float(at), 0.0, note="entries of every family 0.5")
    refuted = Verdict("refuted", "a loss is never negative, and this one is negative for "
                      "every label and probability in (0, 1): its sign is missing; "
                      + verdict.method, verdict.samples, counterexample, seconds=verdict.seconds)
    flipped = [{"relation": f"{lhs_text.strip()} = -\\left({rhs_text.strip()}\\right)",
                "verdict": verdict.status, "change": "flip the sign of the right side"}]
    return refuted, flipped
