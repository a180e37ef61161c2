r"""Two random variables with names other than X and Y.

The reader knows one pair of random variables, X and Y, with their joint pmf (see
:mod:`symbolic.latex_in.semantics`).  ``H(X, Z) = H(X) + H(Z|X)`` is the chain rule of the
pair X, Z, and ``I(A;B) = H(B) - H(B|A)`` the same identity for A and B: what they state does
not depend on the letters.  A chain that names exactly two random variables, each by one
capital letter inside ``H(…)`` or ``I(…)`` (not P, Q or R, the letters of distributions:
``H(P, Q)`` is a cross-entropy), and writes those letters nowhere else, is read
with them renamed X and Y (a letter that is X or Y keeps its name).  Anything else, a third
variable, a letter also used outside the measures, a lower-case outcome of one of them, or
pmfs the document gives values to, is read as written.

>>> rename = pair_renaming([r"H(X,Z)", r"H(X) + H(Z|X)"])
>>> rename(r"H(Z|X)")
'H(Y|X)'
>>> pair_renaming([r"H(X,Y)", r"H(X) + H(Y|X)"]) is None      # already X and Y
True
>>> pair_renaming([r"H(Z)", r"\log Z"]) is None             # Z outside a measure
True
>>> pair_renaming([r"H(P, Q)", r"H(Q, P)"]) is None          # distributions, not variables
True
"""
from __future__ import annotations

import re
from typing import Callable

# H(…) or I(…) with no parenthesis inside: the arguments of a measure of random variables
# (which keeps them as written: H(X), I(X;Y))
_MEASURE = re.compile(r"(?<![A-Za-z\\])([HI])\s*\(([^()]*)\)")
_SEPARATORS = re.compile(r"\\mid|\\vert|\\\||\\parallel|‖|\||;|,")
# the letters random variables go by; P, Q, R name distributions (H(P, Q) is a cross-entropy)
_CAPITAL = re.compile(r"\s*([ABCSTUVWXYZ])\s*")


def _token(letter: str) -> re.Pattern:
    """``letter`` as a name of its own: not part of a word, a command or a subscript."""
    return re.compile(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])")


def _measured_letters(text: str) -> list | None:
    """The capital letters that are the arguments of the measures of ``text``, in order of
    first use; None when an argument is anything but one capital letter (``Y=y``, ``X_1``)."""
    letters = []
    for m in _MEASURE.finditer(text):
        for part in _SEPARATORS.split(m.group(2)):
            one = _CAPITAL.fullmatch(part)
            if not one:
                return None
            if one.group(1) not in letters:
                letters.append(one.group(1))
    return letters


def pair_renaming(sides, bound: bool = False) -> Callable[[str], str] | None:
    """A function that renames the chain's two random variables X and Y, or None when the
    chain (its ``sides``) is not of that kind, or ``bound``: the document gives pmfs values,
    which are the pmfs of X and Y as named.

    >>> pair_renaming(["I(A;B)", "H(B) - H(B|A)"])("H(B|A)")
    'H(Y|X)'
    >>> pair_renaming(["H(A|B)", "H(A)"], bound=True) is None
    True
    """
    text = " ".join(sides)
    letters = _measured_letters(text)
    if bound or not letters or len(letters) != 2 or set(letters) == {"X", "Y"}:
        return None
    free = [t for t in "XY" if t not in letters]     # X or Y keeps its name; others take one
    targets = {n: n if n in "XY" else free.pop(0) for n in letters}
    outside = _MEASURE.sub(" ", text)
    names = set(letters) | set(targets.values())
    if any(_token(n).search(outside) or _token(n.lower()).search(text) for n in names):
        return None

    def rename(side: str) -> str:
        def measure(m):
            inner = re.sub(r"[A-Z]", lambda c: targets.get(c.group(0), c.group(0)), m.group(2))
            return f"{m.group(1)}({inner})"
        return _MEASURE.sub(measure, side)
    return rename


# p(X), P(X, Y), Q(Y|X): a pmf applied to random variables; \sum_X, \sum_{X}: over their values
_APPLIED = re.compile(r"(?<![A-Za-z\\])([pPqQ]\s*\(\s*)([XY])(\s*(?:(?:,|\||\\mid|\\vert)\s*)([XY]))?(\s*\))")
_SUMMED = re.compile(r"(\\sum\s*_\s*)(?:\{\s*([XY])\s*\}|([XY]))(?![A-Za-z])")
_VALUE_LETTER = re.compile(r"(?<![A-Za-z\\])[xy](?![A-Za-z])")
_VARIABLE_LETTER = re.compile(r"(?<![A-Za-z\\])[XY](?![A-Za-z])")


def values_renaming(sides) -> Callable[[str], str] | None:
    r"""A function that writes the random variables X and Y as their values x and y where a
    pmf is applied to them or a sum runs over them (``\sum_X P(X) \log Q(X)`` is
    ``\sum_x P(x) \log Q(x)``); None when the chain also writes x or y, or X and Y anywhere
    else than there and in the measures ``H(…)`` and ``I(…)`` (``P(X \cap Y)``, ``X_i``,
    ``\mathbb{E}_X``).

    >>> values_renaming([r"H(X)", r"-\sum_X P(X) \log P(X)"])(r"-\sum_X P(X) \log P(X)")
    '-\\sum_{x} P(x) \\log P(x)'
    >>> values_renaming([r"P(X,Y)", r"P(Y|X) P(X)"])(r"P(Y|X) P(X)")
    'P(y|x) P(x)'
    >>> values_renaming([r"P(X|Y)", r"\frac{P(X \cap Y)}{P(Y)}"]) is None
    True
    """
    text = " ".join(sides)
    if not _APPLIED.search(text) or _VALUE_LETTER.search(text):
        return None
    rest = _SUMMED.sub(" ", _APPLIED.sub(" ", _MEASURE.sub(" ", text)))
    summed = {_summed(m) for m in _SUMMED.finditer(text)}
    if _VARIABLE_LETTER.search(rest):
        return None

    def applied(m):
        second = f"{m.group(3)[:-1]}{m.group(4).lower()}" if m.group(3) else ""
        return f"{m.group(1)}{m.group(2).lower()}{second}{m.group(5)}"

    def measure(m):     # \sum_X P(X) H(Y|X): the entropy given X = x, the value summed over
        given = re.split(r"(\||\\mid|\\vert)", m.group(2), maxsplit=1)
        if len(given) < 3 or given[2].strip() not in summed:
            return m.group(0)
        letter = given[2].strip()
        return f"{m.group(1)}({given[0]}{given[1]} {letter} = {letter.lower()})"

    def rename(side: str) -> str:
        first = _SUMMED.search(side)     # the measures in the sum's body, not those before it
        if first:
            side = side[:first.start()] + _MEASURE.sub(measure, side[first.start():])
        return _APPLIED.sub(applied, _over_values(side, summed))
    return rename


def summed_values(sides) -> Callable[[str], str] | None:
    r"""A function that writes a sum over a random variable as one over its values when the
    body writes the values (``\sum_X P(X=x) H(Y|X=x)`` is ``\sum_x``); None otherwise.

    >>> summed_values([r"H(Y|X)", r"\sum_X P(X=x) H(Y|X=x)"])(r"\sum_X P(X=x) H(Y|X=x)")
    '\\sum_{x} P(X=x) H(Y|X=x)'
    >>> summed_values([r"\sum_X P(X) \log P(X)"]) is None
    True
    """
    text = " ".join(sides)
    letters = {_summed(m) for m in _SUMMED.finditer(text)}
    valued = {c for c in letters if re.search(c + r"\s*=\s*" + c.lower() + r"(?![A-Za-z])", text)}
    if not valued:
        return None
    return lambda side: _over_values(side, valued)


def _summed(m: re.Match) -> str:
    """The random variable a ``_SUMMED`` match sums over."""
    return m.group(2) or m.group(3)


def _over_values(side: str, letters: set) -> str:
    r"""``side`` with each sum over one of the random variables ``letters`` written over its
    values (``\sum_X``: ``\sum_{x}``)."""
    return _SUMMED.sub(lambda m: f"{m.group(1)}{{{_summed(m).lower()}}}" if _summed(m) in letters
                       else m.group(0), side)


# p_X(x), P_{XY}(x,y), P_{X,Y}, P_{Y|X}(y|x): a pmf with its random variables as subscript
_VARIABLE_SUBSCRIPT = re.compile(r"(?<![A-Za-z\\])([pPqQ])_(?:\{\s*([XYZ](?:\s*(?:,|\||\\mid)?\s*[XYZ])?)\s*\}"
                                 r"|([XYZ]))(\s*\(([^()]*)\))")
# P_X, Q_{XY} written without arguments (H(P_X)): a pmf named with its subscript
_BARE_SUBSCRIPTED = re.compile(r"(?<![A-Za-z\\])[pPqQ]_(?:\{\s*[XYZ][^{}]*\}|[XYZ])(?!\s*\()")


def subscripted_pmfs(sides) -> Callable[[str], str] | None:
    r"""A function that writes the pmf of a random variable named in its subscript as the
    pmf of the values (``p_X(x)``: ``p(x)``; ``P_{XY}(x,y)``: ``P(x,y)``; ``P_{Y|X}(y|x)``:
    ``P(y|x)``), or None when the chain writes none, or names such a pmf without arguments
    too (``H(P_X) = -\sum_x P_X(x) \log P_X(x)``: P_X is then one name throughout).

    >>> subscripted_pmfs([r"I(X;Y)", r"\sum_{x,y} p_{X,Y}(x,y) \log \frac{p_{X,Y}(x,y)}{p_X(x) p_Y(y)}"])(
    ...     r"p_{X,Y}(x,y) / p_X(x) + p_X(y)")
    'p(x,y) / p(x) + p_X(y)'
    >>> subscripted_pmfs([r"H(P_X)", r"-\sum_x P_X(x) \log P_X(x)"]) is None
    True
    """
    text = " ".join(sides)
    if not _VARIABLE_SUBSCRIPT.search(text) or _BARE_SUBSCRIPTED.search(text):
        return None

    def of_values(m) -> str:
        variables = set(re.findall(r"[XYZ]", m.group(2) or m.group(3)))
        values = set(re.findall(r"(?<![A-Za-z\\])([xyz])(?![A-Za-z])", m.group(5)))
        return m.group(1) + m.group(4) if {v.lower() for v in variables} == values else m.group(0)
    return lambda side: _VARIABLE_SUBSCRIPT.sub(of_values, side)


def random_variables_read(sides, bound: bool = False) -> Callable[[str], str] | None:
    """:func:`subscripted_pmfs`, :func:`pair_renaming`, then :func:`values_renaming` (or
    else :func:`summed_values`), as one function (None when none applies).

    >>> random_variables_read([r"P(A,B)", r"P(B|A) P(A)", r"H(A,B)"]) is None   # A in P(…)
    True
    >>> random_variables_read([r"H(X,Z) - H(X)", r"\\sum_{X} P(X) H(Z|X)"])(r"\\sum_{X} P(X) H(Z|X)")
    '\\\\sum_{x} P(x) H(Z| X = x)'
    >>> random_variables_read([r"H(Y|X)", r"\\sum_X P(X) H(Y|X)"])(r"H(Y|X)")
    'H(Y|X)'

    """
    subscripted = None if bound else subscripted_pmfs(sides)   # a table names the pmfs
    sides = [subscripted(s) for s in sides] if subscripted else list(sides)
    pair = pair_renaming(sides, bound)
    named = [pair(s) for s in sides] if pair else list(sides)
    values = values_renaming(named) or summed_values(named)
    if not (subscripted or pair or values):
        return None
    return lambda side: (values or str)((pair or str)((subscripted or str)(side)))
