r"""Entries of a matrix written with two indices: ``W_{ik}``, ``W_{i,k}``, ``W_{kl}``.

Gradient notes compute a Jacobian entry by entry: ``z_i = \sum_{k=1}^m W_{ik} x_k``, then
``\frac{\partial}{\partial x_j} \sum_k W_{ik} x_k = W_{ij}`` and
``\frac{\partial z_k}{\partial W_{ij}} = \sum_l x_l \frac{\partial}{\partial W_{ij}} W_{kl}``.
The reader makes such a matrix one two-index family of reals ``W[i, k]`` (an
``IndexedBase`` of two axes), so a derivative in one entry gives Kronecker deltas:
∂W[k, l]/∂W[i, j] = δ_{ik} δ_{jl}, in every case of the indices, never 0 by a guess.

* An axis an index bound by a sum runs over has that sum's size; an axis whose index is
  free (``i`` of ``W_{ik}``) has a size of its own, ``rows(W)`` or ``cols(W)``.
* Only a letter that the reader gives no other meaning is a matrix here (``W``, ``U``,
  ``A``, ``X``, ``x_{ik}``, ``w_{kl}``; not the pmf letters p, q, r, the labels y and t, e,
  Y, Z, H, I, D, E, the support sizes K and C, N, T): ``y_{ik}`` and ``p_{ik}`` of a
  classification post are labels and probabilities, whose constraints a family of reals
  would lose.
* The entries are any real numbers; the text may constrain them (an adjacency matrix of
  0 and 1), so a failure is a doubt, never the author's error (see :data:`DOUBT`).

>>> two_index("W_{ik}"), two_index("W_{i,k}"), two_index("x_ij"), two_index("y_{ik}")
(('W', 'i', 'k'), ('W', 'i', 'k'), ('x', 'i', 'j'), None)
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in.errors import UnknownNotation

MATRIX_LETTERS = set("ABFGJLMOSUVWX") | set("abcfghsuvwxz")
# W_{ik}, W_ik (a plain name), W_{i,k}, W_{1,2} (numbers only with the comma)
_TWO = re.compile(r"([A-Za-z])_\{?\s*(?:([a-z])\s*([a-z])|([a-z]|\d+)\s*,\s*([a-z]|\d+))\s*\}?")
DOUBT = ("the entries of a matrix are read as any real numbers (the text may constrain "
         "them)")


def two_index(name: str):
    """``(base, first, second)`` of an entry written with two indices, else None.

    >>> two_index("W_{1,2}"), two_index("W_{12}"), two_index("A_{kk}")
    (('W', '1', '2'), None, ('A', 'k', 'k'))
    """
    m = _TWO.fullmatch(name or "")
    if not m or m.group(1) not in MATRIX_LETTERS:
        return None
    first, second = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
    return m.group(1), first, second


def index_of(written: str):
    """The index a subscript letter or number names.

    >>> index_of("k"), index_of("2")
    (k, 2)
    """
    return sp.Integer(int(written)) if written.isdigit() else ob.index(written)


def free_size(base: str, axis: int) -> sp.Symbol:
    """The size of an axis no sum bounds: ``rows(W)``, ``cols(W)`` (names no text writes).

    >>> free_size("W", 0), free_size("W", 1).is_integer
    (rows(W), True)
    """
    return ob.support_size(f"{'rows' if axis == 0 else 'cols'}({base})")


def is_matrix(family) -> bool:
    """Is ``family`` a matrix of reals read here (not a joint pmf, nor a vector)?

    >>> is_matrix(ob.reals("W", (2, 3))), is_matrix(ob.reals("x", 3))
    (True, False)
    >>> is_matrix(ob.joint_pmf("P_XY", 2, 2))
    False
    """
    return isinstance(family, ob.RealVector) and len(family.shape or ()) == 2


def matrix_of(families: dict, base: str, sizes: tuple):
    """The two-index family ``base`` of the chain, made with ``sizes`` (None for an axis no
    sum bounds) the first time; a name the chain already uses with one index is not read.

    >>> fams = {}
    >>> matrix_of(fams, "W", (None, 3)).shape
    (rows(W), 3)
    >>> matrix_of(fams, "W", (4, 4)).shape      # the first reading stands
    (rows(W), 3)
    """
    found = families.get(base)
    if found is not None:
        if not is_matrix(found):
            raise UnknownNotation(f"{base} is used with one index and with two: its entries "
                                  "are not read")
        return found
    shape = tuple(s if s is not None else free_size(base, axis) for axis, s in enumerate(sizes))
    families[base] = ob.reals(base, shape)
    return families[base]


def summed_entries(body, name: str, k, size, families: dict, doubts: list, size_of=None,
                   bounds=None):
    """``body`` of a sum over the index ``name`` (read as ``k``, running to ``size``) with its
    two-index entries that use the index (``W_{ik}`` under ``\\sum_k``) made entries of a
    matrix family; other symbols are left as they are.  The other index of an entry that a
    sum inside ``body`` binds (``\\sum_k \\sum_l W_{kl}``), or another limit of the same sum
    (``bounds``, index name to upper bound), has that sum's size, read by ``size_of`` from
    its upper bound.

    >>> k = ob.index("k")
    >>> body = sp.Symbol("W_{ik}") * sp.Symbol("x_k")
    >>> summed_entries(body, "k", k, sp.Symbol("m"), {}, [])
    x_k*W[i, k]
    >>> l, w = sp.Symbol("l"), sp.Symbol("W_{kl}")
    >>> summed_entries(sp.Sum(w, (l, 1, 4)), "k", k, 3, {}, [], lambda hi: hi)
    Sum(W[k, l], (l, 1, 4))
    """
    repl = {}
    for s in body.free_symbols:
        found = two_index(getattr(s, "name", "")) if isinstance(s, sp.Symbol) else None
        if not found or name not in found[1:]:
            continue
        base, first, second = found
        inner = dict(bounds or {})
        inner.update({lim[0].name: lim[2] for e in body.atoms(sp.Sum)
                      if s in e.function.free_symbols
                      for lim in e.limits if len(lim) == 3 and lim[1] == 1})
        family = matrix_of(families, base, tuple(
            size if i == name else size_of(inner[i]) if size_of and i in inner else None
            for i in (first, second)))
        repl[s] = family[tuple(k if i == name else index_of(i) for i in (first, second))]
    if repl:
        doubts.append(DOUBT)     # repeated on purpose: each reading of a side records its own
    return body.xreplace(repl) if repl else body


def entry_of(name: str, bases: dict):
    """The entry ``W[i, j]`` a variable named ``W_{ij}`` is of a matrix in ``bases`` (label
    to family), else None.

    >>> W = ob.reals("W", (2, 3))
    >>> entry_of("W_{ij}", {"W": W}), entry_of("W_{ij}", {}), entry_of("w_j", {"W": W})
    (W[i, j], None, None)
    """
    found = two_index(name)
    if not found or not is_matrix(bases.get(found[0])):
        return None
    return bases[found[0]][index_of(found[1]), index_of(found[2])]


_VECTOR = r"\s*(?:\\(?:mathbf|bm|boldsymbol|vec|bf)\s*\{\s*([A-Za-z])\s*\}|([a-z]))\s*"
# (\frac{\partial \mathbf{z}}{\partial \mathbf{x}})_{ij}: the entry (i, j) of a Jacobian
_JACOBIAN_ENTRY = re.compile(
    r"(?:\\left\s*)?\(\s*\\frac\s*\{\s*\\partial(?![A-Za-z])" + _VECTOR + r"\}\s*\{\s*"
    r"\\partial(?![A-Za-z])" + _VECTOR.replace("([A-Za-z])", "([A-Za-z])").replace(
        "([a-z])", "([a-z])") + r"\}\s*(?:\\right\s*)?\)\s*_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}")
LAYOUT = ("the entry (i, j) of a Jacobian is read in the numerator layout, ∂z_i/∂x_j (a text "
          "in the denominator layout means ∂z_j/∂x_i)")


def jacobian_entries(text: str, doubts: list) -> str:
    r"""``text`` with each entry of a Jacobian written ``(\frac{\partial \mathbf{z}}{\partial
    \mathbf{x}})_{ij}`` as the derivative of one entry in another, ``\frac{\partial z_{i}}
    {\partial x_{j}}`` (the numerator layout, a doubt: a failure is not the author's).

    >>> print(jacobian_entries(r"(\frac{\partial \bm{z}}{\partial \bm{x}})_{ij}", []))
    \frac{\partial z_{i}}{\partial x_{j}}
    >>> print(jacobian_entries(r"\frac{\partial \bm{z}}{\partial \bm{x}}", []))
    \frac{\partial \bm{z}}{\partial \bm{x}}
    """
    def entry(m):
        top, bottom = m.group(1) or m.group(2), m.group(3) or m.group(4)
        if top == bottom:
            return m.group(0)
        doubts.append(LAYOUT)    # repeated on purpose: each reading of a side records its own
        return f"\\frac{{\\partial {top}_{{{m.group(5)}}}}}{{\\partial {bottom}_{{{m.group(6)}}}}}"
    return _JACOBIAN_ENTRY.sub(entry, text)


def _free(size) -> bool:
    return isinstance(size, sp.Symbol) and size.name.startswith(("rows(", "cols("))


def settled(expr):
    """``expr`` with each matrix written as one family: an axis no sum bounded where it was
    read (``rows(W)`` of ``z_i = \\sum_k W_{ik} x_k``) takes the size of the sum that runs
    over it elsewhere in ``expr`` (``\\sum_{k=1}^m \\delta_k z_k``: W has m rows).  Two
    different sizes for one axis are not read.

    >>> k, l = ob.index("k"), ob.index("l")
    >>> W = ob.reals("W", (free_size("W", 0), 3))
    >>> settled(sp.Sum(W[k, l], (k, 1, 4))).function.base.shape
    (4, 3)
    >>> settled(W[k, l] + ob.reals("W", (5, 3))[k, l]).atoms(sp.IndexedBase)
    {W}
    """
    groups = {}
    for b in expr.atoms(sp.IndexedBase):
        if is_matrix(b):
            groups.setdefault(b.label, set()).add(b)
    if not groups:
        return expr
    evidence = {}
    for s in expr.atoms(sp.Sum):
        bound = {lim[0]: lim[2] for lim in s.limits if len(lim) == 3 and lim[1] == 1}
        for ix in s.function.atoms(sp.Indexed):
            for axis, i in enumerate(ix.indices if is_matrix(ix.base) else ()):
                if i in bound:
                    evidence.setdefault((ix.base.label, axis), set()).add(bound[i])
    repl = {}
    for label, bases in groups.items():
        shape = []
        for axis in (0, 1):
            sizes = {b.shape[axis] for b in bases if not _free(b.shape[axis])}
            if not sizes and all(_free(b.shape[axis]) for b in bases):
                sizes = evidence.get((label, axis), set())
            if len(sizes) > 1:
                raise UnknownNotation(f"the matrix {label} is read with two sizes "
                                      f"({', '.join(sorted(map(str, sizes)))})")
            shape.append(sizes.pop() if sizes else next(iter(bases)).shape[axis])
        one = ob.reals(str(label), tuple(shape))
        repl.update({b: one for b in bases if b != one})
    return expr.xreplace(repl) if repl else expr


def unread_entry(expr, variables) -> None:
    """Raise when a variable named after a matrix that ``expr`` uses was not read as one of
    its entries (``\\frac{\\partial}{\\partial W_{12}}`` of Σ W[k, l]²: W_12 is no W[k, l], so
    the derivative would be 0, a false proof).

    >>> W = ob.reals("W", (2, 2))
    >>> unread_entry(W[1, 2] ** 2, [W[1, 2]])
    >>> unread_entry(W[1, 2] ** 2, [sp.Symbol("W_{12}")])
    Traceback (most recent call last):
    ...
    symbolic.latex_in.errors.UnknownNotation: the derivative in W_{12}: its entry of the matrix W is not read
    """
    labels = {re.sub(r"[{}\\\s]", "", str(b.label)) for b in expr.atoms(sp.IndexedBase)
              if is_matrix(b)}
    for v in variables:
        name = getattr(v, "name", "") if isinstance(v, sp.Symbol) else ""
        if name.partition("_")[0] in labels and v not in expr.free_symbols:
            raise UnknownNotation(f"the derivative in {name}: its entry of the matrix "
                                  f"{name.partition('_')[0]} is not read")
