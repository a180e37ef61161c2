"""What can go wrong while reading LaTeX.

``LatexSyntaxError`` is malformed input (unbalanced braces, a side the parser
rejects): the input is unreadable.  ``UnknownNotation`` is well-formed LaTeX
whose meaning the reader does not know: the relation is ``unknown``, never
refuted.
"""
from __future__ import annotations


class LatexReadError(ValueError):
    """Base: a message and the 0-based position in the text it points at."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = position

    def __reduce__(self):     # a read in a worker process sends its errors back whole
        return type(self), (self.message, self.position)

    def pointer(self, text: str) -> str:
        """The message, the text, and a caret under the position."""
        if self.position is None:
            return self.message
        pos = max(0, min(self.position, len(text)))
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        return f"{self.message}\n  {line}\n  {' ' * (pos - line_start)}^"


class LatexSyntaxError(LatexReadError):
    """The LaTeX is malformed."""


class ParserRejection(LatexSyntaxError):
    """Balanced LaTeX that the parser rejects: malformed, or a construct it does not know
    (``\\langle a, b \\rangle_W``), which in another author's post is not the author's
    mistake (see :func:`malformed`)."""


def malformed(error) -> bool:
    """Is ``error`` the author's malformed LaTeX (unbalanced braces, a relation without a
    side), rather than a side the parser rejects?

    >>> malformed(LatexSyntaxError("unbalanced '{'")), malformed(ParserRejection("cannot parse"))
    (True, False)
    """
    return isinstance(error, LatexSyntaxError) and not isinstance(error, ParserRejection)


class UnknownNotation(LatexReadError):
    """Well-formed LaTeX whose meaning the reader does not know."""


class ReadingLimit(UnknownNotation):
    """Reading stopped at the time or memory limit: the relation is ``unknown``."""
