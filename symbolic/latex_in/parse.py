"""Read one side of a relation: notation pass, ``latex2sympy``, meaning pass.

Information-theory constructs (``H(p, q)``, ``P(X_i = c)``, ``\\mathbb{E}_p[…]``,
``\\sigma(z)`` …) are replaced by placeholder symbols before the parser sees
the text, and by engine objects after it; the parser only ever sees ordinary
algebra.  User text is never evaluated: only the LaTeX parser reads it.

>>> r = Reader()
>>> r.read_side(r"D_{KL}(p \\| q)")
KLDivergence(p, q)
>>> r.read_side(r"-\\sum_{x} p(x) \\log q(x)")
-Sum(log(q[x])*p[x], (x, 1, K))
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.latex_in import models as mo
from symbolic.latex_in import semantics as se
from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation
from symbolic.latex_in.bare_sigma import sigma_shorthand
from symbolic.latex_in.ellipses import sums_of_ellipses
from symbolic.latex_in.latex_parser import arithmetic_doubts
from symbolic.latex_in.log_scope import log_scope_doubts
from symbolic.latex_in.notation import (bare_functions, clean, log_to_base,
                                        reject_unknown, written_bases)
from symbolic.latex_in.outcome_values import labels_only
from symbolic.latex_in.sigma_overload import vector_entries
from symbolic.latex_in.scan import (check_balanced, matching, opens_whole_side, refuse_leading_zero,
                                    split_top)
from symbolic.latex_in.reader_definitions import applied_at
from symbolic.latex_in.reader_binary import BinaryModel
from symbolic.latex_in.reader_events import EventModels
from symbolic.latex_in.reader_distributions import DistributionNotation
from symbolic.latex_in.reader_gaussians import GaussianNotation, refuse_multivariate_normal
from symbolic.latex_in.marks import MarkedNames, primed_indices
from symbolic.latex_in.reader_meaning import MeaningPass
from symbolic.latex_in.reader_members import DefinedFamilies
from symbolic.latex_in.reader_matrices import jacobian_entries, settled
from symbolic.latex_in.reader_measures import MeasureNotation
from symbolic.latex_in.reader_models import ModelNotation
from symbolic.latex_in.naming import function_letter_doubts
from symbolic.latex_in.reader_operators import OperatorNotation
from symbolic.latex_in.reader_expectations import ExpectationNotation
from symbolic.latex_in.reader_patterns import (
    _APPLIED, _ARGOPT, _COND, _EXTREMUM, _CONST, _DERIVATIVE, _DOT_PRODUCT, _EXPECTED, _HIGHER_DERIVATIVE,
    _NAMED_DERIVATIVE,
    _OPAQUE_HEAD, _UNDERSET, _VECTOR_EXTREMUM, _convert)
from symbolic.latex_in.reader_patterns import (  # the reader's own name rules
    _BOLD_DERIVATIVE, _BRACKET_NEXT, _E_ARGUMENT, _E_NAME, _GAMMA_NAME, _INDEX_SUPERSCRIPT,
    _KRONECKER, _PLAIN_EXPECTATION, sum_index_superscripts)

# Placeholder commands: the parser turns ``\\xi_{3}`` into the symbol ``xi_3``.  Each call
# uses the first one whose letters occur nowhere in the text it reads (in any case), so
# no symbol the user wrote can carry a placeholder's name.
PLACEHOLDERS = ("xi", "mho", "chi", "psi", "zeta", "upsilon", "varpi", "varsigma", "iota",
                "kappa", "omicron")
MAX_LENGTH = 4000
#: the doubt of a side whose parenthesis the text leaves open
LEFT_OPEN = "a parenthesis the text leaves open is closed at the end of the side"
MAX_DEPTH = 40
FUNCTION_WORDS = {"H", "\\CE", "\\KL", "\\JS", "I", "\\sigma", "\\sigmoid", "\\logit", "\\odds",
                  "\\softmax"}


class Reader(GaussianNotation, DistributionNotation, MeasureNotation, OperatorNotation,
             ExpectationNotation, ModelNotation, DefinedFamilies, EventModels, BinaryModel,
             MarkedNames, MeaningPass):
    """Reads sides of relations in one document, keeping its bindings."""

    def __init__(self, semantics: se.Semantics | None = None):
        self.sem = semantics or se.Semantics()
        self.placeholders: dict = {}
        self.written: dict = {}       # placeholder number -> the text it stands for
        self.placeholder = PLACEHOLDERS[0]
        self.joint_used = False
        self.families: dict = {}
        self.doubts: list = []   # readings that are guesses: a failure is not the author's
        self.distributions: dict = {}   # head -> variables (reader_distributions)
        self.implicit_expectation = None
        self.in_gaussian_integral = False
        self.bound_names: set = set()   # names the document fixes, used in this chain
        self.keeping_names = 0          # > 0: defined names are not put in (names_kept)
        self.delta_indices: set = set()
        self.chain_bases: set = set()      # the bases of the logs the chain writes
        self.unit_matters = False
        self.strict_sums = False       # True: a sum takes its first term only (sum_scope)
        self.defined_names: set = set()
        self.chain_text = ""
        self.mixed = None                      # see start_chain
        self.side_text = ""                    # the side being read (at depth 0)
        self.unbounded_indices: set = set()   # the side's sums written without a range
        self.bounds = False                    # the chain states an inequality

    def start_chain(self, sides=None, bounds: bool = False) -> None:
        """Forget what the previous chain read jointly or as families; plan the reading of
        the distributions the chain's ``sides`` name by letter (``bounds``: a relation of the
        chain is an inequality)."""
        self.joint_used = False
        self.families = {}
        self.doubts = []
        self.bound_names = set()
        self.defined_names = set()      # families a definition put in (its pmfs: P_theta)
        # the indices of a Kronecker delta: z_i and z_j beside \delta_{ij} are entries of z
        self.delta_indices = {n for side in sides or () for m in _KRONECKER.finditer(side)
                              for n in m.groups()}
        self.chain_bases = written_bases(bare_functions(" ".join(sides or ())))   # log _ {2}
        self.chain_text = " ".join(sides or ())
        self.mixed = None       # the two pmfs of a JS(P ‖ Q) read: KL(P ‖ M) is against their mixture
        self.bounds = bounds
        self.unit_matters = self.measure_unit_matters(sides or ())
        self.plan_distributions(sides)

    # --- entry point ------------------------------------------------------------
    def read_side(self, text: str, offset: int = 0, depth: int = 0) -> sp.Expr:
        """The SymPy expression of one side (no relation symbols in it)."""
        if depth > MAX_DEPTH:
            raise LatexSyntaxError("expression too deeply nested", offset)
        if len(text) > MAX_LENGTH:
            raise UnknownNotation(f"expression longer than {MAX_LENGTH} characters", offset)
        check_balanced(text, offset)
        if depth == 0:
            refuse_leading_zero(text, offset)      # 0.2/08: 0.8 or 8
            self._scope_placeholders(text, offset)
            self.side_text = text
            self.unbounded_indices = set()
            try:
                side = settled(self._read_side(text, offset, depth))   # one W per side
            except LatexSyntaxError as exc:
                raise self._in_own_words(exc, text) from None
            return labels_only(side, self.unbounded_indices, offset, self.bounds, self.doubts)
        return self._read_side(text, offset, depth)

    def _read_side(self, text: str, offset: int, depth: int) -> sp.Expr:
        text = jacobian_entries(text, self.doubts)   # (∂z/∂x)_{ij}: ∂z_i/∂x_j
        refuse_multivariate_normal(text, offset)
        bold = _BOLD_DERIVATIVE.search(text)
        if bold:       # ∂(Wx)/∂W is not x: a vector or matrix read as a number would be
            raise UnknownNotation("a derivative in a vector or a matrix (a bold or capital variable) "
                                  "is not read", offset + bold.start())
        # \log \frac{a}{b} \cdot \frac{b}{c}: clean() ends the log's argument at \cdot, a guess
        self.doubts += [d for d in log_scope_doubts(text) if "fraction after" in d]
        t = sums_of_ellipses(clean(vector_entries(text)))   # a_1 + \dots + a_n
        t = sigma_shorthand(t, self.chain_text or t, self.doubts)   # σ(1 - σ): σ(z)(1 - σ(z))
        t = primed_indices(t, self.chain_text)      # \sum_{k'} e^{z_{k'}}: a bound index
        if _INDEX_SUPERSCRIPT.search(t):           # h(\mathbf{x}^i), y^i: Ng's data index
            self.doubts.append("a superscript i (x^i) may index a data point, not raise a power")
        self.doubts += [f"a superscript {k}, the index of a sum, may index an entry (y^{k}), not "
                        "raise a power" for k in sum_index_superscripts(t)]
        t = re.sub(r"[.,;]\s*$", "", t).strip()
        while t.startswith("{") and matching(t, 0) == len(t) - 1:
            t = t[1:-1].strip()                      # {1 \over 1 + e^{-z}}: a group, not a set
        t = re.sub(r"^\^\s*\{[^{}]*\}", "", t).strip()   # = ^{(a)} …: a note on the relation
        if not t:
            raise LatexSyntaxError("empty expression", offset)
        missing = t.count("(") - t.count(")") if depth == 0 else 0
        if missing > 0 and not re.search(r"\\[()]", t):
            # -(0 \log 0.3 + 1 \log 0.4 = 0.91: an unclosed parenthesis, closed at the end
            # -(a + b = c is read surely; \left( 2(y + c \right) closes its first one itself
            if not (missing == 1 and opens_whole_side(t) and
                    not re.match(r"\s*[-+]?\s*\\left", text)):
                self.doubts.append(LEFT_OPEN)
            t += ")" * missing
        t = log_to_base(t, self.sem.log_base)
        t = _UNDERSET.sub(lambda u: f"{u.group(2)}_{{{u.group(1)}}}", t)
        opt = _ARGOPT.match(t)
        if opt:
            return self._argopt(t, opt, offset, depth)
        extremum = _EXTREMUM.match(t)
        if extremum:
            return self._extremum(t, extremum, offset, depth)
        if _E_ARGUMENT.search(t):
            raise UnknownNotation("e is an argument of a probability here, a variable, not "
                                  "Euler's number", offset)
        t = self._rewrite(t, offset, depth)
        reject_unknown(t, offset)
        self.doubts += [self._in_author_terms(d) for d in
                        log_scope_doubts(t) + function_letter_doubts(t) + arithmetic_doubts(t)]
        raw = _convert(t, offset, self.doubts)
        return self._meaning(raw, offset)

    # --- notation pass ----------------------------------------------------------
    def _scope_placeholders(self, text: str, offset: int) -> None:
        """Fresh placeholders for one side, named by letters the side never uses."""
        lowered = text.lower()
        free = [name for name in PLACEHOLDERS if name not in lowered]
        if not free:
            raise UnknownNotation("the expression uses every name the reader keeps for "
                                  "itself", offset)
        self.placeholder = free[0]
        self.placeholders, self.written = {}, {}

    def _hold(self, expr) -> str:
        n = len(self.placeholders)
        self.placeholders[n] = expr
        return f" \\{self.placeholder}_{{{n}}} "

    def _rewrite(self, t: str, offset: int, depth: int) -> str:
        out, i = [], 0
        while i < len(t):
            try:
                hit = self._construct_at(t, i, offset, depth)
            except UnknownNotation:
                hit = self._opaque_application(t, i)
                if hit is None:
                    raise
            if hit is not None:
                text, end = hit
                held = re.fullmatch(rf"\s*\\{self.placeholder}_\{{(\d+)\}}\s*", text)
                if held:
                    self.written[int(held.group(1))] = t[i:end].strip()
                out.append(text)
                i = end
                continue
            out.append(t[i])
            i += 1
        return "".join(out)

    def defined_value(self, body, offset: int, depth: int) -> sp.Expr:
        """The value of an application the text defined: its body, or the body's text read
        here (a definition through distributions named by letter)."""
        return self.read_side(body, offset, depth + 1) if isinstance(body, str) else body

    def _opaque_application(self, t: str, i: int):
        """``q_{\\phi}(z | x)`` and other applications not read: an opaque quantity.

        The relation may still be proved or checked (if it holds for every value of the
        quantity, it holds for the one meant), but it is never refuted.  Inside an
        integral a quantity depends on the variable of integration, so there it is not
        made opaque.
        """
        m = _APPLIED.match(t, i) or _EXPECTED.match(t, i)
        if not m or "\\int" in t or (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")):
            return None
        close = matching(t, m.end() - 1)
        return self._hold(self.opaque(t[i:close + 1], m.group(1))), close + 1

    def opaque(self, text: str, head: str) -> sp.Symbol:
        """The unknown quantity written ``text``: positive for a probability or density."""
        core = re.sub(r"\\(?:hat|tilde|bar)\s*\{?|[{}\\]", "", head)[:1]
        positive = core in se.PMF_LETTERS
        # spacing and braces around one character do not make another quantity: w^{T} x, w^Tx
        shown = re.sub(r"\s+(?=[^A-Za-z0-9\s])|(?<=[^A-Za-z0-9\s])\s+", "",
                       re.sub(r"\s+", " ", text.strip()))
        shown = re.sub(r"([_^])\{(\w)\}", r"\1\2", shown)
        shown = re.sub(r"([_^]\w)\s+", r"\1", shown)      # w^T x is w^Tx
        doubt = (f"{shown} is read as an unknown {'positive' if positive else 'real'} quantity "
                 "(a failure would not show the author wrong)")
        self.doubts.append(doubt)   # repeated on purpose: each side records its own
        return sp.Symbol(f"⟨{shown}⟩", positive=True) if positive else \
            sp.Symbol(f"⟨{shown}⟩", real=True)

    def _word_at(self, t: str, i: int):
        """A function word starting at ``i`` (not inside a longer name)."""
        if i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\"):
            if not (t[i] == "\\"):
                return None
        m = re.match(r"\\[A-Za-z]+|[A-Za-z](?:_\{?\\?[A-Za-z]+\}?)?", t[i:])
        if not m:
            return None
        word = m.group(0)
        if word.startswith("\\") is False and i > 0 and t[i - 1] == "\\":
            return None
        return word, i + len(word)

    def _construct_at(self, t: str, i: int, offset: int, depth: int):
        hit = self._normals_kl_at(t, i, offset, depth) if t.startswith("\\KL", i) else None
        if hit is not None:
            return hit
        if self.sem.gaussians and t[i] in "pPqQH\\":
            hit = self._gaussian_at(t, i, offset, depth)
            if hit is not None:
                return hit
        if self.distributions and t[i] in "PpQqEHI\\":
            hit = self._distribution_at(t, i, offset, depth)
            if hit is not None:
                return hit
        if self.sem.positives:          # p_{\theta}(x_i) of a declared binary model
            hit = self._positive_at(t, i)
            if hit is not None:
                return hit
        if self.sem.event_models and t[i] == "P":   # P(Y=1 | X=1) through the text's model
            hit = self._event_at(t, i, offset, depth)
            if hit is not None:
                return hit
        if self.sem.applications:       # E_{n}(\mathbf{w}) as the text defined it
            hit = applied_at(t, i, self.sem.applications)
            if hit is not None:
                value = self.defined_value(hit[0], offset, depth)
                self.defined_names |= {str(b.label) for b in value.atoms(sp.IndexedBase)}
                return self._hold(value), hit[1]
        hit = self._marked_at(t, i, offset, depth)    # θ', W^{[1]}, σ'(z)
        if hit is not None:
            return hit
        m = _E_NAME.match(t, i)
        if m and m.group(1) == "E" and (_BRACKET_NEXT.match(t, m.end()) or not re.fullmatch(
                r"\d+|[ijklmnt]", m.group(2) or m.group(3))):
            m = None     # E_X \log P(X), E_q[…]: an expectation; E_n, E_{1}: the loss of one sample
        if m and not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")):
            # e_n, e_{t}: a name (an error term), which the parser would take for Euler's e
            name = f"{m.group(1)}_{m.group(2) or m.group(3)}"
            return self._hold(sp.Symbol(name, real=True)), m.end()
        m = _GAMMA_NAME.match(t, i)
        if m:
            sub = m.group(2) or m.group(3)
            name = m.group(1) + ("" if not sub else f"_{sub}" if len(sub) == 1 else f"_{{{sub}}}")
            return self._hold(sp.Symbol(name, real=True)), m.end()
        m = _KRONECKER.match(t, i)
        if m and not re.search(r"\\(?!cdot$|times$)[A-Za-z]+$", t[max(0, i - 30):i]):
            # \delta_{ij} (not glued to a command: \partial\delta_{ij}; \cdot\delta_{ij} is a
            # product): 1 when the indices are equal, else 0 (δ_k alone stays a name)
            return self._hold(sp.KroneckerDelta(ob.index(m.group(1)), ob.index(m.group(2)))), \
                m.end()
        # decimals and percentages
        m = re.match(r"(\d*\.\d+|\d+)\s*\\%|\d*\.\d+", t[i:])
        if m and not (i > 0 and (t[i - 1].isalnum() or t[i - 1] in "_^")):
            if m.group(1):
                whole, _, frac = m.group(1).partition(".")
                digits = len(frac) + 2
                value = qu.StatedDecimal(int(whole + frac), digits)
            else:
                value = qu.StatedDecimal.from_text(m.group(0))
            return self._hold(value), i + m.end()
        if not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")):
            m = _CONST.match(t, i)
            if m:
                return self._hold(mo.CONST), m.end()
            m = _COND.match(t, i)
            if m:
                hit = self._conditional(t, m, offset)
                if hit is not None:
                    return hit
        if _PLAIN_EXPECTATION.match(t, i) and not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")):
            return self._expectation(t, i, offset, depth)
        hit = self.bare_expectation(t, i, offset, depth)      # E[-\log p(x)]
        if hit is not None:
            return hit
        m = _VECTOR_EXTREMUM.match(t, i)
        if m:       # \max(z): the largest entry, an unknown number (never the z of another row)
            return self._hold(self.opaque(m.group(0), m.group(1))), m.end()
        m = _OPAQUE_HEAD.match(t, i) or (not t.startswith("\\mathbb", i) and _EXPECTED.match(t, i))
        if m and not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")) and \
                t[i:m.end() - 1].strip() not in self.sem.functions:
            hit = self._opaque_application(t, i)
            if hit is not None:
                return hit
        m = _DOT_PRODUCT.match(t, i)
        if m and not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")):
            # θ^T x: a sum over the entries; w^{\top} x_i: a dot product the text does not
            # spell out, an opaque real
            summed = self.dot_product_sum(m.group(0), t)
            return (summed, m.end()) if summed else (self._hold(self.opaque(m.group(0), "")),
                                                     m.end())
        if t.startswith("\\mathbb{E}", i) or t.startswith("\\mathbb E", i):
            return self._expectation(t, i, offset, depth)
        if t.startswith(("\\sum", "\\prod"), i):
            hit = self._over_data(t, i, offset, depth) or self._whole_body(t, i, offset, depth) \
                or self._sum_except(t, i, offset, depth)
            if hit is not None:
                return hit
        m = re.match(r"\\(?:sum|prod)(?![A-Za-z])", t[i:i + 6])
        if m:
            return self._sum(t, i)
        m = _DERIVATIVE.match(t, i)
        if m:
            return self._derivative(t, m, offset, depth)
        m = _NAMED_DERIVATIVE.match(t, i)
        if m:
            return self._named_derivative(t, m, offset, depth)
        if _HIGHER_DERIVATIVE.match(t, i):   # d^2 would be read as d times d
            raise UnknownNotation("a higher derivative in this form is not read", offset + i)
        if t.startswith("\\frac", i):
            hit = self._other_derivative(t, i, offset, depth)
            if hit is not None:
                return hit
        found = self._word_at(t, i)
        if not found:
            return None
        word, j = found
        k = j
        while k < len(t) and t[k] == " ":
            k += 1
        opens = k < len(t) and (t[k] == "(" or t[k] == "[" and word in ("\\KL", "\\JS", "H", "\\CE"))
        if word == "\\odds" and not opens:
            return self._hold(sp.Symbol("odds", positive=True)), j
        if not opens:
            return None
        close = matching(t, k)
        inner = t[k + 1:close]
        pos = offset + k + 1
        base = word.split("_")[0]
        if word in FUNCTION_WORDS or word in se.PMF_LETTERS or word in self.sem.functions \
                or base in se.PMF_LETTERS and word in self.sem.functions:
            expr, end = self._application(word, inner, pos, depth, t, close + 1)
            if expr is None:
                return None
            return self._hold(expr), end
        if word in self.sem.convex:
            # f(…) for a function the text says is convex: an application, never f·(…)
            arg = self.read_side(inner, pos, depth + 1)
            return self._hold(sp.Function(word, real=True)(arg)), close + 1
        if word.startswith("\\"):
            return None   # \ln( … ), \exp( … ): the parser reads the function, the scan the inside
        if len(split_top(inner, "|")) > 1 or len(split_top(inner, ";")) > 1:
            raise UnknownNotation(f"cannot read {word}({inner.strip()}): a function of "
                                  "conditioned arguments the text does not define", pos)
        if re.fullmatch(r"[A-Za-z]_\\theta|[A-Za-z]_\{\\theta\}", word):
            # f_\theta(x): a model output, parameters left implicit
            return word[0], j
        return None
