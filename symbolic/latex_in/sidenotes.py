r"""Set aside what a row of math says in words, keeping every offset.

A row of display math often carries more than its claim:

- a side note: ``\because …`` to the end of the row, ``(\text{by } …)``,
  ``\text{(by Jensen)}``, ``\quad \text{using the chain rule}``, a unit ending the row
  (``0.81 \text{ bits}``), the annotation of ``\overset{(a)}{=}``: blanked, and kept as
  ``notes``;
- a condition: ``\text{if } i = j``, ``\text{when } y = 1``, ``\text{for } …``,
  ``\text{where } …``, ``\text{if $x > 0$}``: blanked, and kept as ``conditions``
  (LaTeX text such as ``i = j``);
- a new claim: ``\therefore``, or a connective between two relations
  (``\text{or equivalently}``, ``\text{and}``): the row is cut there, unless both
  relations have the same left side (``L = A \text{ or equivalently } L = B`` is
  the chain ``L = A = B``);

``\overset{\text{def}}{=}`` (or ``let``) becomes ``:=``.  Markup that carries no math
(``\label``, ``\tag``, ``\nonumber``, ``\notag``, ``\displaystyle``, ``\eqref``, the
font switches ``\bf``, ``\rm``, ``\it``, a control space) is blanked by ``blank_markup``.

The claims of a row, each with what was set aside from it, are cut by
:func:`symbolic.latex_in.row_pieces.pieces`.
"""
from __future__ import annotations

import re

from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.markup import blanked
from symbolic.latex_in.relations import _relation_at, split_chain
from symbolic.latex_in.quantifiers import leading_quantifier
from symbolic.latex_in.scan import closing, depth_at, matching, split_top, top_level

CONDITION_WORDS = ("if", "when", "whenever", "for", "where", "given", "with", "otherwise",
                   "unless", "s.t.", "such")
NOTE_WORDS = ("by", "since", "because", "using", "from", "via", "as", "due", "apply",
              "applying", "substituting", "plug", "plugging", "see", "cf", "note")
UNITS = ("bit", "bits", "nat", "nats", "ban", "bans", "hartley", "hartleys", "dit", "dits")
CONNECTIVES = ("and", "or", "or equivalently", "equivalently", "i.e.", "i.e.,", "hence",
               "thus", "so", "then", "therefore", "which gives", "gives")
# a word that leads a row into its claim (\text{Let } f(x) = …, \text{Then } e^y = x)
LEADS = ("let", "then", "proof", "proof:", "hence", "thus", "so", "therefore", "now", "finally",
         "similarly", "also", "i.e.", "i.e.,", "clearly", "obviously")
# the CJK words that lead a row into its claim, written in the math itself: where, that is,
# then, hence (never a condition: 若, 如果, もし, 만약 stay, and keep the row unread)
CJK_LEAD = re.compile(r"\s*(?:ただし|但し|ここで|すなわち|つまり|よって|したがって|其中|即|则|所以|因此|"
                      r"따라서|즉|여기서)\s*[、，,：:]?\s*")
INDEX_CASE = re.compile(r",\s*(?:\\q?quad|~|\\[,;:]|\s)*([a-z])\s*(=|\\neq?(?![A-Za-z])|≠)\s*([a-z])"
                        r"\s*[.,;]?\s*$")
INDEX_RANGE = re.compile(r"[,;]\s*(?:\\q?quad|~|\\[,;:]|\s)*[a-z]\s*=\s*\d+\s*,\s*(?:\d+\s*,\s*)*"
                         r"(?:\\[lc]?dots|\.\.\.|…)\s*,?\s*\w+\s*[.,;]?\s*$")
MARKUP = re.compile(r"\\(?:label|tag\*?|eqref|ref|[hv]space\*?|color|textcolor|colorbox|require)\s*\{[^{}]*\}|"
                    r"\\tag\s*[0-9A-Za-z](?![A-Za-z])|"      # \tag1: a one-token argument
                    r"\.{4,}\s*\(\s*[0-9A-Za-z]{1,3}\s*\)|"   # ……(1): dot leaders to a label
                    # \qquad(5.1) ending a row: an equation number written by hand
                    r"\\q?quad\s*\(\s*\d{1,3}(?:[.-]\d{1,3}){0,2}[a-z]?\s*\)(?=\s*(?:\\\\|$))|"
                    r"\\(?:nonumber|notag|displaystyle|textstyle|scriptstyle|limits|nolimits|bf|rm|it|"
                    r"sf|tt|space|cancel|bcancel|xcancel|sout)(?![A-Za-z]|\{\s)|\\ ")
# \\\<newline>: a row break, then a control space (Markdown that doubles every backslash)
ODD_BACKSLASH = re.compile(r"(?<!\\)(?:\\\\)*(\\)(?=\s)")
TEXT = re.compile(r"\\(?:text|textrm|mbox|mathrm|textit|textbf|(?:rm|it)(?=\{\s))\s*\{")
# … , for~i = 1, …, C; … \quad if x > 0: a condition word written bare after a comma ending a row
BARE_CONDITION = re.compile(r"(?:,|\\q?quad(?![A-Za-z]))(?:\s|~|\\[,;:!])*(?:for|if|when|otherwise)"
                            r"(?=~|\\[,;:]|\s|$)")
# {\rm if}, {\it where}: words in an old font switch, as \text{if} (rewritten \rm{ if}, the
# same length, by blank_markup; a name such as {\rm d} or {\rm softmax} loses the switch)
FONT_WORDS = re.compile(r"\{(\\(?:rm|it))(\s+)(?=(" + "|".join(
    re.escape(w) for w in sorted(set(CONDITION_WORDS + NOTE_WORDS + LEADS) | {"otherwise"},
                                 key=len, reverse=True)) + r")(?![A-Za-z])[^{}]*\})")
SPACING = re.compile(r"(?:\s|,|;|~|\\quad|\\qquad|\\[,;:!]|\\hspace\*?\{[^{}]*\})*$")
PAREN_NOTE = re.compile(r"\(\s*(?:\\because|\\text\s*\{\s*(?:" + "|".join(NOTE_WORDS) + r")\b)")
# a relation symbol, then a sub- or superscript: {…} or a short parenthesised label
SCRIPTED = re.compile(r"(?:[=<>]|\\(?:leq?|geq?|leqslant|geqslant|approx|neq?|simeq|equiv)(?![A-Za-z]))"
                      r"(\s*[\^_]\s*)(\{|\([^()]{1,12}\))")
# \; (\textrm{fixed } X) ending a row: words in parentheses set apart by spacing
# (also \quad \left( \text{Data distribution doesn't depend on } \theta \right))
SPACED_PAREN = re.compile(r"(?:\\[;,:]|\\q?quad|~)\s*(?:\\left\s*|\\[bB]ig{1,2}l?\s*)?(\()\s*"
                          r"\\(?:text|textrm|mbox|textit)\s*\{\s*"
                          r"[A-Za-z]{2,}")
_FULLWIDTH = str.maketrans("，；：（）", ",;:()")
ANNOTATED = re.compile(r"\\(?:overset|stackrel|underset)\s*\{")


def blank(text: str, a: int, b: int) -> str:
    """``text`` with ``text[a:b]`` replaced by spaces (newlines kept).

    >>> blank("a+b", 1, 2)
    'a b'
    """
    return blanked(text, [(a, b)])


def blank_markup(text: str) -> str:
    r"""Blank ``\label{…}``, ``\tag{…}``, ``\nonumber``, ``\displaystyle``, ``\ `` ….

    >>> blank_markup(r"a = b \tag{1}\label{x} \nonumber")
    'a = b                           '
    >>> blank_markup(r"a = b \tag2").strip(), blank_markup(r"a = b .........(2)").strip()
    ('a = b', 'a = b')
    >>> blank_markup(r"p = a^y \qquad(5.1)").strip(), blank_markup(r"p = a \quad (2) b").strip()
    ('p = a^y', 'p = a \\quad (2) b')
    >>> blank_markup(r"\color{red}{a} = \cancel{b}").split()
    ['{a}', '=', '{b}']
    >>> blank_markup("a \\\\\\\n  = b\\space.")
    'a \\\\ \n  = b      .'
    >>> blank_markup(r"{\rm if}~i \ne j, {\rm d}x")
    '\\rm{ if}~i \\ne j, {    d}x'
    """
    text = FONT_WORDS.sub(lambda m: m.group(1) + "{" + m.group(2)[1:] + " ", text)
    for m in reversed(list(MARKUP.finditer(text))):
        text = blank(text, m.start(), m.end())
    for m in reversed(list(ODD_BACKSLASH.finditer(text))):
        text = blank(text, m.start(1), m.end(1))
    text = text.translate(_FULLWIDTH)     # m=2，y_1=1-y_2: CJK punctuation in math
    return re.sub(r"[\u00a0\u2000-\u200b\u3000]", " ", text)


def _scripted_relations(text: str, notes: list) -> str:
    r"""``\le^{\textrm{(a)}}``, ``=^{(b)}``, ``=_{\text{Jensen}}``: a sub- or superscript on a
    relation symbol labels the step (math puts no exponent on a relation); blank it.

    >>> notes = []
    >>> _scripted_relations(r"a \le^{\textrm{(a)}} b =^{(b)} c", notes), notes
    ('a \\le                b =       c', ['(b)', '\\textrm{(a)}'])
    """
    for m in reversed(list(SCRIPTED.finditer(text))):
        end = closing(text, m.end() - 1) + 1 if m.group(2) == "{" else m.end()
        if end <= 0:
            continue
        notes.append(text[m.end():end - 1].strip() if m.group(2) == "{" else m.group(2))
        text = blank(text, m.start(1), end)
    return text


def _annotations(text: str, notes: list) -> str:
    r"""``\overset{X}{=}``: keep the relation; ``X`` is a note, or makes it ``:=``."""
    text = _scripted_relations(text, notes)
    for m in reversed(list(ANNOTATED.finditer(text))):
        a_end = closing(text, m.end() - 1)
        if a_end < 0 or text[a_end + 1:a_end + 2] != "{" or closing(text, a_end + 1) < 0:
            continue
        r_end = closing(text, a_end + 1)
        relation = text[a_end + 2:r_end]
        if not split_chain(relation).relations:
            continue
        label = text[m.end():a_end]
        defining = re.fullmatch(r"\s*(?:\\text\{\s*)?(?:let|def|\\triangle|:)\s*\}?\s*", label)
        out = blank(text, m.start(), r_end + 1)
        k = a_end + 2 + relation.index(relation.strip())
        out = out[:k] + relation.strip() + out[k + len(relation.strip()):]
        if defining and relation.strip() == "=":
            out = out[:k - 1] + ":" + out[k:]
        elif label.strip():
            notes.append(label.strip())
        text = out
    return text


def _text_groups(text: str):
    """(start, end, words) of each ``\\text{…}`` at the top level, not a sub/superscript."""
    tops = set(top_level(text))
    for m in TEXT.finditer(text):
        if m.start() + 2 not in tops or text[:m.start()].rstrip().endswith(("_", "^")):
            continue
        end = closing(text, m.end() - 1)
        if end < 0:
            continue
        yield m.start(), end + 1, text[m.end():end]


def _first_word(words: str) -> str:
    w = words.strip().lower().lstrip(",;:. ")     # \text{, where }: the word after the comma
    for c in sorted(CONNECTIVES, key=len, reverse=True):
        if w == c:
            return c
    return w.split()[0] if w.split() else ""


def _is_prose(words: str) -> bool:
    return len(re.findall(r"[A-Za-z]{2,}", re.sub(r"\$[^$]*\$", " ", words))) >= 2


def _condition_text(words: str, rest: str) -> tuple[str, int]:
    """(the LaTeX of a condition: math inside the words, then the math after them up to a
    comma that starts another relation; how much of ``rest`` it takes)."""
    inner = " ".join(re.findall(r"\$([^$]*)\$", words))
    parts, kept = split_top(rest, ","), []
    for part in parts:
        if kept and split_chain(part).relations:
            break
        kept.append(part)
    taken = ",".join(kept)
    tail = re.sub(r"^(?:\\quad|\\qquad|~|\\[,;:!]|\s)+", "", taken.strip()).strip().rstrip(",.;").strip()
    return " ".join(t for t in (inner.strip(), tail) if t), len(taken)


def set_aside(text: str) -> tuple[str, tuple, tuple, list]:
    """(text with notes and conditions blanked, notes, conditions, cut positions).

    >>> t, notes, conds, cuts = set_aside(r"a = b \\because c = d")
    >>> t.rstrip(), notes, conds, cuts
    ('a = b', ('\\\\because c = d',), (), [])
    >>> set_aside(r"\\text{MAE loss} = |y - a|")[0]
    '\\\\text{MAE loss} = |y - a|'
    >>> t, notes, _, _ = set_aside(r"P(X) \\ge 0,\\,\\forall X")
    >>> t.rstrip(), notes
    ('P(X) \\\\ge 0', ('\\\\forall X',))
    >>> set_aside(r"a_{ij} = a_i(1 - a_i), \\quad i = j.")[2]
    ('i = j',)
    >>> set_aside(r"\\text{Let } f(x) = x^2")[0].strip()
    'f(x) = x^2'
    >>> set_aside("ただし、M = \\\\frac{P + Q}{2}")[:2]
    ('    M = \\\\frac{P + Q}{2}', ('ただし、',))
    >>> t, _, conds, _ = set_aside(r"\\text{if } i = j: \\frac{da_i}{dz_j} = a_i(1 - a_i)")
    >>> t.strip(), conds
    ('\\\\frac{da_i}{dz_j} = a_i(1 - a_i)', ('i = j',))
    >>> set_aside(r"y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}, for~i=1,..., C")[2]
    ('i=1,..., C',)
    >>> set_aside(r"P(X=x_i, Y=y_j) = P_{ij}, i = 1,2,\\cdots,n; j = 1,2,\\cdots,m")[:2]
    ('P(X=x_i, Y=y_j) = P_{ij}                                    ', ('i = 1,2,\\\\cdots,n', 'j = 1,2,\\\\cdots,m'))
    >>> t, notes, _, _ = set_aside(r"a = b  & \\text{(expanding } \\log \\text{)}")
    >>> t.rstrip(), notes
    ('a = b  &', ('\\\\text{(expanding } \\\\log \\\\text{)}',))
    >>> t, notes, _, _ = set_aside(r"L = P(X = x) \\; (\\textrm{fixed } X)")
    >>> t.rstrip(), notes
    ('L = P(X = x)', ('(\\\\textrm{fixed } X)',))
    """
    notes, conditions, cuts = [], [], []
    text = _annotations(text, notes)
    ranged = INDEX_RANGE.search(text)      # … = p_i, i = 1, 2, \cdots, n: the index's range
    while ranged and split_chain(text[:ranged.start()]).relations:
        notes.append(text[ranged.start():].strip(" ,;"))
        text = blank(text, ranged.start(), len(text))
        ranged = INDEX_RANGE.search(text.rstrip())
    # … = a_i(1 - a_i), \quad i = j: two index letters after a comma end the row as its case
    case = INDEX_CASE.search(text)
    if case and split_chain(text[:case.start()]).relations:
        conditions.append(f"{case.group(1)} {case.group(2)} {case.group(3)}")
        text = blank(text, case.start(), len(text))
    for m in reversed(list(PAREN_NOTE.finditer(text))):
        if depth_at(text, m.start()) == 0:
            end = _closing(text, m.start())
            notes.append(text[m.start():end].strip())
            text = blank(text, m.start(), end) if text[end:].strip() \
                else _blank_tail(text, m.start())
    for m in reversed(list(SPACED_PAREN.finditer(text))):
        end = _closing(text, m.start(1))
        if depth_at(text, m.start(1)) == 0 and SPACING.fullmatch(text[end:]):
            notes.append(text[m.start(1):end].strip())
            text = _blank_tail(text, m.start())
    m = re.search(r"\\because(?![A-Za-z])", text)
    if m:
        notes.append(text[m.start():].strip())
        text = blank(text, m.start(), len(text))
    text = leading_quantifier(text, notes)
    lead = CJK_LEAD.match(text)       # ただし、M = …, 其中 …: a word that leads into the claim
    if lead and split_chain(text[lead.end():]).relations:
        notes.append(lead.group(0).strip())
        text = blank(text, 0, lead.end())
    unit = _UNIT.search(text)        # = 0.8816 bits, = 0.09637(nats): the unit of the number
    if unit:
        notes.append(unit.group(0).strip())
        text = blank(text, unit.start(), unit.end())
    for m in reversed(list(_WORD_LABEL.finditer(text))):   # \frac{p}{1-p}(odds) = e^z
        if depth_at(text, m.start(1)) == 0:
            notes.append(m.group(1))
            text = blank(text, m.start(1), m.end(1))
    m = re.search(r"(?:\s|,|\\q?quad|\\[,;:!])*\\forall(?![A-Za-z])", text)
    if m and depth_at(text, m.start()) == 0 and split_chain(text[:m.start()]).relations:
        notes.append(text[m.end() - 7:].strip())        # P(X) \ge 0, \forall X: a quantifier
        text = _blank_tail(text, m.start())             # of what is free anyway
    m = BARE_CONDITION.search(text)     # y_i = …, for~i = 1, …, C: a word not in \text
    if m and depth_at(text, m.start()) == 0 and split_chain(text[:m.start()]).relations:
        rest = text[m.end():].strip(" ~.,;")
        conditions += [rest] if rest else []
        text = _blank_tail(text, m.start())
    for m in reversed(list(re.finditer(r"\\therefore(?![A-Za-z])", text))):
        text = blank(text, m.start(), m.end())
        if text[:m.start()].strip():
            cuts.append(m.start())
    # f(x) = e^x: \frac{df}{dx} = e^x: a colon between two relations ends the first
    for m in reversed(list(re.finditer(r"(?<![:\\])\s*:(?![=:])", text))):
        clause = re.split(r",|;|\\q?quad(?![A-Za-z])", text[:m.start()])[-1]   # Q(x): μ = 7 is a label
        if depth_at(text, m.start()) == 0 and split_chain(clause).relations and \
                split_chain(text[m.end():]).relations:
            text = blank(text, m.start(), m.end())
            cuts.append(m.start())
    # A \rightarrow B = C: an arrow between expressions leads to the next claim (one inside a
    # group, \lim_{x \rightarrow 0}, is part of its notation)
    for m in reversed(list(re.finditer(r"\\(?:rightarrow|longrightarrow|to)(?![A-Za-z])", text))):
        if depth_at(text, m.start()) == 0:
            text = blank(text, m.start(), m.end())
            if text[:m.start()].strip():
                cuts.append(m.start())
    for start, end, words in reversed(list(_text_groups(text))):
        if not text[:start].strip() and _relation_at(text[end:].lstrip(), 0):
            continue   # \text{MAE loss} = …: the words name the left side
        first = _first_word(words)
        before = text[:start]
        if not before.strip() and first in LEADS and split_chain(text[end:]).relations:
            notes.append(text[start:end].strip())   # \text{Let } f(x) = …: the row's claim follows
            text = blank(text, start, end)
            continue
        opened = re.search(r"\(\s*$", before)
        if first in CONNECTIVES and split_chain(before).relations \
                and split_chain(text[end:]).relations:
            text = blank(text, start, end)
            cuts.append(start)
        elif first in CONDITION_WORDS and not opened:
            # \text{if } i = j: \frac{da_i}{dz_j} = …: the condition ends at the colon cut
            stop = min((c for c in cuts if c > end), default=len(text))
            condition, taken = _condition_text(words, text[end:stop])
            conditions.append(condition)
            if stop < len(text) and end + taken >= stop - 1:
                text = blank(text, start, stop)
            elif text[end + taken:].strip():
                text = blank(text, start, end + taken + 1)
                cuts.append(end + taken + 1)
            else:
                text = _blank_tail(text, start)
        elif _is_prose(words) and not opened and first not in NOTE_WORDS and \
                _starts_a_side(text, start, end):
            continue   # \text{Gradient Descent on } (-\log P) = …: words inside a side stay
        elif first in NOTE_WORDS and not opened and split_chain(before).relations \
                and split_chain(text[end:]).relations:
            notes.append(text[start:].strip())      # = … && \text{ since } p(x,y) = p(y|x)p(x):
            text = _blank_tail(text, start)         # the reason runs to the end of the row
        elif opened or words.strip().startswith("(") or first in NOTE_WORDS or _is_prose(words) \
                or _trailing_after_space(text, start, end) \
                or first in UNITS and SPACING.fullmatch(text[end:]):
            a, b = start, end
            if opened:
                a = opened.start()
                b = _closing(text, a)
            elif words.count("(") > words.count(")"):   # \text{(expanding } \log \text{)}
                close = _CLOSING_TEXT.search(text, end)
                b = close.end() if close else b
            notes.append(text[a:b].strip())
            text = blank(text, a, b) if opened or b < len(text) and text[b:].strip() \
                and not SPACING.fullmatch(text[b:]) else _blank_tail(text, a)
    return text, tuple(reversed(notes)) if notes else (), \
        tuple(c for c in reversed(conditions) if c), sorted(cuts)


# the \text group that closes a parenthesis a note opened in an earlier one: \text{)}, \text{ is 1)}
_CLOSING_TEXT = re.compile(r"\\(?:text|textrm|mbox|mathrm)\s*\{[^{}()]*\)[^{}]*\}")


def _starts_a_side(text: str, start: int, end: int) -> bool:
    """Do the words at ``text[start:end]`` begin a side, with its math right after them
    (``\\text{Gradient Descent on } (-\\log P) = …``), rather than stand beside a claim?"""
    before, after = text[:start].rstrip(), text[end:]
    return (not before or bool(re.search(r"(?:[=<>]|\\(?:leq?|geq?|approx|neq?|equiv)(?![A-Za-z]))$",
                                         before))) and bool(after.strip()) and \
        not SPACING.fullmatch(after) and not _relation_at(after.lstrip(), 0) and \
        not re.match(r"\s*(?:\\q?quad|\\[,;:]|,)", after)


def _trailing_after_space(text: str, start: int, end: int) -> bool:
    """``\\quad \\text{…}`` (or ``\\qquad``, ``\\hspace``) that ends the row."""
    return bool(re.search(r"(?:\\q?quad|\\hspace\*?\{[^{}]*\})\s*$", text[:start])) \
        and bool(SPACING.fullmatch(text[end:]))


_UNIT = re.compile(r"(?<=[\d.])\s*(?:\(\s*|\\[,;: ]\s*)?(?:\\(?:text|mathrm|textrm|rm|mbox)\s*\{\s*)?"
                   r"(?:bits?|nats?)\s*\}?\s*\)?\s*[.,;]?\s*$")

# a word in parentheses right after an operand, before a relation or the end: a label of what
# precedes it (\frac{p}{1-p}(odds) = e^{z}, 0.3(확률)), not a product of its letters
_WORD_LABEL = re.compile(r"(?<=[})\d])\s*(\(\s*(?:[A-Za-z]*[aeiouAEIOU][A-Za-z]*(?<=[A-Za-z]{3})|"
                         r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+)\s*\))"
                         r"(?=\s*(?:$|[=<>,.;]|\\(?:q?quad|leq?|geq?|approx|neq?|Leftrightarrow|iff|"
                         r"Rightarrow|implies)(?![A-Za-z])))")


def _closing(text: str, a: int) -> int:
    try:
        return matching(text, a) + 1
    except LatexSyntaxError:    # an unbalanced '(' : the note runs to the end of the row
        return len(text)


def _blank_tail(text: str, start: int) -> str:
    """Blank from ``start`` to the end, and the spacing and commas just before it."""
    head = text[:start]
    m = SPACING.search(head)
    return blank(text, m.start() if m else start, len(text))
