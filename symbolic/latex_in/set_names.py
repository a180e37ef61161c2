r"""Names the text sets that a failure leaves free (docs/latex.md, twenty-third session).

A text sets a name (``\beta_t = 1 - \alpha_t``, ``q = 1 - p``, ``\bar{\alpha}_t =
\bar{\alpha}_{t-1} \alpha_t``) in a display, in a side note (``\text{($\beta_t = 1 -
\alpha_t$)}``) or in prose, and later rows use it.  Where the reader does not put that setting
in (it is in prose, after the row, in another section, or in a form not read), a failure at
values that treat the name as free is no error of the author's: the relation may hold with the
setting.  Such a failure stays ``unknown``, with the setting named.

>>> settings = names_set(r"fact that $$ \bar{\alpha}_t = \bar{\alpha}_{t-1} \alpha_t $$ and "
...                      r"$$ \beta_t = 1 - \alpha_t $$: and $q = 1 - p$, $i = k$, $2 - N = \sum_i n_i$")
>>> sorted(settings)
['baralpha_t', 'beta_t', 'q']
>>> setting_doubt({"beta_t": 0.4, "alpha_t": 0.1}, settings, "\\beta_t + \\alpha_t")
'beta_t is set in the text (\\beta_t = 1 - \\alpha_t), which the check did not put in: the relation may hold with it'
>>> setting_doubt({"bar{alpha}_{t-1}": 0.4, "alpha_t": 0.2}, settings, "")[:35]
'bar{alpha}_{t-1} is set in the text'
>>> setting_doubt({"beta_t": 0.4}, settings, "") is None      # nothing it is tied to is free
True
>>> setting_doubt({"x": 0.4, "p": [0.5, 0.5]}, settings, "") is None
True
"""
from __future__ import annotations

import functools
import re

from symbolic.latex_in.marks import GREEK

# a letter, or a Greek letter's command (π too: mixture weights \pi_k are set)
_LETTER = r"(?:[A-Za-z]|\\(?:" + GREEK + r"|pi))(?![A-Za-z])"
_ACCENT = r"\\(?:bar|hat|tilde|overline|widehat|widetilde)\s*"
_NAME = (r"(?:" + _ACCENT + r"\{\s*" + _LETTER + r"\s*\}|" + _ACCENT + _LETTER + r"|" + _LETTER +
         r")(?:\s*_\s*(?:\{[^{}]{1,12}\}|[A-Za-z0-9]))?")
_SETTING = re.compile(r"(?<![A-Za-z0-9\\_^{}|])(" + _NAME + r")\s*(?:=|:=|\\coloneqq|\\equiv|"
                      r"\\triangleq|\\stackrel\{\\mathrm\{def\}\}\{=\})(?!=)\s*([^$\n&]{1,60})")


# letters of indices: a setting of them is a case
_INDICES = {"i", "j", "k", "l", "m", "n"}


def key(name: str) -> str:
    r"""A name as a key that the reader's name and the LaTeX spelling share.

    >>> key(r"\bar{\alpha}_{t}"), key("bar{alpha}_t"), key(r"\beta_t"), key("q")
    ('baralpha_t', 'baralpha_t', 'beta_t', 'q')
    """
    return re.sub(r"[\\{}\s]", "", name)


@functools.lru_cache(maxsize=8)
def names_set(source: str) -> dict[str, list[str]]:
    """Each name ``source`` sets (``name = value``), as a key, with its settings in order."""
    out: dict[str, list[str]] = {}
    for m in _SETTING.finditer(source):
        if key(m.group(1)) in _INDICES:
            continue          # i = k: a case of indices (\begin{cases} … & i = k), not a setting
        if source[:m.start(1)].rstrip()[-1:] in ("+", "-", "*", "/"):
            continue          # N \log N - N = \sum …: the last term of a side, not a setting
        value = re.split(r"[,，;；=<>]|\\\\|\\quad|\\text|\\mathrm|\\(?:Left|Right|left|right)"
                         r"(?:right)?arrow|\\iff|\\implies|\\[lg]eq?(?![A-Za-z])", m.group(2))[0]
        value = value.strip().rstrip(".)")
        if value and not re.fullmatch(r"[-\d.\s]+", value):   # q = 0.3 is an example's value
            out.setdefault(key(m.group(1)), []).append(f"{m.group(1).strip()} = {value}")
    return out


def _base(name_key: str) -> str:
    return name_key.partition("_")[0]


def setting_doubt(values: dict, settings: dict[str, list[str]], written: str) -> str | None:
    """The doubt for a failure at ``values`` that gives independent values to names the text
    ties together: a name the text sets (or a member of a family it sets by a letter index,
    ``\\bar{\\alpha}_{t-1}`` beside ``\\bar{\\alpha}_t = …``) and a name its setting uses
    (``\\beta_t = 1 - \\alpha_t`` with both free).  A setting in other names (``p =
    \\frac{1}{1 + e^{-z}}`` with z not among the values) does not count: the failure may be the
    author's.  A setting written in the relation itself (``written``: ``p = … \\Leftrightarrow
    …``) is the relation's own business."""
    for name, value in sorted(values.items()):
        if isinstance(value, (list, tuple)):
            continue
        k = key(name)
        base, _, sub = k.partition("_")
        found = settings.get(k, []) + [v for s, vs in settings.items() for v in vs
                                       if s != k and _base(s) == base and sub and
                                       re.fullmatch(r"[a-z]", s.partition("_")[2])]
        others = {_base(key(n)) for n in values if n != name}
        for setting in found:
            if re.sub(r"\s+", "", setting) in re.sub(r"\s+", "", written):
                continue      # p = \frac{e^z}{1+e^z} ⇔ …: the relation's own setting
            tied = {_base(key(n.group())) for n in re.finditer(_NAME, setting.split("=", 1)[1])}
            if tied & others:
                return (f"{name} is set in the text ({setting}), which the check did not put "
                        "in: the relation may hold with it")
    return None
