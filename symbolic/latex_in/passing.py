"""Names a chain brings in as it goes (docs/latex.md, "What a document binds").

``P(y=1 | x; w) = g(w^T x) = \\frac{1}{1 + e^{-w^T x}} = p`` defines the model, then the
function g, then the name p: a row whose left side applies a function the document has not
defined (and the row before brought in) defines it, and a last side that is a lone new
letter names the value before it.  Either row would otherwise be a claim about a name with
no value, which cannot be decided; read as definitions they let later rows be checked.

Three more judgements about names belong here: a definition of a word with one meaning in the
field (``odds = \\frac{1}{1-p}``) is checked against that meaning (``standard_object``); a
comparison of a name the text set with a number (``when $P > 0.5$``) is a case, not a claim
(``condition_on_a_bound_name``); and a sum whose variable is renamed inside the chain is read
under a doubt (``renamed_summation_variable``).
"""
from __future__ import annotations

import re

from symbolic.latex_in.bindings import _define
from symbolic.latex_in.ellipses import DOTS
from symbolic.latex_in.names import KNOWN_FUNCTIONS, function_head, lone_name
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.reader_patterns import SUM_INDEX, _plain
from symbolic.verdict import INEQUALITIES

# a lone letter, possibly hatted or barred: p, \hat{p}, \hat p, \bar{x}
_LONE_LETTER = re.compile(r"\s*(?:\\(?:hat|bar|tilde|overline)\s*\{?\s*([A-Za-z])\s*\}?|([A-Za-z]))\s*[.,]?\s*")
# letters that are constants or sizes, never named in passing
_NOT_NAMES = set("eiKCnNmM")


def _known(reader: Reader, name: str, applied: bool) -> bool:
    sem = reader.sem
    plain = _plain(name)
    return plain in sem.bindings or name in sem.functions or plain in sem.used or \
        any(_plain(k.split("(")[0]) == plain for k in sem.applications) or \
        applied and (name in KNOWN_FUNCTIONS or plain in KNOWN_FUNCTIONS)


def _occurs(letter: str, text: str) -> bool:
    return re.search(r"(?<![A-Za-z\\])" + re.escape(letter) + r"(?![A-Za-z])", text) is not None


def defines_in_passing(reader: Reader, sides, n: int, offset: int) -> bool:
    r"""Is row ``n`` (``sides[n] = sides[n + 1]``, not the first) of a chain in a document a
    definition made in passing?  If so, it binds what it defines.

    >>> r = Reader()
    >>> sides = ["P(y = 1 | x)", " g(u) ", r" \frac{1}{1 + e^{-u}} ", " p"]
    >>> defines_in_passing(r, sides, 1, 0), "g" in r.sem.functions
    (True, True)
    >>> defines_in_passing(r, sides, 2, 0), r.sem.bindings["p"]
    (True, 1/(1 + exp(-u)))
    >>> defines_in_passing(Reader(), ["a", " f(x) ", " f(x) + 1"], 1, 0)
    False
    >>> r = Reader()
    >>> defines_in_passing(r, [r"\frac{1}{m}\sum_{i=1}^{m} x_i", r" \bar{x}"], 0, 0), "barx" in r.sem.bindings
    (True, True)
    """
    if n == 0 and len(sides) > 2:
        return False
    lhs, rhs = sides[n], sides[n + 1]
    head = function_head(lhs)
    others = " ".join(s for k, s in enumerate(sides) if k not in (n, n + 1))
    if n and head and len(_plain(head[0])) == 1 and not _known(reader, head[0], True) and \
            not _occurs(head[0], rhs) and not _occurs(head[0], others):
        return _define(reader, lhs, rhs, offset, True, True, "=")
    letter = _LONE_LETTER.fullmatch(rhs)
    if not (letter and n == len(sides) - 2):
        return False
    # \frac{1}{m}\sum_i x_i = \bar{x}: a new name, set to what precedes it (a decorated
    # name is known and occurs by its whole spelling, x̄ is not x)
    name = _plain(rhs.strip().rstrip(".,")) if letter.group(1) else letter.group(2)
    occurs = (lambda s: name in _plain(s)) if letter.group(1) else (lambda s: _occurs(name, s))
    if name not in _NOT_NAMES and not _known(reader, name, False) and \
            not any(occurs(s) for s in sides[:-1]):
        return _define(reader, rhs, lhs, offset, True, True, "=")
    return False


def assigns_one_value(sides) -> bool:
    r"""``p_1 = p_2 = \cdots = p_k = \frac{1}{K}``: names (and an ellipsis) set to one value
    (a solution, an assignment), no relation among them to check.

    >>> assigns_one_value(["p_{1} ", " p_{2} ", r" \cdots ", " p_{k} ", r" \frac{1}{K}"])
    True
    >>> assigns_one_value(["H(p) ", r" -\sum_k p_k \log p_k"]), assigns_one_value(["a ", " b"])
    (False, False)
    """
    return len(sides) > 2 and all(DOTS.fullmatch(s.strip()) or lone_name(s.strip())
                                  for s in sides[:-1])


# P(y = 1 | x; w), p_\theta(x), \Pr[…]: a probability the chain states, not spelled out
_STATED = re.compile(r"\s*(?:\\Pr|[pPqQ](?:_\{?[^{}()]*\}?)?)\s*[(\[]")
_DECIMAL = re.compile(r"\d\.\d")
# -\frac{1}{N} \log P(T | X): a side built on a conditional probability it does not spell out
_CONDITIONAL = re.compile(r"(?<![A-Za-z\\])(?:\\Pr|[pPqQ])\s*(?:_\{?[^{}()]*\}?)?\s*\((?:[^()]*)(?:\||\\mid)")


def defining_side(reader: Reader, sides) -> int:
    r"""The side a chain's first function head is defined by: the first one spelled out.

    ``h_w(x) = P(y = 1 | x; w) = g(w^T x) = \frac{1}{1 + e^{-w^T x}}`` defines h_w by the last
    side (a probability, then a function the document has not defined, come before it); a
    side with a decimal is an example's value, never a definition.

    >>> defining_side(Reader(), ["h(x) ", " P(y = 1 | x) ", " g(x) ", r" \frac{1}{1 + e^{-x}}"])
    3
    >>> defining_side(Reader(), ["f(x) ", " (x + 1)^2 ", " x^2 + 2x + 1"])
    1
    >>> defining_side(Reader(), ["E(w) ", r" -\log P(T \mid X) ", r" -\sum_n t_n \log y_n"])
    2
    """
    for k in range(1, len(sides)):
        side = sides[k]
        if _DECIMAL.search(side):
            return 1
        head = function_head(side)
        unknown = head and len(_plain(head[0])) == 1 and not _known(reader, head[0], True)
        if not (_STATED.match(side) and side.rstrip().endswith((")", "]")) or unknown or
                _CONDITIONAL.search(side)):
            return k
    return 1


_NUMBER = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*")


def condition_on_a_bound_name(chain, reader) -> str:
    """``when $P > 0.5$`` after ``$P = 0.5$``: an inequality between a name the text set to a
    value and a number is a case the prose considers, not a claim about that value.

    >>> from symbolic.latex_in.relations import split_chain
    >>> reader = Reader()
    >>> reader.sem.bindings["P"] = 0.5
    >>> condition_on_a_bound_name(split_chain("P > 0.5"), reader)[:40]
    'P compared with a number may be a case t'
    >>> condition_on_a_bound_name(split_chain("Q > 0.5"), reader)
    ''
    """
    if len(chain.relations) != 1 or chain.relations[0].symbol not in INEQUALITIES:
        return ""
    names = [lone_name(side) for side in chain.sides if not _NUMBER.fullmatch(side)]
    if len(names) == 1 and names[0] in reader.sem.bindings and \
            any(_NUMBER.fullmatch(side) for side in chain.sides):
        return (f"{names[0]} compared with a number may be a case the text considers, not a "
                "claim about the value it set earlier")
    return ""


# odds, Odds, \text{odds}: the word names one standard object
_ODDS_WORD = re.compile(r"\s*(?:\\(?:text|textrm|mathrm|operatorname)\s*\{\s*)?[Oo]dds\s*\}?\s*")


def standard_object(lhs: str, rhs: str) -> str | None:
    r"""``odds = \frac{1}{1-p}`` defines a word that has one meaning in the field: the text of
    that object (``\odds(p)``) to check the definition against, or None.  Only when the right
    side is written in one probability letter, p or P.

    >>> standard_object("odds", r"\frac{p}{1-p}"), standard_object(r"\text{Odds}", r"\frac{P}{1 + P}")
    ('\\odds(p)', '\\odds(P)')
    >>> standard_object("odds", r"\frac{P(A)}{P(B)}") is None, standard_object("J", "p") is None
    (True, True)
    """
    bare = re.sub(r"\\[A-Za-z]+", " ", rhs)
    if not _ODDS_WORD.fullmatch(lhs) or re.search(r"[A-Za-z]\s*\(", bare):   # P(A): an event's
        return None
    letters = set(re.findall(r"[A-Za-z]", bare))
    return f"\\odds({letters.pop()})" if len(letters) == 1 and letters <= {"p", "P"} else None


_APPLIED_TO = re.compile(r"(?<![A-Za-z\\])([pPqQ])\s*\(\s*([a-z])\s*\)")


def renamed_summation_variable(text: str) -> str:
    r"""A doubt when one pmf letter is applied to several variables that are each summed
    over: ``\sum_x p(x) \log p(x) = \sum_z p(z) \log p(z)`` may rename the variable of one
    pmf (then it holds) or name the distributions of X and Z (as read); "" otherwise.

    >>> renamed_summation_variable(r"\sum_x p(x)^2 = \sum_{z} p(z)^2")[:36]
    'p is applied to x and z, each summed'
    >>> renamed_summation_variable(r"\sum_x p(x, y) = p(y)")
    ''

    Beside the joint pmf of the same variables, ``p(x)`` and ``p(y)`` are its marginals:

    >>> renamed_summation_variable(r"I = \sum_x \sum_y p(x,y) \log \frac{p(x|y)}{p(x)p(y)}")
    ''
    """
    summed = set(SUM_INDEX.findall(text))
    letters = {}
    for letter, var in _APPLIED_TO.findall(text):
        letters.setdefault(letter, set()).add(var)
    for letter, variables in sorted(letters.items()):
        joint = re.compile(re.escape(letter) + r"\s*\(([^()]*)\)")
        if any(variables <= set(re.findall(r"(?<![A-Za-z\\])[a-z](?![A-Za-z])", args))
               for args in joint.findall(text)):
            continue
        if len(variables) > 1 and variables <= summed:
            return (f"{letter} is applied to {' and '.join(sorted(variables))}, each summed over: "
                    "one pmf with its variable renamed, or the distributions of different "
                    "variables (as read)")
    return ""
