r"""Rows of a display that carry labels of their own: alternatives listed, not steps.

Lecture notes list the forms of one thing row by row, each named at the end of its row::

    \begin{align*}
      & X\Theta = \mu              & \text{Linear Regression} \\
      & X\Theta = \ln(\mu)         & \text{Poisson Regression}
    \end{align*}

Read as steps of solving, the second row contradicts the first.  A row's side note
(``Chain.notes``) that names rather than reasons (no "by", "using", "multiply", …) is a
label; when a row and the row it would continue solving both carry one, and the labels
differ, the rows are alternatives as likely as steps, and a failure of the step is not the
author's error.
"""
from __future__ import annotations

import re

from symbolic.latex_in.sidenotes import CONDITION_WORDS, NOTE_WORDS

# words of a reason (a step explained), in the languages of the posts read
_REASONING = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in (*NOTE_WORDS, *CONDITION_WORDS)) + r")\b|"
    r"\b(?:multipl\w*|divid\w*|add\w*|subtract\w*|tak\w*|simplif\w*|expand\w*|cancel\w*|"
    r"rearrang\w*|solv\w*|rule|definition|def|law|lemma|theorem|property|identity|step|"
    r"both|sides?|hence|thus|so|then|therefore|and|or)\b|"
    r"[∵∴]|양변|정리|대입|이용|따라서|两边|代入|由|根据|利用|所以|両辺|より|から|ので", re.I)
_TEXT = re.compile(r"\\(?:text|textrm|mbox|mathrm|textit|textbf)\s*\{([^{}]*)\}")


def label(notes) -> str | None:
    r"""The label that ``notes`` (a row's side notes) give their row: the words of a note
    written in ``\text{…}`` alone that names rather than reasons; None when there is none.

    >>> label([r"\text{ Logistic Regression}"]), label([r"\text{by the chain rule}"])
    ('Logistic Regression', None)
    >>> label([r"\text{(multiply both sides by } e^z)"]), label([]), label([r"\text{(1)}"])
    (None, None, None)
    """
    for note in notes:
        words = _TEXT.findall(note)
        rest = _TEXT.sub(" ", note)
        if len(words) != 1 or re.sub(r"\\q?quad|\\[,;:!]|[\s&~()]", "", rest):
            continue
        text = words[0].strip(" ()[]:.,;")
        if re.search(r"[^\W\d_]{2,}", text) and not _REASONING.search(text):
            return text
    return None


def labelled_apart(notes, previous_notes) -> str | None:
    r"""The two labels, when a row and the row before it are labelled differently (rows
    listed as alternatives), else None.

    >>> labelled_apart([r"\text{Poisson Regression}"], [r"\text{Linear Regression}"])
    'Linear Regression, Poisson Regression'
    >>> labelled_apart([r"\text{Poisson}"], [r"\text{by Bayes' rule}"]) is None
    True
    """
    mine, before = label(notes), label(previous_notes)
    return f"{before}, {mine}" if mine and before and mine != before else None
