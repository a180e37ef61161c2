"""Doubts a whole document casts on the claims it makes (docs/latex.md, eighth session).

Three things a page says once hold for the math after them, and the reader reads none of them:

* a **condition of the prose** that leads into the math (``If $p = q$, then …``, see
  :mod:`symbolic.latex_in.prose_conditions`);
* **Einstein's summation convention** (``the sum is implied by repeated indices``), which
  makes ``h_i \\delta_{ic} = h_c`` a sum over i;
* a **definition of its own** for a measure (``H(q) = -\\sum_x p(x) \\log q(x)``, a
  cross-entropy the author calls the entropy of q): a row that states a measure of one
  argument, and does not hold as the field defines it, gives that measure the author's
  meaning in the rows after it; so does a model restated otherwise (``P(Y=1|X) =
  \\frac{e^{w \\cdot x}}{1 + e^{w \\cdot x}}`` after the bias b is absorbed into w).

Each only keeps a failure from being a refutation; a proof stands.

>>> einstein_convention("In Einstein notation the sum over repeated indices is implied.")
True
>>> defined_measure("=", r"H(q)", True), defined_measure("=", r"H(p, q)", True)
('H(q)', 'H(p,q)')
>>> defined_measure("≤", r"H(q)", True), defined_measure("=", r"x", True)
(None, None)
>>> defined_measure("=", r"H(p)", True, r"H(p) + 1") is None
True
>>> defined_measure("=", r"P(Y=1|X)", True, r"\frac{e^{w x}}{1 + e^{w x}}")
'P(Y=1|X)'
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.notation import bare_functions, numbers_only
from symbolic.latex_in.prose_conditions import LONE_NAME


_EINSTEIN = re.compile(r"Einstein|아인슈타인|アインシュタイン|爱因斯坦|愛因斯坦")
# H(q), D_{KL}(p \| q), I(X; Y), CE(p, q): a measure applied, alone on a side
# (and P(Y = 1 | X), p(y | x): a model restated otherwise, after its bias is absorbed)
_MEASURE = re.compile(r"(?:H|I|CE|\\CE|\\mathbb\{H\}|D(?:_\{?\s*(?:\\?(?:text|mathrm)\{)?KL\}?\}?)?|"
                      r"KL|[Pp])\s*[\[(].*[\])]")


def einstein_convention(source: str) -> bool:
    """Does the document sum over repeated indices by Einstein's convention?"""
    return bool(_EINSTEIN.search(source))


def _key(text: str) -> str:
    return re.sub(r"\s+|\\left|\\right", "", text)


# a decimal or an integer, maybe with its unit: the value of a measure in an example
_A_VALUE = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*(?:\\(?:text|mathrm)\s*\{\s*\w*\s*\}|bits?|nats?)?\s*[.,]?\s*")


# σ(z) = \frac{1}{1-e^{-z}}: a known function the text defines, in any row (not lone only)
_FUNCTION = re.compile(r"\\sigma\s*\(\s*\w\s*\)")


def defined_measure(relation: str, lhs_text: str, lone: bool, rhs_text: str = "") -> str | None:
    r"""The measure a lone equation states (``H(q) = …``, its right side free of it), or the
    known function any equation defines (``\sigma(z) = …``), as a key of its text; else None.

    >>> defined_measure("=", r"\sigma(z)", False, r"\frac{1}{1-e^{-z}}")
    '\\sigma(z)'
    """
    key = _key(lhs_text)
    if relation != "=" or key in _key(rhs_text) or not (
            lone and _MEASURE.fullmatch(key) or _FUNCTION.fullmatch(key)):
        return None
    return key


def redefinition_doubt(lhs_text: str, rhs_text: str, redefined: dict,
                       relation: str = "=") -> str | None:
    """The doubt for a claim that uses a measure the document defined its own way earlier
    (``redefined``: the measure's key → (line, the right side written there)).  A value there
    (``D(p‖q) = 0.085`` for the example's p and q) gives the measure no meaning of its own: only
    a comparison of it may be about the example's distributions.

    >>> earlier = {"D_{KL}(p||q)": (212, "0.085")}
    >>> redefinition_doubt("D_{KL}(p||q)", "H(q, p) - H(p)", earlier) is None
    True
    >>> redefinition_doubt("D_{KL}(p||q)", "D_{KL}(q||p)", earlier, "<")[:46]
    'the text gave D_{KL}(p||q) a value on line 212'
    """
    used = _key(lhs_text) + "=" + _key(rhs_text)
    for key, (line, value) in redefined.items():
        if key not in used:
            continue
        if not _A_VALUE.fullmatch(value):
            return (f"the text gave {key} a meaning of its own on line {line} (its statement "
                    "there does not hold as the field defines it)")
        if relation != "=":
            return (f"the text gave {key} a value on line {line} for its example: a comparison "
                    "of it may be about the example's distributions, not every one")
    return None


#: how the doubt of a condition the prose states begins
UNDER_A_CONDITION = "the prose states it under a condition"


def document_doubts(condition: str | None, einstein: bool, subscripted: bool) -> list[str]:
    """The doubts of the prose's condition and of Einstein's convention for one claim."""
    out = []
    if condition:
        out.append(f"{UNDER_A_CONDITION} ('{condition}'), which the check does not apply")
    if einstein and subscripted:
        out.append("the text sums over repeated indices (Einstein's convention), which the "
                   "reader does not")
    return out


# \sum_{i=1}^{2}, \prod_{k=0}^{10}: a sum or product over numbers given by the text
_NUMBERED_RANGE = re.compile(r"(\\(?:sum|prod)\s*)_\s*\{\s*([A-Za-z])\s*=\s*\d+\s*\}\s*\^\s*(?:\{\s*\d+\s*\}|\d)")


def _numbered_sums_out(text: str) -> str:
    r"""``text`` without the indices of its sums and products over numbers, which name no
    quantity (``-\sum_{i=1}^{2} \frac12 \log_2 \frac12`` is arithmetic in numbers).

    >>> _numbered_sums_out(r"-\sum_{i=1}^{2} \frac{i}{3} + x")
    '-\\sum \\frac{}{3} + x'
    """
    for m in reversed(list(_NUMBERED_RANGE.finditer(text))):
        text = text[:m.start()] + m.group(1) + re.sub(
            r"(?<![A-Za-z\\])" + m.group(2) + r"(?![A-Za-z])", "", text[m.end():])
    return text


def add_document_doubts(claims, condition: str | None, einstein: bool, redefined: dict) -> None:
    """Give each claim read from one chain the doubts its document casts on it (in place)."""
    for c in claims:
        text = bare_functions(c.lhs_text + " " + c.rhs_text)     # -ln(2) = 1: \ln, not l·n
        # arithmetic written in numbers alone (no name, not even one the text set), its logs
        # of a written base, holds under any condition
        closed = numbers_only(_numbered_sums_out(text)) and not re.search(r"\\log(?!\s*_)", text)
        c.doubts += document_doubts(None if closed else condition, einstein, "_" in text)
        own = redefinition_doubt(c.lhs_text, c.rhs_text, redefined, c.relation)
        c.doubts += [own] if own else []


# \frac{\partial}{\partial z_j} p_j, \frac{\partial}{\partial z}\left(p_j\right): a lone name under the operator
_PARTIAL_OF_NAME = re.compile(r"\\frac\s*\{\s*\\partial\s*\}\s*\{\s*\\partial[^{}]*\}\s*(?:\\left\s*)?\(?\s*"
                              r"([A-Za-z])\s*(?:_\s*\{?\s*(\w+)\s*\}?)?\s*(?=\\right|\)|$|[-+=,&]|\\\\)")


def unread_dependence(lhs, rhs, source: str, written: str = "") -> str | None:
    r"""The doubt for a relation that uses a name the text sets somewhere (``u = …``,
    ``u := …``, in prose or in math) that the reader left free: in a derivative's operand the
    name may depend on the variable through that definition, which was not read; anywhere,
    a member of a family the text defines by another index (``p_k`` after ``p_j = …``) may be
    what the relation's other side spells out.  A lone name under ``\\partial`` in the
    ``written`` relation (``\\frac{\\partial}{\\partial z_j} p_j``, which the reader may have
    already made 0) counts as a derivative's operand.

    >>> import sympy as sp
    >>> a, u, p = sp.symbols("a_0 u p_k")
    >>> unread_dependence(sp.Derivative(sp.exp(a) / u, a), sp.Integer(0), "With u=exp(a0)…")[:28]
    'u is set in the text (u = …)'
    >>> unread_dependence(sp.Derivative(sp.exp(a) / u, a), sp.Integer(0), "no definition") is None
    True
    >>> unread_dependence(p, sp.exp(a), "Softmax: $$ p_j = \\dfrac{e^j}{\\sum_i e^i} $$")[:31]
    'p_k is set in the text (p_j = …'
    >>> unread_dependence(p, sp.exp(a), "Softmax: $$ p\\_j = \\dfrac{e^j}{\\sum_i e^i} $$")[:31]
    'p_k is set in the text (p_j = …'
    >>> unread_dependence(sp.Integer(0), a, "$$p_j = e^{z_j}/Z$$", r"\frac{\partial}{\partial z_j} p_j")[:28]
    'p_j is set in the text (p_j '
    """
    prose = re.sub(r"(?s)```.*?```|~~~.*?~~~|<pre>.*?</pre>", " ", source)   # not the code
    prose = prose.replace("\\_", "_")        # p\_j = …: Markdown's escaped subscript
    operands = [(d.expr, {v for v, _ in d.variable_count})
                for d in (lhs.atoms(sp.Derivative) | rhs.atoms(sp.Derivative))]
    operands += [(sp.Symbol(m.group(1) + (f"_{m.group(2)}" if m.group(2) else "")), set())
                 for m in _PARTIAL_OF_NAME.finditer(written)]
    for expr, variables, family_only in [(e, v, False) for e, v in operands] + \
            [(lhs + rhs if isinstance(lhs, sp.Expr) and isinstance(rhs, sp.Expr) else sp.Integer(0),
              set(), True)]:
        labels = {b.label for b in expr.atoms(sp.IndexedBase)}    # x of x_i: a family
        for s in expr.free_symbols - variables - labels:
            name = getattr(s, "name", "")
            if not isinstance(s, sp.Symbol) or s.is_integer or \
                    not re.fullmatch(r"[A-Za-z](?:_\{?\w+\}?)?", name):
                continue
            sub = name.split("_", 1)[1].strip("{}") if "_" in name else ""
            if family_only and not re.fullmatch(r"[a-z]", sub):
                continue
            member = r"[a-z]" if re.fullmatch(r"[a-z]", sub) else re.escape(sub)
            spelled = re.escape(name[0]) + (r"\s*_\s*\{?\s*(" + member + r")\s*\}?" if sub else "")
            # z = …, or z(w, b) = x w^T + b: set as a function of its arguments
            for m in re.finditer(r"(?<![A-Za-z\\_^{])" + spelled + r"(?![A-Za-z0-9_])\s*"
                                 r"(?:\(\s*[^()=]{1,30}\))?\s*(?:=|:=|"
                                 r"\\equiv|\\triangleq|\\coloneqq)", prose):
                if family_only and m.group(1) == sub:
                    continue         # p_k = … itself: the rule below is for another index
                said = name if not sub or m.group(1) == sub else f"{name[0]}_{m.group(1)}"
                return (f"{name} is set in the text ({said} = …) in a form not read; it may "
                        "depend on the variable of the derivative" if not family_only else
                        f"{name} is set in the text ({said} = …) in a form not read; the "
                        "relation may hold with that definition")
    return None


_EVENT_PROBABILITY = re.compile(r"\s*(?:P|\\Pr|p)\s*(?:\\left)?\s*\(\s*[A-Za-z]\s*=\s*[^()=]+\)\s*")


def restated_value(claim, source: str, before: int) -> str | None:
    r"""The reason a refuted lone ``P(Y=1) = value`` is not a claim: the text set the
    probability of that event before (``source[:before]`` has ``P(Y=1) = …``), and this row
    gives it another value, as a second estimate does (``P(Y=1) = k/n`` by maximum likelihood,
    then ``P(Y=1) = \frac{k+1}{n+2}`` by Bayes).  None for any other row.

    >>> import sympy as sp
    >>> from types import SimpleNamespace
    >>> k, n = sp.symbols("k n")
    >>> row = SimpleNamespace(relation="=", lhs_text="P(Y=1)", lhs=k / n, rhs=(k + 1) / (n + 2))
    >>> restated_value(row, "so $P(Y=1)=p=k/n$. Then", 20)[:28]
    'P(Y=1) was given a value bef'
    >>> restated_value(row, "P(Y=0) = 1 - p", 14) is None
    True
    >>> restated_value(SimpleNamespace(relation="=", lhs_text="p_2", rhs=sp.Rational(1, 10)),
    ...                "say $p_2 = 0.9$", 15)[:3]
    'p_2'

    """
    text = claim.lhs_text.strip()
    valued = LONE_NAME.fullmatch(text) and not getattr(claim.rhs, "free_symbols", True)
    if claim.relation != "=" or not (_EVENT_PROBABILITY.fullmatch(text) or valued):
        return None     # P(Y=1), or a name set to a number: $p_2 = 90\%$, then "say $p_2 = 10\%$"
    spelled = r"\s*".join(re.escape(c) for c in re.sub(r"\s+", "", text))
    if not re.search(spelled + r"\s*=", re.sub(r"\\displaystyle|\\left|\\right", "", source[:before])):
        return None
    return (f"{text} was given a value before in the text; a lone row that gives it another "
            "(a second estimate, or a new definition) is not a claim about the first")


# a generic function letter (f, g, h, u, …; not the pmfs p and q) applied, or differentiated
_GENERIC_LETTERS = "abcdefghjkmnrsuvwz"


def applied_letters(text: str) -> set[str]:
    r"""The generic function letters ``text`` applies or differentiates.

    >>> sorted(applied_letters(r"\frac{df}{db} = -\frac{a}{b^2} + g(x) + p(x)"))
    ['f', 'g']
    >>> applied_letters(r"\frac{\partial h}{\partial x} + f'(x)")
    {'h'}
    """
    out = set(re.findall(r"(?<![A-Za-z\\_^])([" + _GENERIC_LETTERS + r"])\s*(?:\\left\s*)?\(", text))
    out |= set(re.findall(r"\\frac\s*\{\s*(?:d|\\partial)\s*([" + _GENERIC_LETTERS + r"])\s*[}(]",
                          text))
    return out


def borrowed_function_doubt(claim_text: str, defined_in: dict, section: int) -> str | None:
    """The doubt for a claim that applies a function letter the text defined in an earlier
    section (``defined_in``: letter → (section, line)): posts give f, g and h a new meaning in
    each part, often without writing it again, so a failure may be the old f's only.

    >>> borrowed_function_doubt(r"\\frac{df}{db} = -\\frac{a}{b^2}", {"f": (1, 140)}, 2)[:52]
    'f is the function the text defined on line 140, in a'
    >>> borrowed_function_doubt(r"f(x) = 1", {"f": (2, 140)}, 2) is None
    True
    """
    for letter in sorted(applied_letters(claim_text)):
        if letter in defined_in and defined_in[letter][0] != section:
            return (f"{letter} is the function the text defined on line {defined_in[letter][1]}, "
                    "in an earlier section: the letter may name another function here")
    return None


def unequal_bindings(names, finals, line: int) -> dict:
    r"""The ``names`` a chain set (``z = \mathrm{logit}(…) = \log(…)``, ``S = C - \eta = H - r -
    \eta``) mapped to ``line``, when its relations were not all shown to hold (``finals``:
    each claim's verdict, None for a definition): which of the chain's expressions a name
    stands for is then the author's choice, not the reader's.  A chain whose relations all
    hold maps its names to None (a binding as good as any of them).

    >>> from symbolic.verdict import Verdict
    >>> unequal_bindings({"z"}, [None, Verdict("unknown", "not read")], 14)
    {'z': 14}
    >>> unequal_bindings({"z"}, [None, Verdict("proved", "symbolic")], 14)
    {'z': None}
    """
    unequal = any(v is not None and not v.holds for v in finals)
    return {n: line if unequal else None for n in names}


def unequal_binding_doubt(claim_text: str, unequal: dict) -> str | None:
    r"""The doubt for a claim that uses a name set by a chain whose expressions were not shown
    equal (``unequal``: name → line, from :func:`unequal_bindings`).

    >>> unequal_binding_doubt(r"\log\frac{p}{1-p} = z", {"z": 14})[:48]
    'z is set on line 14 by a chain whose expressions'
    >>> unequal_binding_doubt(r"\log\frac{p}{1-p} = z_2", {"z": 14}) is None
    True
    """
    for name, line in sorted(unequal.items()):
        if line is not None and re.search(r"(?<![A-Za-z\\_^])" + re.escape(name) +
                                          r"(?![A-Za-z_])", claim_text):
            return (f"{name} is set on line {line} by a chain whose expressions were not shown "
                    "equal: which of them it stands for is the author's choice")
    return None


def same_function(first, second) -> bool:
    """Whether two defined functions (``sp.Lambda``) agree: equal, or equal in value at three
    sets of points (``σ(z) = 1/(1+e^{-z})`` restated as ``e^z/(1+e^z)`` is one function).

    >>> x, v = sp.symbols("x v")
    >>> same_function(sp.Lambda(x, x**2), sp.Lambda(v, v**2))
    True
    >>> same_function(sp.Lambda(x, 1/(1 + sp.exp(-x))), sp.Lambda(v, sp.exp(v)/(1 + sp.exp(v))))
    True
    >>> same_function(sp.Lambda(v, v**2), sp.Lambda(x, (x + 1)**6))
    False
    """
    if first == second:
        return True
    if len(first.variables) != len(second.variables):
        return False
    others = sorted((first.expr.free_symbols | second.expr.free_symbols) -
                    set(first.variables) - set(second.variables), key=str)
    for k, point in enumerate((0.37, 0.71, 1.29)):
        args = [point + j / 7 for j in range(len(first.variables))]
        fixed = {s: 0.53 + (k + j) / 11 for j, s in enumerate(others)}
        try:
            a, b = (complex(sp.N(sp.Float(v) if isinstance(v, float) else v.subs(fixed)))
                    for v in (first(*args), second(*args)))     # a constant body gives a float
        except (TypeError, ValueError, ZeroDivisionError, AttributeError, sp.SympifyError):
            return False
        if abs(a - b) > 1e-9 * (1 + abs(a)):
            return False
    return True


def redefined_functions(before: dict, now: dict, line: int) -> dict:
    """The function letters a chain gave a second, different body (``before``: the text's
    functions before it, ``now``: after it), each mapped to the chain's ``line``.

    >>> x, v = sp.symbols("x v")
    >>> redefined_functions({"f": sp.Lambda(v, v**2)}, {"f": sp.Lambda(x, (x + 1)**6)}, 235)
    {'f': 235}
    >>> redefined_functions({"f": sp.Lambda(v, v**2)}, {"f": sp.Lambda(x, x**2)}, 235)
    {}
    """
    return {name: line for name, body in now.items()
            if name in before and not same_function(before[name], body)}


def overloaded_function_doubt(claim_text: str, redefined_here: dict) -> str | None:
    r"""The doubt for a claim that applies a function its own chain gave a second, different
    body (``redefined_here``: from :func:`redefined_functions`): after ``f(v) = v^2`` for the
    chain rule, ``f(x) = ((x+1)^3)^2 = f(g(h(x)))`` restates the first f and applies the
    second, and which f a row means is the author's to say.  A derivative (``f(x) = x^2:
    \frac{df}{dx} = 2x``) means the chain's own f.

    >>> overloaded_function_doubt(r"((x+1)^3)^2 = f(g(h(x)))", {"f": 235})[:36]
    'the text defines f twice, differentl'
    >>> overloaded_function_doubt(r"\frac{df}{dx} = 3x", {"f": 235}) is None
    True
    """
    for name, line in sorted(redefined_here.items()):
        if re.search(r"(?<![A-Za-z\\_^])" + re.escape(name) + r"\s*(?:\\left\s*)?\(", claim_text):
            return (f"the text defines {name} twice, differently (again on line {line}), and "
                    f"the row applies {name}: which one it means is the author's to say")
    return None
