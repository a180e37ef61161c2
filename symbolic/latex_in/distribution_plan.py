"""The plan of the distributions' reading: which distributions a chain applies, to which
variables, and whether the chain is read that way (see ``reader_distributions``).

>>> plan([r"\\log P(X) - D_{KL}(Q(z|X) \\| P(z|X))"])
{'P': ('x', 'z'), 'Q': ('x', 'z')}
"""
from __future__ import annotations

import re

from symbolic.latex_in.scan import matching, split_top

# a distribution head applied: P(, q_{\phi}(, \hat{q}(, \Pr[
_HEAD = re.compile(r"(\\Pr|\\hat\s*\{\s*[pPqQ]\s*\}|(?<![A-Za-z\\])[pPqQ])"
                   r"(?:_\{([^{}]*)\}|_(\\?[A-Za-z0-9]+))?\s*([(\[])")
_PARAMETER = re.compile(r"\s*(?:\\hat\s*\{?\s*)?\\(?:theta|phi|psi|lambda|beta|eta|omega|pi|mu|"
                        r"sigma|alpha)\}?\s*(?:\^\s*\{[^{}]*\}|\^\s*\*|'|\^\{?'\}?|_\{[^{}]*\}|"
                        r"_[A-Za-z0-9])*\s*|\s*[wW]\s*")
_VARIABLE = re.compile(r"\s*(?:\\mathbf\{([A-Za-z])\}|([A-Za-z]))\s*(?:=\s*(\d|[a-z])\s*)?")
_NOT_VARIABLES = set("wWdeKNn")
_DATA = re.compile(r"data|model|emp|true", re.I)
# \int_{-\infty}^{\infty}, \int_{\mathbb{R}}, \int_z, \int_{}^{}, \int_{\mathcal{X}}: over the whole line
_BOUNDS = re.compile(r"\s*_\s*\{?\s*(?:-\s*\\infty|\\mathbb\{R\}[^{}]*|[a-z]|\\mathcal\s*\{?\s*[A-Z]\s*\}?)\s*\}?"
                     r"(?:\s*\^\s*\{?\s*\+?\s*\\infty\s*\}?)?|\s*_\s*\{\s*\}\s*\^\s*\{\s*\}")
# an information measure applied: D_{KL}( (as \KL), H(, I(, \CE(
_MEASURE = re.compile(r"(\\KL|\\CE|H|I)(_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*[(\[]")
# an argmin or argmax over a variable: over one other than θ (the model parameters, read by
# reader_models), a chain of distributions by letter is read inside it
_OPT_OVER = re.compile(r"\\underset\s*\{([^{}]*)\}\s*\{\s*\\arg\s*\\?(?:min|max)\s*\}|"
                       r"\\arg\s*\\?(?:min|max)\s*_\s*(?:\{([^{}]*)\}|(\\?[A-Za-z]+))")
_SKIP = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*d|\\arg|\\max|\\min|\\operatorname")


def _norm(text: str) -> str:
    return re.sub(r"[{}\\\s]", "", text)


def application(t: str, i: int):
    """``(head, left, given, end)`` of a distribution applied at ``i``, or None.

    ``left`` and ``given`` are lists of ``(variable, value)``; a parameter after ``;`` or
    the bar becomes part of the head.

    >>> application("q_{\\\\phi}(z | x, \\\\theta) + 1", 0)
    ('Q_phi;theta', [('z', 'z')], [('x', 'x')], 23)
    """
    m = _HEAD.match(t, i)
    if not m:
        return None
    letter = m.group(1)
    sub = m.group(2) if m.group(2) is not None else m.group(3)
    if sub is not None and _DATA.search(sub):
        return None                   # \hat{p}_{data}, p_{model}: the models' own reading
    close = matching(t, m.end() - 1)
    inner = t[m.end():close]
    left_text, _, given_text = inner.partition("|") if len(split_top(inner, "|")) == 2 \
        else (inner, "", "")
    if len(split_top(inner, "|")) > 2:
        return None
    params = []
    if ";" in left_text:
        left_text, _, rest = left_text.partition(";")
        params += rest.split(",")
    given_items = [g for part in split_top(given_text, ";") for g in split_top(part, ",")] \
        if given_text.strip() else []
    left, given = [], []
    for item in split_top(left_text, ","):
        v = _variable(item)
        if v is None:
            return None
        left.append(v)
    for item in given_items:
        v = _variable(item)
        if v is not None:
            given.append(v)
        elif _PARAMETER.fullmatch(item):
            params.append(item)
        else:
            return None
    if not left or any(not _PARAMETER.fullmatch(p) for p in params):
        return None
    base = "P" if letter == "\\Pr" else _norm(letter)[-1].upper()
    base = ("hat" + base) if "hat" in letter else base
    head = base + (f"_{_norm(sub)}" if sub else "")
    if params:
        head += ";" + ",".join(sorted(_norm(p) for p in params))
    names = [v for v, _ in left + given]
    if len(set(names)) != len(names):
        return None
    return head, left, given, close + 1


def _whole(text: str):
    """The application that is all of ``text``, or None."""
    text = text.strip()
    hit = application(text, 0)
    return hit if hit is not None and hit[3] == len(text) else None


def _variable(item: str):
    m = _VARIABLE.fullmatch(item)
    if not m:
        return None
    letter = (m.group(1) or m.group(2)).lower()
    if letter in _NOT_VARIABLES or letter.upper() in _NOT_VARIABLES:
        return None
    return letter, (m.group(3) or letter)


def plan(sides) -> dict:
    """head -> the sorted variables it is applied to, when the chain is read this way.

    The reading is used only when every distribution applied in the chain can be read
    (no data index, no derivative in a parameter) and something in it is beyond the one
    joint pmf of X and Y: a decorated head or parameters, a variable other than x and y,
    a second head applied jointly, or ``\\Pr``.

    >>> plan([r"\\log P(X) - D_{KL}(Q(z|X) \\| P(z|X))"])
    {'P': ('x', 'z'), 'Q': ('x', 'z')}
    >>> plan([r"-\\sum_{x} p(x) \\log q(x)"]), plan([r"-\\int p(x) \\log q(x) dx"])
    ({}, {'P': ('x',), 'Q': ('x',)})
    """
    text = _OPT_OVER.sub(" ", " ".join(sides))
    if _SKIP.search(text):
        return {}
    heads: dict = {}
    beyond = False
    counted = _outcome_counters(text)
    for m in _HEAD.finditer(text):
        hit = application(text, m.start())
        if hit is None:
            return {}
        head, left, given, _ = hit
        names = {v for v, _ in left + given}
        heads.setdefault(head, set()).update(names)
        beyond = beyond or "_" in head or ";" in head or not names <= {"x", "y"} | counted or \
            (head[0] != "P" and len(names) > 1) or text[m.start():m.start() + 3] == "\\Pr"
    beyond = beyond or re.search(r"\\int(?![A-Za-z])", text) is not None  # the seeds' pmfs
    if not beyond or any(len(v) > 2 for v in heads.values()):          # are never integrated
        return {}
    variables = {n for v in heads.values() for n in v}
    if _used_outside(text, variables):
        return {}
    return {h: tuple(sorted(v)) for h, v in heads.items()}


def _outcome_counters(text: str) -> set:
    """The indices i, j, k of sums with a numeric lower bound (``\\sum_{i=1}^{8}``): in
    ``p(i)`` such an index counts outcomes, as x does in ``p(x)``, not a variable of its own.

    >>> _outcome_counters(r"-\\sum_{i=1}^{8} p(i) \\log p(i)"), _outcome_counters(r"\\sum_z q(z)")
    ({'i'}, set())
    """
    return set(re.findall(r"\\sum\s*_\s*\{?\s*([ijk])\s*=\s*\d", text))


def _used_outside(text: str, variables) -> bool:
    """Does a variable appear outside the distributions, as a number (``(z - \\mu)^2 q(z)``)?

    Then the relation depends on the form of the distribution, and reading it as any
    distribution would refute true statements about a particular one.

    >>> _used_outside(r"\\int (z - \\mu)^2 q(z) dz", {"z"}), _used_outside(r"\\int q(z) dz", {"z"})
    (True, False)
    """
    rest, i = [], 0
    while i < len(text):
        hit = application(text, i) if _HEAD.match(text, i) else None
        if hit is not None:
            i = hit[3]
            continue
        rest.append(text[i])
        i += 1
    rest = "".join(rest)
    rest = re.sub(r"_\s*\{(?:[^{}]|\{[^{}]*\})*\}|_\s*\\?[A-Za-z]", " ", rest)  # E_{z ~ …}, \sum_z
    # the arguments of other functions (\mathcal{L}(\theta; X)): opaque, not numbers
    heads = r"\\mathcal\s*\{[A-Z]\}"          # g(w^T x) may be a product: not stripped
    out, i = [], 0
    for m in re.finditer(r"(" + heads + r")\s*\(", rest):
        name = m.group(1)
        if name.lower() in variables:
            continue
        out.append(rest[i:m.start()])
        i = max(i, matching(rest, m.end() - 1) + 1)
    rest = "".join(out) + rest[i:]
    rest = re.sub(r"(?:\\,|\s|\\mathrm\{d\}|(?<=[})\]]))\s*(?:\\mathrm\{d\}|d)\s*[a-z](?![A-Za-z])",
                  " ", rest)                                               # dz
    rest = re.sub(r"\\[A-Za-z]+", " ", rest)
    return any(re.search(r"(?<![A-Za-z])" + n + r"(?![A-Za-z])", rest, re.I) for n in variables)


def _applications(sides):
    for side in sides:
        for m in _HEAD.finditer(side):
            hit = application(side, m.start())
            if hit is not None:
                yield hit


def _binary_variables(hits) -> frozenset:
    """Variables whose every value in the chain's applications ``hits`` is written 0 or 1
    (``P(y = 1 | x)``)."""
    values: dict = {}
    for _, left, given, _ in hits:
        for n, v in left + given:
            values.setdefault(n, set()).add(v)
    return frozenset(n for n, vs in values.items() if vs <= {"0", "1"})


def _by_letter(hits, heads) -> dict:
    """``Q`` -> the one distribution of that letter the chain applies (``E_Q[…]``)."""
    found: dict = {}
    for hit in hits:
        if hit[0] in heads:
            found.setdefault(hit[0][0], set()).add((hit[0], tuple(hit[1]), tuple(hit[2])))
    out = {}
    for letter, hits in found.items():
        if len(hits) == 1:
            head, left, given = hits.pop()
            out[letter] = out[letter.lower()] = (head, list(left), list(given))
    return out


def continuous_variables(document: str) -> frozenset:
    """Letters the document integrates over (``\\int … dz``) and never sums over.

    >>> sorted(continuous_variables(r"\\int q(z) \\log q(z) \\, dz and \\sum_x p(x)"))
    ['z']
    """
    integrated = set(re.findall(r"\\int[^$]*?(?:\\,|\\;|\s|\\mathrm\{d\}|\\operatorname\{d\})"
                                r"\s*(?:\\mathrm\{d\}|d)\s*([a-z])(?![A-Za-z])", document))
    summed = set(re.findall(r"\\sum\s*_\s*\{?\s*([a-z])", document))     # \sum_ {x …} too
    return frozenset(integrated - summed)
