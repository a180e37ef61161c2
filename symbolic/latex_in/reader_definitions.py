"""Names and applications a document defines, and derivatives through them.

A post that writes ``E_{n}(\\mathbf{w}) = -(t_n \\log y_n + (1 - t_n) \\log(1 - y_n))``,
``y_n = \\sigma(a_n)`` and ``a_n = w_0 x_n + w_1`` has defined three quantities, each in
terms of the next.  Read later:

* ``E_{n}(\\mathbf{w})`` written with the same arguments is the body it was set to;
* ``\\frac{\\partial E_{n}(\\mathbf{w})}{\\partial y_n}`` differentiates that body in ``y_n``,
  holding what is not defined through ``y_n`` fixed (the chain rule's partial);
* ``\\frac{\\partial E_{n}(\\mathbf{w})}{\\partial w_0}`` first puts in every definition that
  leads to ``w_0`` (y_n, then a_n), then differentiates.

A derivative in a defined name is taken before that name is replaced by its definition
(the reader puts the definitions in afterwards), so ``\\frac{\\partial}{\\partial y_n} \\log y_n`` is
``1/y_n``, and then ``1/\\sigma(a_n)``.

>>> import sympy as sp

from symbolic.quantities import differentiate
>>> a, y, t = sp.symbols("a_n y_n t_n", real=True)
>>> defined = {"y_n": 1 / (1 + sp.exp(-a))}
>>> sp.simplify(through_definitions(sp.Derivative(sp.log(y), a), defined) -
...             1 / (1 + sp.exp(a)))
0
>>> through_definitions(sp.Derivative(t * sp.log(y), y), defined)
t_n/y_n
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.notation import NAMED
from symbolic.latex_in.reader_matrices import entry_of, unread_entry
from symbolic.latex_in.reader_patterns import _plain
from symbolic.latex_in.scan import closing, plain_parentheses
from symbolic.quantities import differentiate

ROUNDS = 8   # definitions nested deeper than this are left as they are

# the head of an application a document may define: E_{n}(…), g(…), S(x_i), h_{\mathrm{w}}(…),
# \mathcal{L}(…) — not a pmf letter, an information measure or a function the reader knows
_HEAD = re.compile(r"(\\mathcal\{[A-Z]\}|\\(?:text|textrm|mathrm|operatorname)\{[A-Za-z]{2,}\}|[A-Za-z])(\s*_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|"
                   r"\\?[A-Za-z0-9]+))?\s*\(")
_READER_HEADS = {"p", "q", "r", "P", "Q", "R", "H", "I", "D", "e", "d"}
# E(\mathbf{w}), E(\theta): an error function of parameters (PRML's notation), not the
# expectation of a random variable E(X)
_PARAMETERS = re.compile(r"(?:(?:w|b|theta|phi|beta|omega|psi)(?:_\w+)?)"
                         r"(?:,(?:w|b|theta|phi|beta|omega|psi)(?:_\w+)?)*")   # E(w, b) too
_DECORATIONS = re.compile(r"\\(?:mathrm|mathbf|boldsymbol|bm|bf|rm|mathit)\b\s*")


def application_key(head: str) -> str:
    """The plain name of an application's head: ``E_{n}`` and ``E_n`` are one name.

    >>> application_key(r"E_{n}"), application_key(r"h_{\\mathrm{w}}")
    ('E_n', 'h_w')
    """
    return _plain(_DECORATIONS.sub("", head))


def argument_key(args: str) -> str:
    """The arguments as written, without spacing and typeface: ``{ \\bf w }`` is ``w``.

    >>> argument_key(r"{ \\bf w }"), argument_key(r"\\mathbf{w}"), argument_key(r"Y \\mid X")
    ('w', 'w', 'Y|X')
    """
    return _plain(_DECORATIONS.sub("", re.sub(r"\\(?:mid|vert)(?![A-Za-z])", "|", args)))


def defined_head(text: str):
    """``(key, arguments)`` when ``text`` is one application whose head a document may
    define, else None.

    >>> defined_head(r"E_{n} ( { \\bf w } )"), defined_head(r"g(\\mathrm{w}^Tx)")
    (('E_n', 'w'), ('g', 'w^Tx'))
    >>> defined_head(r"P(y=1 | x)"), defined_head(r"E(X)"), defined_head(r"H(p)")
    (None, None, None)
    >>> defined_head(r"E( { \\bf w } )"), defined_head(r"E(\\boldsymbol{\\theta})")
    (('E', 'w'), ('E', 'theta'))
    >>> defined_head(r"E(w, b)"), defined_head(r"E(X, Y)")
    (('E', 'w,b'), None)
    >>> defined_head(r"L(\\theta | x)"), defined_head(r"\\mathcal{L}(\\theta ; D)")
    (('L', 'theta|x'), ('mathL', 'theta;D'))
    >>> defined_head(r"\\text{OR}(Y \\mid X)"), defined_head(r"\\text{CE}(X, Y)")
    (('textOR', 'Y|X'), None)
    """
    t = plain_parentheses(text)
    m = _HEAD.match(t)
    if not m or not t.endswith(")") or closing(t, m.end() - 1) != len(t) - 1:
        return None
    letter, sub = m.group(1), m.group(2)
    word = re.fullmatch(r"\\\w+\{(\w+)\}", letter)
    args = t[m.end():-1]
    if letter in _READER_HEADS or letter == "E" and not sub and not _PARAMETERS.fullmatch(
            argument_key(args)) or \
            word and (word.group(1) in NAMED or word.group(1).lower() in NAMED):
        return None     # pmfs, measures, E[X], \text{CE}(…) have the reader's own meaning
    if not args.strip() or "\\sim" in args:
        return None
    return application_key(letter + (sub or "")), argument_key(args)


def applied_at(t: str, i: int, applications: dict):
    """``(body, end)`` when a defined application, with the arguments of its definition,
    starts at ``i``; else None."""
    m = _HEAD.match(t, i)
    if not m or i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\"):
        return None
    key = application_key(m.group(1) + (m.group(2) or ""))
    if key not in applications:
        return None
    close = closing(t, m.end() - 1)
    if close < 0:
        return None
    written = argument_key(t[m.end():close])
    for entry in (key, arguments_entry(key, written)):
        if entry in applications and applications[entry][0] == written:
            return applications[entry][1], close + 1
    return None


def arguments_entry(key: str, args: str) -> str:
    """Where a second definition of one head with other arguments is kept:
    ``\\mathcal{L}(\\theta; X, Z)`` beside ``\\mathcal{L}(\\theta; X)``.

    >>> arguments_entry("mathcalL", "theta;X,Z")
    'mathcalL(theta;X,Z)'
    """
    return f"{key}({args})"


def _named(expr, defined: dict) -> dict:
    """The symbols of ``expr`` that name a definition, with the definition."""
    labels = {b.label for b in expr.atoms(sp.IndexedBase)}     # a family's name stays
    return {s: defined[_plain(s.name)] for s in expr.free_symbols - labels   # not an index i
            if isinstance(s, sp.Symbol) and not s.is_integer and _plain(s.name) in defined}


def bound_apart(expr):
    """``expr`` with the index of each of its sums and products renamed apart, so that a
    definition put in where ``j`` is free (``\\frac{\\partial p_i}{\\partial z_j}`` of
    ``p_i = e^{z_i} / \\sum_j e^{z_j}``) does not capture it.

    >>> j = sp.Symbol("j", integer=True)
    >>> bound_apart(sp.Sum(sp.IndexedBase("z")[j], (j, 1, 3)))
    Sum(z[j_bound], (j_bound, 1, 3))
    """
    if not isinstance(expr, sp.Basic):
        return expr
    for e in expr.atoms(sp.Sum, sp.Product):
        for v in e.variables:
            if not v.name.endswith("_bound"):
                expr = expr.xreplace({e: e.xreplace({v: sp.Symbol(f"{v.name}_bound",
                                                                   **v.assumptions0)})})
                return bound_apart(expr)
    return expr


def expand_except(expr, defined: dict, keep=frozenset()):
    """``expr`` with every defined name put in, again and again, except those in ``keep``.

    >>> x, y, z = sp.symbols("x y z")
    >>> expand_except(x + y, {"x": 2 * y, "y": z}, keep={"y"})
    3*y
    """
    kept = {_plain(str(k)) for k in keep}
    for _ in range(ROUNDS):
        repl = {s: v for s, v in _named(expr, defined).items() if _plain(s.name) not in kept}
        if not repl:
            break
        expr = expr.xreplace(repl)
    return expr


def through_definitions(expr, defined: dict, expand=None, defines=None):
    """Each derivative of ``expr`` in a defined name, or of an expression built from defined
    names, taken through the definitions (see the module's docstring); other derivatives
    are left as they are.  ``expand(e, keep)`` puts the definitions into ``e`` except for
    the names ``keep`` (by default, ``defined`` only) and ``defines(e)`` says whether ``e``
    uses any of them."""
    if not defined and defines is None:
        return expr
    expand = expand or (lambda e, keep: expand_except(e, defined, keep))
    defines = defines or (lambda e: bool(_named(e, defined)))

    def take(d):
        variables = [v for v, _ in d.variable_count]
        if not (any(defines(v) for v in variables) or defines(d.expr)):
            return d
        inner = expand(d.expr, set(variables))
        # \frac{\partial}{\partial w_{0}} of what a_n = w_0 x_n + w_1 put in: one w_0;
        # \frac{\partial}{\partial z_j} of a softmax the text defined: the member z[j]
        moved = {}
        for v in variables:
            if not isinstance(v, sp.Symbol):
                continue
            for s in inner.free_symbols:   # the name the text's definitions gave it
                if isinstance(s, sp.Symbol) and s != v and _plain(s.name) == _plain(v.name):
                    moved[v] = s
            m = _MEMBER.fullmatch(_plain(v.name))
            bases = {_plain(str(b.label)): b for b in inner.atoms(sp.IndexedBase)}
            entry = entry_of(_plain(v.name), bases)
            if entry is not None and v not in moved:
                moved[v] = entry      # W_{ij} of a matrix the definitions use: W[i, j]
            elif m and m.group(1) in bases and len(bases[m.group(1)].shape or (1,)) == 1 \
                    and v not in moved:
                moved[v] = bases[m.group(1)][member_index(m.group(2))]
        counts = [(moved.get(v, v), n) for v, n in d.variable_count]
        unread_entry(inner, [v for v, _ in counts])
        return differentiate(sp.Derivative(inner, *counts))

    return expr.replace(lambda e: isinstance(e, sp.Derivative), take)


_MEMBER = re.compile(r"(.+?)_([a-z]|\d+)")


def member_index(sub: str):
    """The index a subscript names: an integer index symbol, or a number.

    >>> member_index("k"), member_index("2")
    (k, 2)
    """
    return sp.Integer(int(sub)) if sub.isdigit() else sp.Symbol(sub, integer=True)


def family_of_defined(expr, defined: dict):
    """A defined name ``y_n`` whose family ``y[k]`` (a sum's members) ``expr`` differentiates,
    or uses beside the defined ``y_n`` itself; else None.  What the definition gives each
    member is not read, so such a side would mix defined and free values of one name.

    >>> k, a = sp.Symbol("k", integer=True), sp.Symbol("a")
    >>> y = sp.IndexedBase("y")
    >>> family_of_defined(sp.Derivative(y[k] * a, a), {"y_n": a}), family_of_defined(y[k], {"y_n": a})
    ('y_n', None)
    """
    bases = {}
    for key in defined:
        base, _, sub = key.partition("_")
        if sub:
            bases.setdefault(base, key)
    if not bases:
        return None
    scalars = {_plain(s.name).partition("_")[0] for s in expr.free_symbols
               if isinstance(s, sp.Symbol) and _plain(s.name) in defined}
    differentiated = set()
    for d in expr.atoms(sp.Derivative):
        differentiated |= d.atoms(sp.Indexed)
    for e in expr.atoms(sp.Indexed):
        name = _plain(str(e.base.label))      # \hat{y}_n: key haty_n, family label haty
        if name in bases and (e in differentiated or name in scalars):
            return bases[name]
    return None
