"""Read LaTeX relations and documents into claims the engine can check.

Pipeline: ``documents`` (find math in Markdown/LaTeX) → ``relations`` (split
chains) → ``notation`` + ``parse`` (one side at a time through
``latex2sympy2_extended``) → ``semantics`` (pmfs, random variables, families)
→ ``check`` (each claim in a time- and memory-limited worker).
"""
from symbolic.latex_in.chains import Claim, read_chain
from symbolic.latex_in.check import Limits, decide
from symbolic.latex_in.errors import LatexReadError, LatexSyntaxError, UnknownNotation
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.semantics import Semantics

__all__ = ["Claim", "read_chain", "Limits", "decide", "LatexReadError", "LatexSyntaxError",
           "UnknownNotation", "Reader", "Semantics"]
