r"""The other readings a relation's verdict is weighed against, in order.

A relation read from someone else's text is first decided as an identity over its free
names.  Before a failure is reported (and, for a few rules, before a success is), the
readings an author may mean without writing them are each decided as a twin of the
relation by the same engine; each rule below takes the verdict so far and returns it, or
an ``unknown`` that names the reading under which the relation holds:

1. a label at its values 0 and 1 (:func:`conditions.at_a_label_value`);
2. a family that sums to 1 (:func:`distribution_twin.as_distributions`);
3. a total that is the sum of its counts, N = Σ_i n_i (:func:`count_totals.as_count_total`),
   and a barred name that is the mean of its family (:func:`family_means.as_family_means`);
4. one name the complement of another (:func:`complements.as_complements`);
5. a one-hot target the prose names (:func:`conditions.at_a_one_hot_pmf`), and a sum put
   equal to the one term where a worked example's label is 1 (:func:`one_term.as_one_term`);
6. the case of equal indices of a derivative (:func:`conditions.in_both_cases`);
7. logs in bits or base 10 (:func:`units.either_unit`);
8. decimal inputs the text shows rounded (:func:`rounded_inputs.within_rounding`);
9. a group after e^{…} meant in the exponent (:func:`exponent_groups.as_exponent_group`);
10. σ the softmax, or σ applied entrywise (:func:`sigma_overload.sigma_or_softmax`);
11. an inequality that holds at some values (:func:`scalar_inequalities.at_some_values`);
12. an inequality that holds for positive values (:func:`scalar_inequalities.for_positive_values`);
13. a Markov chain the text states (:func:`markov_chains.along_a_stated_chain`).

The rules are pure functions of the claim, the verdict and a ``decide`` for twins; this
module only fixes their order and the cache key of each twin.

>>> [name for name, _ in RULES][:3]
['label', 'simplex', 'total']
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from symbolic.latex_in.complements import as_complements
from symbolic.latex_in.conditions import (
    at_a_label_value,
    at_a_one_hot_pmf,
    in_both_cases,
)
from symbolic.latex_in.count_totals import as_count_total
from symbolic.latex_in.distribution_twin import as_distributions
from symbolic.latex_in.exponent_groups import as_exponent_group
from symbolic.latex_in.family_means import as_family_means
from symbolic.latex_in.markov_chains import along_a_stated_chain
from symbolic.latex_in.one_term import as_one_term
from symbolic.latex_in.rounded_inputs import within_rounding
from symbolic.latex_in.scalar_inequalities import at_some_values, for_positive_values
from symbolic.latex_in.sigma_overload import sigma_or_softmax
from symbolic.latex_in.units import either_unit
from symbolic.verdict import Verdict


@dataclass(frozen=True)
class Surroundings:
    """What the rules may need of the document around a claim.

    ``words()``: the prose before the chain (read only for a failure); ``markov``: the
    Markov chains the text states, as (offset, chain); ``offset``: the claim's offset in
    the source; ``line_of(offset)``: its line.
    """

    reader: object
    limits: object
    words: Callable[[], str]
    markov: tuple = ()
    offset: int = 0
    line_of: Callable[[int], int] = lambda at: 0


RULES = (
    ("label", lambda c, v, d, s: at_a_label_value(c, v, d)),
    ("simplex", lambda c, v, d, s: as_distributions(c, v, d)),
    ("total", lambda c, v, d, s: as_count_total(c, v, d)),
    ("mean", lambda c, v, d, s: as_family_means(c, v, d)),
    ("complement", lambda c, v, d, s: as_complements(c, v, d)),
    ("hot", lambda c, v, d, s: at_a_one_hot_pmf(c, v, d, s.words() if v.status == "refuted"
                                                 else "")),
    ("term", lambda c, v, d, s: as_one_term(c, v, d)),
    ("equal", lambda c, v, d, s: in_both_cases(c, v, d)),
    ("bits", lambda c, v, d, s: either_unit(c, v, s.reader, d, s.limits)),
    ("rounding", lambda c, v, d, s: within_rounding(c, v, d)),
    ("exponent", lambda c, v, d, s: as_exponent_group(c, v, d)),
    ("softmax", lambda c, v, d, s: sigma_or_softmax(c, v, s.reader, d, s.limits)),
    ("negation", lambda c, v, d, s: at_some_values(c, v, d)),
    ("positive", lambda c, v, d, s: for_positive_values(c, v, d)),
    ("markov", lambda c, v, d, s: along_a_stated_chain(c, v, s.markov, s.offset, s.line_of, d)),
)


def weighed(claim, verdict: Verdict, decide_twin, around: Surroundings) -> Verdict:
    """``verdict`` on ``claim`` after every rule of :data:`RULES`, in order.

    ``decide_twin(twin, name)`` decides a twin claim for the rule called ``name`` (the
    name keys its cache entry).

    >>> import sympy as sp
    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> a, b, x = sp.symbols("alpha_t beta_t x", real=True)
    >>> claim = Claim("=", "", "", 0, lhs=b * x / (1 - a), rhs=x)
    >>> around = Surroundings(reader=None, limits=None, words=lambda: "")
    >>> weighed(claim, decide(claim), lambda twin, name: decide(twin), around).status
    'unknown'
    """
    for name, rule in RULES:
        verdict = rule(claim, verdict, lambda twin, name=name: decide_twin(twin, name), around)
    return verdict
