"""``infoderive verify``: one relation or chain, read and decided as lint decides a row."""
from __future__ import annotations

import sympy as sp

from symbolic.latex_in.check import Limits, decide, in_two_roles
from symbolic.latex_in.conditions import apply_cases, at_instance, in_both_cases
from symbolic.latex_in.distribution_plan import continuous_variables
from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.confidence import under_doubts
from symbolic.latex_in.lint import _IN_BITS, StepResult, _repairs
from symbolic.latex_in.matrix_order import in_matrix_order
from symbolic.latex_in.names import lone_name
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.reader_patterns import _plain
from symbolic.latex_in.reading import read_limited
from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.row_pieces import pieces
from symbolic.latex_in.semantics import Semantics, stated_base
from symbolic.latex_in.quantifiers import quantifier_doubts
from symbolic.latex_in.sidenotes import blank_markup
from symbolic.latex_in.sigma_overload import sigma_or_softmax
from symbolic.latex_in.units import either_unit
from symbolic.verdict import Verdict


def verify_text(text: str, limits: Limits = Limits(), log_base=None, bindings=None):
    """(steps, error) for one relation or chain; error is a LatexReadError or None."""
    text = blank_markup(text)     # \tag{1}, \label{…}, \color{red}, \cancel: layout, as in lint
    sem = Semantics(log_base=stated_base(log_base), continuous=continuous_variables(text))
    for name, value in (bindings or {}).items():
        if name in ("X", "Y", "Z"):
            sem.variable_pmfs[name] = value
        elif value.strip() == "convex":
            sem.convex.add(name)        # --bind f=convex: f is any convex function
    reader = Reader(sem)
    for name, value in (bindings or {}).items():
        if name not in ("X", "Y", "Z") and name not in sem.convex:
            sem.bindings[_plain(name)] = reader.read_side(value)
    from symbolic.latex_in.scan import check_balanced
    check_balanced(text)
    parts = pieces(text)
    # a = b + 1 \quad b = 2: two relations side by side, each read on its own, as in lint
    texts = [p.text for p in parts] if len(parts) > 1 or parts and parts[0].notes else [text]
    if log_base is None and any(_IN_BITS.search(n) for p in parts for n in p.notes):
        sem.log_base = 2                     # = 1 \text{ bit}: the row's logs are base 2, as in lint
    read = [read_limited(t, reader, limits, document=False) for t in texts]
    claims = [c for cs in read for c in cs]
    firsts = {id(cs[0]) for cs in read if cs}     # the first relation of each piece
    # \quad \text{if } i \neq j written in the row: its case, as lint applies it
    apply_cases(claims, [c for piece in parts for c in piece.conditions])
    chain = split_chain(text)
    if not claims and len(chain.relations) == 1:   # p = 0.8: an assignment
        return [StepResult(0, chain.relations[0].symbol, chain.sides[0].strip(),
                           chain.sides[1].strip(), Verdict("unknown", "not read", reason=(
                               "an assignment or a definition, not a claim (in a document "
                               "later rows use it)")))], None
    if not claims and text.strip():
        reader.read_side(text)  # surfaces a syntax error in a lone expression
    for claim in claims:                 # \forall x, y: as lint reads it
        claim.doubts += quantifier_doubts([n for p in parts for n in p.notes])
    steps = []
    for claim in claims:
        if claim.error is not None and isinstance(claim.error, LatexSyntaxError):
            return steps, claim.error
        if id(claim) in firsts and _names_its_left(claim):
            steps.append(StepResult(0, claim.relation, claim.lhs_text, claim.rhs_text, Verdict(
                "unknown", "not read", reason=f"{claim.lhs_text.strip()} = … names the right "
                "side: a definition, not a claim (in a document later rows use it)")))
            continue
        verdict = in_both_cases(claim, in_matrix_order(claim, at_instance(
            claim, in_two_roles(claim) or decide(claim, limits))),
                                lambda twin: decide(twin, limits, key="equal"))
        verdict = either_unit(claim, verdict, reader,
                              lambda twin: decide(twin, limits, key="bits"), limits)
        verdict = sigma_or_softmax(claim, verdict, reader,
                                   lambda twin: decide(twin, limits, key="softmax"), limits)
        verdict = under_doubts(verdict, claim.doubts, claim.relation)
        steps.append(StepResult(0, claim.relation, claim.lhs_text, claim.rhs_text, verdict,
                                suggestions=_repairs(claim, verdict, limits, claim.lhs_text)))
    return steps, None


def _names_its_left(claim) -> bool:
    """``\\hat{y} = \\sigma(z)``, ``L = -\\sum_k y_k \\log \\hat{y}_k``: a lone name, not among the
    right side's symbols, set to an expression in other names."""
    if claim.relation != "=" or claim.error is not None or claim.lhs is None or \
            not isinstance(claim.lhs, sp.Symbol) or not lone_name(claim.lhs_text):
        return False
    free = claim.rhs.free_symbols if isinstance(claim.rhs, sp.Basic) else set()
    return bool(free) and claim.lhs not in free and \
        _plain(claim.lhs.name) not in {_plain(getattr(s, "name", "")) for s in free}
