"""Indexed families a document defines, member by member: ``p_i = e^{z_i} / \\sum_j e^{z_j}``.

A definition whose left side is a name with a letter index (``p_i``, ``a_n``, ``\\hat{y}_k``)
and whose right side uses that index defines every member of the family.  Read later:

* ``p_j``, ``p_2`` and, under ``\\sum_k``, ``p_k`` are the right side at that index
  (scalars ``z_i`` of the right side become ``z_j``, ``z_2``, or the sum's member ``z[k]``);
* ``\\frac{\\partial p_i}{\\partial z_j}`` differentiates that member in the member ``z[j]``
  of the family it uses (see :mod:`symbolic.latex_in.reader_definitions`).

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``
and ``_family_object``).
"""
from __future__ import annotations

import sympy as sp

from symbolic.latex_in.reader_definitions import (ROUNDS, _MEMBER, expand_except,
                                                  member_index, through_definitions)
from symbolic.latex_in.reader_patterns import _plain


def family_value(key: str, value):
    """``(base, letter)`` when ``key = value`` defines a family (``p_i`` with ``i`` used on
    the right), else None.

    >>> i = sp.Symbol("i", integer=True)
    >>> family_value("p_i", sp.exp(sp.IndexedBase("z")[i])), family_value("p_i", sp.Symbol("a"))
    (('p', 'i'), None)
    >>> family_value("a_n", sp.Symbol("z_n") + 1), family_value("theta", sp.Symbol("z_n"))
    (('a', 'n'), None)
    """
    m = _MEMBER.fullmatch(key)
    if not m or not m.group(2).isalpha():
        return None
    base, letter = m.groups()
    index = member_index(letter)
    used = any(index in ix.indices for ix in value.atoms(sp.Indexed)) or any(
        isinstance(s, sp.Symbol) and _plain(s.name).endswith("_" + letter) and
        _plain(s.name) != key for s in value.free_symbols)
    return (base, letter) if used else None


class DefinedFamilies:
    def define_family(self, key: str, value) -> bool:
        """Remember ``key = value`` as the definition of a whole family, if it is one."""
        found = family_value(key, value)
        if found:
            self.sem.family_definitions[found[0]] = (found[1], value)
        return bool(found)

    def _defines(self, expr) -> bool:
        fams = self.sem.family_definitions
        labels = {b.label for b in expr.atoms(sp.IndexedBase)}
        return any(_plain(s.name) in self.sem.bindings for s in expr.free_symbols - labels
                   if isinstance(s, sp.Symbol) and not s.is_integer) or any(
            _plain(str(ix.base.label)) in fams for ix in expr.atoms(sp.Indexed)) or any(
            (m := _MEMBER.fullmatch(_plain(s.name))) and m.group(1) in fams
            for s in expr.free_symbols - labels if isinstance(s, sp.Symbol))

    def _expand_defined(self, expr, keep=frozenset()):
        """``expr`` with the document's names and family members put in, except ``keep``."""
        kept = {_plain(str(getattr(k, "name", k))) for k in keep}
        kept |= {m.group(1) for k in kept if (m := _MEMBER.fullmatch(k))}
        kept |= {_plain(str(k.base.label)) for k in keep if isinstance(k, sp.Indexed)}
        for _ in range(ROUNDS):
            before = expr
            expr = expand_except(expr, self.sem.bindings, keep)
            expr = self._members(expr, kept)
            if expr == before:
                break
        return expr

    def _through_definitions(self, expr):
        """Derivatives through the names and families the document defined."""
        if not (self.sem.bindings or self.sem.family_definitions):
            return expr
        return through_definitions(expr, self.sem.bindings, self._expand_defined, self._defines)

    def _members(self, expr, kept=frozenset()):
        fams = {b: d for b, d in self.sem.family_definitions.items() if b not in kept}
        if not fams:
            return expr
        bases = {_plain(str(b.label)): b for b in expr.atoms(sp.IndexedBase)}
        repl = {}
        for ix in expr.atoms(sp.Indexed):
            name = _plain(str(ix.base.label))
            if name in fams and len(ix.indices) == 1:
                size = ix.base.shape[0] if ix.base.shape else None
                repl[ix] = self._member(fams[name], ix.indices[0], bases, size)
        for s in expr.free_symbols:
            m = _MEMBER.fullmatch(_plain(getattr(s, "name", "")))
            if isinstance(s, sp.Symbol) and m and m.group(1) in fams and \
                    _plain(s.name) not in self.sem.bindings:
                repl[s] = self._member(fams[m.group(1)], member_index(m.group(2)), bases, None)
        return expr.xreplace(repl) if repl else expr

    def _adopt_families(self, expr):
        """After definitions were put in: the families they brought (``y[k]`` of
        ``L = -\\sum_k y_k \\log p_k``) are the chain's too, and a scalar ``y_i`` beside
        them is their member ``y[i]``, as the reader makes it beside a sum it reads."""
        for b in expr.atoms(sp.IndexedBase):
            self.families.setdefault(_plain(str(b.label)), b)
        known = {_plain(k): f for k, f in self.families.items()}
        repl = {}
        for s in expr.free_symbols:
            m = _MEMBER.fullmatch(_plain(getattr(s, "name", "")))
            if isinstance(s, sp.Symbol) and m and m.group(2).isalpha() and m.group(1) in known:
                repl[s] = known[m.group(1)][member_index(m.group(2))]
        return expr.xreplace(repl) if repl else expr

    def _member(self, definition, index, bases: dict, size):
        """The definition at ``index``: in a sum (``size`` given) scalars ``z_i`` become
        the sum's members ``z[index]``, elsewhere the scalars ``z_j``."""
        letter, value = definition
        value = value.xreplace({member_index(letter): index})
        repl = {}
        for s in value.free_symbols:
            m = _MEMBER.fullmatch(_plain(getattr(s, "name", "")))
            if not (isinstance(s, sp.Symbol) and m and m.group(2) == letter):
                continue
            if size is not None:
                family = bases.get(m.group(1)) or self._family_object(m.group(1), size)
                repl[s] = family[index]
            else:
                repl[s] = sp.Symbol(f"{m.group(1)}_{index}", real=True)
        # a family of the definition that the expression also uses: one object
        repl.update({b: bases[_plain(str(b.label))] for b in value.atoms(sp.IndexedBase)
                     if _plain(str(b.label)) in bases})
        return value.xreplace(repl)
