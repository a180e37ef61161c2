"""LaTeX for quantities and whole derivations (an ``align*`` block, amsmath).

The quantities get their conventional notation from ``_print_<Class>``
methods of a ``LatexPrinter`` subclass, as SymPy's own printers do.

>>> from symbolic.objects import pmf
>>> from symbolic.quantities import KLDivergence, Sigmoid
>>> import sympy as sp
>>> p, q = pmf("p", 3), pmf("q", 3)
>>> latex(KLDivergence(p, q))
'D_{\\\\mathrm{KL}}(p \\\\,\\\\|\\\\, q)'
>>> latex(Sigmoid(sp.Symbol("z")))
'\\\\sigma(z)'
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE

from symbolic.relations import RELATION_LATEX, relation_of


class InfoLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, taught the information-theory quantities."""

    def _args(self, expr, n=None):
        return ", ".join(self._print(a) for a in expr.args[:n])

    def _print_Entropy(self, expr):
        return f"H({self._print(expr.args[0])})"

    def _print_CrossEntropy(self, expr):
        return f"H({self._args(expr)})"

    def _print_KLDivergence(self, expr):
        p, q = (self._print(a) for a in expr.args)
        return rf"D_{{\mathrm{{KL}}}}({p} \,\|\, {q})"

    def _print_JensenShannon(self, expr):
        p, q = (self._print(a) for a in expr.args)
        return rf"D_{{\mathrm{{JS}}}}({p} \,\|\, {q})"

    def _print_MixtureDivergence(self, expr):
        p, q = (self._print(a) for a in expr.args)
        return rf"D_{{\mathrm{{KL}}}}({p} \,\|\, \tfrac{{{p} + {q}}}{{2}})"

    def _variables(self, expr, first):
        names = expr.args[first:first + 2]
        if len(names) == 2:
            return tuple(self._print(n) for n in names)
        return "X", "Y"

    def _print_AgreementProbability(self, expr):
        x, y = self._variables(expr, 2)
        return f"P({x} = {y})"

    def _print_JointEntropy(self, expr):
        x, y = self._variables(expr, 1)
        return f"H({x}, {y})"

    def _print_MarginalEntropyX(self, expr):
        return f"H({self._variables(expr, 1)[0]})"

    def _print_MarginalEntropyY(self, expr):
        return f"H({self._variables(expr, 1)[1]})"

    def _print_ConditionalEntropyYX(self, expr):
        x, y = self._variables(expr, 1)
        return rf"H({y} \mid {x})"

    def _print_ConditionalEntropyXY(self, expr):
        x, y = self._variables(expr, 1)
        return rf"H({x} \mid {y})"

    def _print_MutualInformation(self, expr):
        x, y = self._variables(expr, 1)
        return f"I({x}; {y})"

    def _print_Sigmoid(self, expr):
        return rf"\sigma({self._print(expr.args[0])})"

    def _print_Logit(self, expr):
        return rf"\operatorname{{logit}}({self._print(expr.args[0])})"

    def _print_Odds(self, expr):
        return rf"\operatorname{{odds}}({self._print(expr.args[0])})"

    def _print_LogSumExp(self, expr):
        return rf"\operatorname{{logsumexp}}({self._print(expr.args[0])})"

    def _print_Softmax(self, expr):
        z, i = (self._print(a) for a in expr.args)
        return rf"\operatorname{{softmax}}({z})_{{{i}}}"

    def _print_LogSoftmax(self, expr):
        z, i = (self._print(a) for a in expr.args)
        return rf"\log \operatorname{{softmax}}({z})_{{{i}}}"

    def _print_BinaryCrossEntropy(self, expr):
        return rf"\operatorname{{BCE}}({self._args(expr)})"

    def _print_Information(self, expr):
        return f"h({self._print(expr.args[0])})"

    def _print_Expectation(self, expr):
        from symbolic.expectation import weight_and_body
        found = weight_and_body(expr)
        if found is None:
            return self._print_Sum(expr)
        pmf, body = found
        return (rf"\mathbb{{E}}_{{{self._print(expr.limits[0][0])} \sim {self._print(pmf)}}}"
                rf"\left[ {self._print(body)} \right]")

    def _print_StatedDecimal(self, expr, exp=None):
        mantissa, digits = int(expr.args[0]), int(expr.args[1])
        sign = "-" if mantissa < 0 else ""
        text = str(abs(mantissa)).rjust(digits + 1, "0")
        number = sign + (f"{text[:-digits]}.{text[-digits:]}" if digits else text)
        # SymPy prints a power of a function as f^{exp}: 0.5^{2}, (-0.5)^{2}
        return number if exp is None else (f"\\left({number}\\right)^{{{exp}}}" if sign
                                           else f"{number}^{{{exp}}}")

    def _print_Mul(self, expr):
        r"""``log(x)/log(2)`` (how SymPy stores a base-2 log) prints as ``\log_{2}``."""
        bases = [a for a in expr.args if isinstance(a, sp.Pow) and a.exp == -1
                 and isinstance(a.base, sp.log) and a.base.args[0].is_Integer
                 and a.base.args[0] > 1]
        logs = [a for a in expr.args if isinstance(a, sp.log)]
        if len(bases) != 1 or len(logs) != 1:
            return super()._print_Mul(expr)
        base, log = bases[0], logs[0]
        text = (rf"\log_{{{self._print(base.base.args[0])}}}"
                rf"{{\left({self._print(log.args[0])} \right)}}")
        coeff = sp.Mul(*[a for a in expr.args if a is not base and a is not log])
        if coeff == 1:
            return text
        if coeff == -1:
            return "- " + text
        if coeff.is_Rational:
            return f"{self._print(coeff)} {text}"
        return f"{self.parenthesize(coeff, PRECEDENCE['Mul'])} {text}"

    def _print_Relational(self, expr):
        return (f"{self._print(expr.lhs)} {RELATION_LATEX[relation_of(expr)]} "
                f"{self._print(expr.rhs)}")


_PRINTER_SETTINGS = {"ln_notation": False}


def latex(expr, **settings) -> str:
    """LaTeX of an expression or relation, with the quantities' notation."""
    return InfoLatexPrinter({**_PRINTER_SETTINGS, **settings}).doprint(expr)


_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                 "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                 "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}"}


def latex_text(text: str, unicode: bool = False) -> str:
    """Plain text made safe for ``\\text{}`` under pdflatex (specials escaped,
    characters outside Latin-1 dropped); ``unicode=True`` keeps every character,
    for XeLaTeX or LuaLaTeX with a Korean font (kotex).

    >>> latex_text("50% of p_k & more")
    '50\\\\% of p\\\\_k \\\\& more'
    >>> latex_text("로짓의 정의", unicode=True), latex_text("로짓의 정의")
    ('로짓의 정의', '')
    """
    if not unicode:
        text = "".join(c for c in text if ord(c) < 256 or c in "−–—≤≥")
    text = text.replace("−", "-").replace("–", "--").replace("—", "---")
    text = text.replace("≤", "<=").replace("≥", ">=")
    text = re.sub(r"\s+", " ", text).strip()
    return "".join(_TEXT_ESCAPES.get(c, c) for c in text)


def step_rows(report, unicode: bool = False) -> list[str]:
    """One ``align*`` row per step: ``lhs &= rhs && \\text{reason}``."""
    derivation = report.derivation
    rows = []
    first = derivation.start
    if derivation.is_equation_chain:
        rows.append(rf"& {latex(first)}")
    for i, sr in enumerate(report.steps):
        step = sr.step
        tag = rf"\quad \text{{{latex_text(step.reason, unicode)} [{sr.verdict.status}]}}"
        if step.relation == "⇔":
            rows.append(rf"\Leftrightarrow \quad & {latex(step.expr)} && {tag}")
        elif i == 0:
            rows.append(rf"{latex(first)} &{RELATION_LATEX[step.relation]} "
                        rf"{latex(step.expr)} && {tag}")
        else:
            rows.append(rf"&{RELATION_LATEX[step.relation]} {latex(step.expr)} && {tag}")
    return rows


def derivation_block(report, unicode: bool = False) -> str:
    """The derivation as an ``align*`` environment, with a comment header."""
    d = report.derivation
    body = " \\\\\n".join("  " + row for row in step_rows(report, unicode))
    return (f"% {latex_text(d.title, unicode)}\n% Source: {latex_text(d.source_sections, unicode)}\n"
            f"\\begin{{align*}}\n{body}\n\\end{{align*}}\n")


#: The preamble that keeps Korean: XeLaTeX or LuaLaTeX, kotex, Noto CJK (Debian's fonts-noto-cjk).
UNICODE_PREAMBLE = (r"\usepackage{fontspec}", r"\usepackage{kotex}",
                    r"\setmainhangulfont{Noto Serif CJK KR}",
                    r"\setsanshangulfont{Noto Sans CJK KR}")


def derivation_document(report, unicode: bool = False) -> str:
    """A standalone amsmath document: title, source, the chain, notes and errata
    (for pdflatex; with ``unicode``, for XeLaTeX with kotex, keeping Korean)."""
    d = report.derivation
    fonts = UNICODE_PREAMBLE if unicode else (r"\usepackage[T1]{fontenc}",)
    parts = [r"\documentclass{article}", *fonts, r"\usepackage{amsmath,amssymb}",
             r"\usepackage[margin=2cm,landscape]{geometry}", r"\begin{document}",
             rf"\section*{{{latex_text(d.title, unicode)}}}",
             rf"\noindent Source: {latex_text(d.source_sections, unicode)}.\\",
             rf"Verdict: {report.verdict}.", "\\small", derivation_block(report, unicode)]
    if d.notes:
        parts.append("\\paragraph{Notes}\n\\begin{itemize}")
        parts += [rf"  \item {latex_text(n, unicode)}" for n in d.notes]
        parts.append("\\end{itemize}")
    if d.errata:
        parts.append("\\paragraph{Errata in the source}\n\\begin{itemize}")
        parts += [rf"  \item {latex_text(e.file)}, line {e.line}: "
                  rf"{latex_text(e.correction, unicode)}" for e in d.errata]
        parts.append("\\end{itemize}")
    parts.append(r"\end{document}")
    return "\n".join(parts) + "\n"
