"""Printers of derivations and their verdicts, separate from the model.

``latex`` (amsmath ``align*``), ``markdown`` (``$$`` blocks for MathJax and
KaTeX), ``text`` (terminal) and ``json`` (the DESIGN contract).
"""
from symbolic.printing.latex import latex

__all__ = ["latex"]
