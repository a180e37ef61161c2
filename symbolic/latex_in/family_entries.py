"""Which subscripted names are entries of a family the chain sums over: a column ``x_{i1}``,
a numbered entry ``a_1`` or ``a_K`` (counted as the chain's sums count), a ``w_0`` that is its
own name beside a family from 1, and subscripts that use a bound index among other things.
Pure functions of names and the chain's text; the meaning pass of the reader uses them.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob  # noqa: F401  (the examples use it)
from symbolic.latex_in.errors import UnknownNotation


def column_of(name: str, index: str):
    """``x_{i1}`` under a sum over i: the match of a column (its base and digit), or None.

    >>> column_of("x_{i1}", "i").groups(), column_of("x_{2i}", "i").groups(), column_of("x_{ij}", "i")
    (('x', '1', None), ('x', None, '2'), None)
    """
    return re.fullmatch(r"(.+?)_\{?(?:" + re.escape(index) + r",?(\d)|(\d),?" + re.escape(index)
                        + r")\}?", name)



# \sum_{n=0}^{N-1}: a chain that counts from 0 (then a_1 would be the second entry)
_LOWER = re.compile(r"\\(?:sum|prod)\s*_\s*\{\s*[A-Za-z]\s*=\s*(\w+)\s*\}")


def apart_from_family(letter: str, chain_text: str) -> bool:
    r"""Is ``letter``\ ``_0`` a name apart from the family's entries 1, 2, …: no sum of the chain
    starts at 0 and no transpose of the family (``w^T x`` may hold w_0 with a dummy x_0 = 1)?

    >>> apart_from_family("w", r"w_0 + \sum_{i=1}^{n} w_i f_i"), apart_from_family("w", r"w^T x = w_0 + \sum_{i=1}^{n} w_i x_i")
    (True, False)
    >>> apart_from_family("beta", r"\sum_{j=0}^{p} \beta_j x_j = \beta_0 + z")
    False
    """
    if "0" in _LOWER.findall(chain_text):
        return False
    name = r"\\?" + re.escape(letter)
    return re.search(r"(?<![A-Za-z])" + name + r"(?![A-Za-z])\s*\}?\s*\^\s*\{?\s*(?:T(?![A-Za-z])|\\top|"
                     r"\\intercal|\\mathrm\{T\})", chain_text) is None


def size_name(family) -> str:
    """The name of a family's size when it is one symbol (K of a[1..K]), else "".

    >>> size_name(ob.reals("a", ob.support_size("K"))), size_name(sp.IndexedBase("b"))
    ('K', '')
    """
    shape = getattr(family, "shape", None) or ()
    return str(shape[0]) if len(shape) == 1 and isinstance(shape[0], sp.Symbol) else ""


def numbered_entry(family, sub: str, chain_text: str):
    r"""The entry ``a_1`` (or ``a_K``, K the family's size) names beside sums over ``a_k``:
    stored from 1, so with sums from 0 a_0 is the first entry.  Sums from both 0 and 1 in
    one chain leave the numbering open: not read.

    >>> a = ob.reals("a", ob.support_size("K"))
    >>> numbered_entry(a, "1", r"\sum_{k=1}^{K} a_k"), numbered_entry(a, "0", r"\sum_{k=0}^{K} a_k")
    (a[1], a[1])
    >>> numbered_entry(a, "K", r"\sum_{k=1}^{K} a_k")
    a[K]
    """
    starts = set(_LOWER.findall(chain_text))
    if len(starts) > 1 or starts - {"0", "1"}:
        raise UnknownNotation(f"the entry {family.label}_{sub} beside sums that start at "
                              f"{' and '.join(sorted(starts))}: its place is not read")
    offset = 1 if starts == {"0"} else 0
    if sub.isdigit():
        if int(sub) + offset < 1:
            raise UnknownNotation(f"the entry {family.label}_{sub} of a family counted from 1")
        return family[int(sub) + offset]
    if offset:
        raise UnknownNotation(f"the entry {family.label}_{sub} beside sums from 0: its place "
                              "is not read")
    return family[family.shape[0]]


def subscript_uses(symbol, index: str) -> bool:
    """Does the subscript of ``symbol``'s name use ``index`` among other things
    (``P_k,theta``, ``w_{k,1}``)?

    >>> subscript_uses(sp.Symbol("P_k,theta"), "k"), subscript_uses(sp.Symbol("P_theta"), "k")
    (True, False)
    """
    _, _, sub = getattr(symbol, "name", "").partition("_")
    return re.search(r"(?<![A-Za-z\\])" + re.escape(index) + r"(?![A-Za-z])", sub) is not None


def entry_at_another_index(body, index: str) -> bool:
    r"""Does ``body`` write an entry at a letter index other than ``index`` (the z_i of
    ``\sum_j e^{z_i}``)?

    >>> entry_at_another_index(sp.exp(sp.Symbol("z_i")), "j")
    True
    >>> entry_at_another_index(sp.exp(sp.Symbol("z_1")) + sp.Symbol("x"), "j")
    False
    """
    return any(m and m.group(1) != index
               for m in (_ENTRY_NAME.fullmatch(s.name) for s in body.free_symbols
                         if isinstance(s, sp.Symbol)))


TARGETS = re.compile(r"(?<![A-Za-z\\])t_\s*\{?\s*[a-z]")
_ENTRY_NAME = re.compile(r"[A-Za-z]+_\{?([a-z])\}?")
