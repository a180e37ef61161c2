"""Probabilities: a pmf's value p(x), p(x_j), a joint P(x, y), a conditional p(y|x), an event
P(X = x) and the agreement P(X = Y).

A part of :class:`symbolic.latex_in.parse.Reader` through
:class:`symbolic.latex_in.reader_measures.MeasureNotation` (a mixin: it uses the reader's
``sem``, ``doubts``, ``chain_text`` and ``y_apart``).

>>> from symbolic.latex_in.parse import Reader
>>> Reader().read_side("p(x, y)")
P_XY[x, y]
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.latex_in import semantics as se
from symbolic.latex_in.errors import UnknownNotation
from symbolic.latex_in.pmf_arguments import (
    INDEXED_PAIR,
    MARGINAL_Y,
    outcome_indices,
    pair_spelling,
)
from symbolic.latex_in.scan import split_top


class ProbabilityNotation:
    def _index(self, text: str, pos: int):
        s = text.strip()
        if re.fullmatch(r"\d+", s):
            return sp.Integer(int(s))
        m = re.fullmatch(r"([a-z])(?:_\{?(\w+)\}?)?", s)
        if m and not m.group(2):
            return ob.index(m.group(1))
        raise UnknownNotation(f"cannot read {s!r} as an outcome of a pmf", pos)

    def _probability(self, word, inner, pos, depth):
        if word not in se.PMF_LETTERS:
            return None
        if word in ("p", "P"):
            inner = pair_spelling(inner)  # p(x | Y=y), p(x_i \cap y_j): p(x | y), p(x_i, y_j)
        if re.search(r"\\theta|\\cap|\\cup|;", inner):
            raise UnknownNotation(f"cannot read the probability {word}({inner})", pos)
        cond = split_top(inner, "|")
        args = split_top(inner, ",")
        if (len(cond) == 2 or len(args) == 2) and word not in ("p", "P"):
            # only P is the joint pmf of X and Y: Q(x, y) beside it is another distribution
            raise UnknownNotation(f"{word}({inner.strip()}): a second joint distribution of X "
                                  "and Y is not read", pos)
        given_y = len(cond) == 2 and _roles(cond, word, inner, pos) == ("x", "y")  # p(x | y)
        swapped = len(args) == 2 and _roles(args, word, inner, pos) == ("y", "x")   # p(y, x)
        outcomes = bool(INDEXED_PAIR.search(self.chain_text))     # p(x_i|y_j) in the chain
        written = list(args)
        cond, args = outcome_indices(cond, outcomes=outcomes), \
            outcome_indices(args, joint=True, outcomes=outcomes)
        if swapped and args == written:      # (outcome_indices puts x_i before y_j itself)
            args = args[::-1]
        if len(cond) == 2:
            y, x = (self._index(c, pos) for c in cond)
            self.joint_used = True
            u = sp.Dummy("u", integer=True)
            if given_y:
                return se.JOINT[y, x] / sp.Sum(se.JOINT[u, x], (u, 1, se.K))
            return se.JOINT[x, y] / sp.Sum(se.JOINT[x, u], (u, 1, se.K))
        if len(args) == 2:
            self.joint_used = True
            return se.JOINT[self._index(args[0], pos), self._index(args[1], pos)]
        if len(args) != 1:
            return None
        event = split_top(inner, "=")
        if len(event) == 2:
            left, right = event
            lv, rv = se.variable_letter(left), se.variable_letter(right)
            if lv and rv:
                return qu.AgreementProbability(self.sem.pmf_of_variable(lv),
                                               self.sem.pmf_of_variable(rv))
            if lv:
                value = re.fullmatch(r"\s*([a-z])_\{?([a-z]|\d+)\}?\s*", right)
                if value and value.group(1) == lv.lower():
                    right = value.group(2)          # P(X = x_i): the pmf at its i-th outcome
                return self.sem.pmf_of_variable(lv, self.y_apart and lv == "Y")[self._index(right, pos)]
            raise UnknownNotation(f"cannot read the event {inner!r}", pos)
        arg = inner.strip()
        outcome = re.fullmatch(r"([xy])_\{?([a-z]|\d+)\}?", arg)
        if outcome and outcome.group(1) == "y" and word in ("p", "P") and \
                INDEXED_PAIR.search(self.chain_text):   # p(y_j) beside p(x_i, y_j): Y's pmf
            return self.sem.pmf_of_variable("Y", self.y_apart)[self._index(outcome.group(2), pos)]
        if outcome and outcome.group(1) == "x" and word in se.PMF_LETTERS:
            arg = outcome.group(2)                  # p(x_j): the pmf at its j-th outcome
        if not re.fullmatch(r"[a-z]|\d+", arg):
            if re.fullmatch(r"[A-Z]|\\mathbf\{[A-Z]\}", arg):
                raise UnknownNotation(f"cannot read {word}({arg})", pos)
            return None  # p(1 - p): a product, not a pmf value
        obj = se.pmf_object(word)
        if word in ("q", "Q") and self.y_apart and not MARGINAL_Y.search(self.chain_text):
            self.doubts.append(f"{word}({arg}) beside the joint pmf of X and Y is read as a pmf of "
                               "its own; the text may mean the marginal of Y")
        if word in ("p", "P") and arg == "y":     # q(y) written beside it: another pmf
            obj = self.sem.pmf_of_variable("Y", self.y_apart)
        elif word in ("p", "P") and arg == "x":
            obj = self.sem.pmf_of_variable("X")
        return obj[self._index(arg, pos)]


def _roles(parts, word: str, inner: str, pos: int) -> tuple:
    r"""Which of the two variables of ``p(a | b)`` or ``p(a, b)`` is X and which is Y.

    The one joint pmf ``P_XY`` is of the variables x and y (``x_i``, ``\mathbf{x}``, an
    outcome written as a number).  Another letter (``p(z | x)`` beside ``p(z)``) has no
    place in it that the other rows agree on: X's marginal at z, or Y's?

    >>> _roles(["y", "x"], "p", "y|x", 0), _roles(["1", "x"], "p", "1|x", 0)
    (('y', 'x'), ('y', 'x'))
    >>> _roles(["z", "x"], "p", "z|x", 0)
    Traceback (most recent call last):
    ...
    symbolic.latex_in.errors.UnknownNotation: p(z|x): a joint pmf is read of the variables x and y only; z may stand for either
    """
    letters = []
    for part in parts:
        m = re.match(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z]|\d)", part)
        letter = m.group(1) if m else ""
        if letter and not letter.isdigit() and letter not in "xy":
            raise UnknownNotation(f"{word}({inner.strip()}): a joint pmf is read of the variables "
                                  f"x and y only; {letter} may stand for either", pos)
        letters.append(letter if letter in ("x", "y") else "")
    a, b = letters
    if a == b:
        return ("", "")
    return (a or {"x": "y", "y": "x"}.get(b, ""), b or {"x": "y", "y": "x"}.get(a, ""))
