"""Definitions that are also claims: a value that solves the equation before it, a loss
without its sign, the normal density, a binary label's Bernoulli model.

A row such as ``\\hat{\\mu} = \\frac{1}{n}\\sum_i x_i`` names a quantity, and the reader binds
it; it is also the author's claim that the value solves the equation before it, or that the
body is the density it names.  Those are checked here.
"""
from __future__ import annotations

from symbolic.latex_in.bernoulli_model import bernoulli_definition
from symbolic.latex_in.check import Limits
from symbolic.latex_in.loss_sign import negative_loss
from symbolic.latex_in.normal_density import normal_definition
from symbolic.latex_in.solving import in_its_own_terms, solution_row, solving_step
from symbolic.verdict import Verdict


def checked_definition(claim, solving, block: int, reader, limits: Limits, key: str, name: str,
                        called_cost: bool):
    """(verdict, repairs) on a definition that is also a claim: a value that solves the
    equation before it, a loss without its sign (``called_cost``: the prose calls it a cost),
    the normal density; None otherwise."""
    solved = solution_row(solving, claim, block, limits, key) if solving else None
    if solved is None and solving and in_its_own_terms(claim):   # p = e^a (1 - p): a row of solving
        solved = solving_step(solving, claim, block, limits, key)
    if solved is not None:
        return solved, []

    def read(text):
        before = len(reader.doubts)
        try:
            return reader.read_side(text, 0, 0)
        finally:
            del reader.doubts[before:]
    loss = negative_loss(claim.lhs_text, claim.rhs_text, claim.rhs, limits, name, called_cost)
    if loss:
        return loss
    normal = normal_definition(claim.lhs_text, claim.rhs, read, limits, name) or \
        modelled_label(claim, limits, key)
    return (normal, []) if normal else None


def modelled_label(claim, limits: Limits, key: str) -> Verdict | None:
    r"""The verdict on a relation ``p(y_i | x_i) = p_i^{y_i} + (1 - p_i)^{1 - y_i}``, read as a
    definition or not, as a binary label's model (see :mod:`symbolic.latex_in.bernoulli_model`);
    None for any other relation, or when the check fails to run.

    >>> import sympy as sp
    >>> from types import SimpleNamespace as Claim
    >>> p, y = sp.symbols("p_i y_i")
    >>> claim = Claim(lhs_text="p(y_i|x_i)", rhs=p**y + (1 - p)**(1 - y), relation="=", error=None)
    >>> modelled_label(claim, Limits(), "doctest").status
    'refuted'
    """
    if claim.error is not None or claim.relation != "=":
        return None
    try:
        return bernoulli_definition(claim.lhs_text, claim.rhs, limits, key)
    except Exception:        # noqa: BLE001  (a check that fails leaves the relation to the others)
        return None
