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
from sympy.core.function import AppliedUndef

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.latex_in import models as mo
from symbolic.latex_in import semantics as se
from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation
from symbolic.latex_in.notation import clean, log_scope_doubts, log_to_base, reject_unknown
from symbolic.latex_in.scan import top_level
from symbolic.latex_in.scan import check_balanced, matching, read_group, split_top

# Placeholder commands: the parser turns ``\\xi_{3}`` into the symbol ``xi_3``.  Each call
# uses the first one whose letters occur nowhere in the text it reads (in any case), so
# no symbol the user wrote can carry a placeholder's name.
PLACEHOLDERS = ("xi", "mho", "chi", "psi", "zeta", "upsilon", "varpi", "varsigma", "iota",
                "kappa", "omicron")
MAX_LENGTH = 4000
MAX_DEPTH = 40
FUNCTION_WORDS = {"H", "\\CE", "\\KL", "I", "\\sigma", "\\sigmoid", "\\logit", "\\odds",
                  "\\softmax"}


def _convert(text: str, offset: int):
    from latex2sympy2_extended import latex2sympy
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig
    cfg = ConversionConfig(lowercase_symbols=False, interpret_as_mixed_fractions=False)
    try:
        return latex2sympy(text, conversion_config=cfg)
    except RecursionError:
        raise LatexSyntaxError("expression too deeply nested", offset) from None
    except Exception as exc:  # the parser's own errors: the side is unreadable
        msg = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise LatexSyntaxError(f"cannot parse {text.strip()!r}: {msg}", offset) from None


# \arg\min_\theta, \arg\max_{\theta}, \operatorname*{arg\,min}_\theta at the start of a side
_ARGOPT = re.compile(r"\s*(?:\\arg\s*\\(min|max)|\\arg(min|max)|\\(?:operatorname\*?|mathrm)"
                     r"\{\s*arg\s*(min|max)\s*\})\s*(?:_\s*\{\s*([^{}]*?)\s*\}|_\s*(\\?[A-Za-z]+))\s*")
# \underset{\theta}{\arg\min}: the same as \arg\min_{\theta}
_UNDERSET = re.compile(r"\\underset\s*\{([^{}]*)\}\s*\{\s*(\\arg\s*\\(?:min|max)|\\arg(?:min|max)|"
                       r"\\(?:operatorname\*?|mathrm)\{\s*arg\s*(?:min|max)\s*\})\s*\}")
# a θ-independent term: constant, const, \text{const}
_CONST = re.compile(r"(?:\\(?:text|textrm|mathrm)\{\s*(?:constant|const)\.?\s*\}|"
                    r"(?:constant|const)(?![A-Za-z]))")
# a named pmf applied to arguments: p_{model}(…), \hat{p}_{data}(…), q_\theta(…), p(…)
_COND = re.compile(r"(\\hat\s*\{\s*[pPqQ]\s*\}|\\hat\s+[pPqQ]|[pPqQ])\s*"
                   r"(?:_\{\s*([^{}]*?)\s*\}|_\s*(\\?[A-Za-z]+))?\s*\(")
# y_i, y_{i}, y^{(i)} (Goodfellow's data index), y; X = x_i is x_i
_DATA_POINT = re.compile(r"\s*(?:[XY]\s*=\s*)?([a-z])(?:_\{?\s*([a-z])\s*\}?|"
                         r"\^\{\s*\(\s*([a-z])\s*\)\s*\})?\s*")
_DATA_SET = re.compile(r"\s*\\math(?:bb|cal|bf)\{[A-Z]\}\s*[:;|,]\s*\\theta\s*")
_EMPIRICAL_SUB = re.compile(r"\s*(?:\(?\s*[a-z]\s*(?:,\s*[a-z]\s*)*\)?\s*\\sim\s*)?"
                            r"\\hat\s*\{?\s*p\s*\}?\s*_\{?\s*(?:data|\\text\{data\}|\\mathrm\{data\})"
                            r"\s*\}?\s*")


# a function applied to arguments: q_{\phi}(, \hat{p}_{data}(, \mathcal{L}(, f(
_APPLIED = re.compile(r"(\\hat\s*\{?\s*[A-Za-z]\s*\}?|\\mathcal\{[A-Z]\}|[A-Za-z])"
                      r"(?:_\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|_\\?[A-Za-z0-9]+)?\s*\(")
# \mathbb{E}_{q}[…], E_{x \sim p}[…], \Pr[…]: an expectation or probability not read
_EXPECTED = re.compile(r"(\\mathbb\s*\{?E\}?|E|\\Pr|\\mathbb\{P\})"
                       r"(?:_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?[A-Za-z0-9]+))?\s*[\[(]")
# \mathcal{L}(\theta; X), E_{n}(w): a function named by a script letter or a subscripted capital
_OPAQUE_HEAD = re.compile(r"\\mathcal\{[A-Z]\}(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*\(|"
                          r"[A-OS-Z](?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)\s*\(")
_VECTOR = r"\\?[A-Za-z]+(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?(?:\^\{\s*\([a-z]\)\s*\})?"
_DOT_PRODUCT = re.compile(_VECTOR + r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T(?![A-Za-z])|"
                          r"\\top(?![A-Za-z]))\s*" + _VECTOR)
# \frac{\partial L}{\partial z_j}, \frac{dJ}{dw}: the derivative of a name the text defines
_NAMED_DERIVATIVE = re.compile(r"\\frac\{\s*(\\partial|d)\s*(\\?[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\}"
                               r"\{\s*(?:\\partial|d)\s*([A-Za-z](?:_\{?[A-Za-z0-9]\}?)?)\s*\}")
_DERIVATIVE = re.compile(r"\\frac\{\s*(?:\\partial|d)\s*\}\{\s*(?:\\partial|d)\s*"
                         r"([A-Za-z](?:_\{?[A-Za-z0-9]\}?)?)\s*\}")


def _plain(name: str) -> str:
    """A symbol's name without braces or backslashes: ``z_{i}`` and ``z_i`` are one symbol."""
    return re.sub(r"[{}\\\s]", "", name)


def _mentions(symbol, name: str) -> bool:
    """Does ``symbol`` (``x_i``, ``x_{i}``, or an opaque ``⟨p(y_i | x_i)⟩``) use ``name``?"""
    text = getattr(symbol, "name", "")
    if text == name or re.search(r"_\{?" + re.escape(name) + r"\}?$", text):
        return True
    return text.startswith("⟨") and re.search(
        r"(?<![A-Za-z\\])" + re.escape(name.lstrip("\\")) + r"(?![A-Za-z])", text) is not None


def _check_opaque(expr) -> None:
    """An opaque quantity inside a sum, product, integral, derivative or argmin must not use
    the variable that construct binds: as a constant it would make false relations hold."""
    for e in expr.atoms(sp.Sum, sp.Product, sp.Derivative, sp.Integral, mo.ArgMin):
        bound = [v.name for v in e.variables] if hasattr(e, "variables") else ["theta"]
        bound += [re.sub(r"_.*$", "", b) for b in bound]   # d/dw_j also moves w
        labels = {b.label for b in e.atoms(sp.IndexedBase)}
        for s in e.free_symbols - labels:
            if isinstance(s, sp.Symbol) and s.name.startswith("⟨") and \
                    any(_mentions(s, b) for b in bound):
                raise UnknownNotation(f"cannot read {s.name[1:-1]} where it depends on a "
                                      "summed, integrated, differentiated or optimised variable")


def _term_end(t: str, j: int) -> int:
    """Index of the first top-level ``+`` or ``-`` after ``j`` (or the end)."""
    return next((i for i in top_level(t, j) if t[i] in "+-" and t[j:i].strip()), len(t))


class Reader:
    """Reads sides of relations in one document, keeping its bindings."""

    def __init__(self, semantics: se.Semantics | None = None):
        self.sem = semantics or se.Semantics()
        self.placeholders: dict = {}
        self.placeholder = PLACEHOLDERS[0]
        self.joint_used = False
        self.families: dict = {}
        self.doubts: list = []   # readings that are guesses: a failure is not the author's

    def start_chain(self) -> None:
        """Forget what the previous chain read jointly or as families."""
        self.joint_used = False
        self.families = {}
        self.doubts = []

    # --- entry point ------------------------------------------------------------
    def read_side(self, text: str, offset: int = 0, depth: int = 0) -> sp.Expr:
        """The SymPy expression of one side (no relation symbols in it)."""
        if depth > MAX_DEPTH:
            raise LatexSyntaxError("expression too deeply nested", offset)
        if len(text) > MAX_LENGTH:
            raise UnknownNotation(f"expression longer than {MAX_LENGTH} characters", offset)
        check_balanced(text, offset)
        if depth == 0:
            self._scope_placeholders(text, offset)
        t = clean(text)
        t = re.sub(r"[.,;]\s*$", "", t).strip()
        t = re.sub(r"^\^\s*\{[^{}]*\}", "", t).strip()   # = ^{(a)} …: a note on the relation
        if not t:
            raise LatexSyntaxError("empty expression", offset)
        t = log_to_base(t, self.sem.log_base)
        t = _UNDERSET.sub(lambda u: f"{u.group(2)}_{{{u.group(1)}}}", t)
        opt = _ARGOPT.match(t)
        if opt:
            return self._argopt(t, opt, offset, depth)
        t = self._rewrite(t, offset, depth)
        reject_unknown(t, offset)
        self.doubts += log_scope_doubts(t)
        raw = _convert(t, offset)
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
        self.placeholders = {}

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
                text, i = hit
                out.append(text)
                continue
            out.append(t[i])
            i += 1
        return "".join(out)

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
        shown = re.sub(r"\s+", " ", text.strip())
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
        # decimals and percentages
        m = re.match(r"(\d+\.\d+|\d+)\s*\\%|\d+\.\d+", t[i:])
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
        m = _OPAQUE_HEAD.match(t, i) or (not t.startswith("\\mathbb", i) and _EXPECTED.match(t, i))
        if m and not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")) and \
                t[i:m.end() - 1].strip() not in self.sem.functions:
            hit = self._opaque_application(t, i)
            if hit is not None:
                return hit
        m = _DOT_PRODUCT.match(t, i)
        if m and not (i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\")):
            # θ^T x, w^{\top} x_i: a dot product of vectors the text does not spell out
            return self._hold(self.opaque(m.group(0), "")), m.end()
        if t.startswith("\\mathbb{E}", i) or t.startswith("\\mathbb E", i):
            return self._expectation(t, i, offset, depth)
        if t.startswith("\\sum", i) and not t[i + 4:i + 5].isalpha():
            return self._sum(t, i)
        m = _DERIVATIVE.match(t, i)
        if m:
            return self._derivative(t, m, offset, depth)
        m = _NAMED_DERIVATIVE.match(t, i)
        if m:
            return self._named_derivative(t, m, offset, depth)
        found = self._word_at(t, i)
        if not found:
            return None
        word, j = found
        k = j
        while k < len(t) and t[k] == " ":
            k += 1
        opens = k < len(t) and (t[k] == "(" or t[k] == "[" and word in ("\\KL", "H", "\\CE"))
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

    def _application(self, word, inner, pos, depth, t, end):
        sub = lambda s, p=pos: self.read_side(s, p, depth + 1)  # noqa: E731
        if word in ("\\sigma", "\\sigmoid"):
            return qu.Sigmoid(sub(inner)), end
        if word == "\\logit":
            return qu.Logit(sub(inner)), end
        if word == "\\odds":
            return qu.Odds(sub(inner)), end
        if word == "\\softmax":
            m = re.match(r"\s*_\{?\s*([a-z])\s*\}?", t[end:])
            arg = inner.strip()
            fam = re.fullmatch(r"([a-z])_\{?([a-z])\}?", arg)
            if m and re.fullmatch(r"[a-z]", arg):
                return qu.Softmax(ob.logits(arg, se.K), ob.index(m.group(1))), end + m.end()
            if fam:
                return qu.Softmax(ob.logits(fam.group(1), se.K), ob.index(fam.group(2))), end
            raise UnknownNotation(f"softmax of {arg!r}: write softmax(z)_i or softmax(z_i)", pos)
        if word in self.sem.functions:
            lam = self.sem.functions[word]
            args = [sub(a) for a in split_top(inner, ",")]
            if len(args) != len(lam.variables):
                raise UnknownNotation(f"{word} takes {len(lam.variables)} arguments", pos)
            return lam(*args), end
        if word in ("H", "\\CE", "\\KL", "I"):
            value = self._measure(word, inner, pos)
            base = self.sem.log_base    # "logs are base 2": the measures are in bits too
            return (value / sp.log(base) if base else value), end
        return self._probability(word, inner, pos, depth), end

    def _object(self, name: str, pos: int):
        """A pmf for a pmf letter or a random variable."""
        name = name.strip()
        var = se.variable_letter(name.upper() if name in ("x", "y") else name)  # H(x): H(X)
        if var:
            return self.sem.pmf_of_variable(var), var
        if name in se.PMF_LETTERS:
            return se.pmf_object(name), None
        hat = re.fullmatch(r"\\hat\{?\s*([pq])\s*\}?(?:_\{?\w+\}?)?", name)
        if hat or re.fullmatch(r"[pq]_\{?\w+\}?", name):
            return se.pmf_object(name.replace("\\", "").replace("{", "").replace("}", "")), None
        raise UnknownNotation(f"{name!r} is neither a pmf nor a random variable", pos)

    def _measure(self, word, inner, pos):
        model = self._model_measure(word, inner, pos)
        if model is not None:
            return model
        if word == "I":
            parts = split_top(inner, ";")
            if len(parts) == 2 and all(se.variable_letter(p) for p in parts):
                self.joint_used = True
                return qu.MutualInformation(se.JOINT)
            raise UnknownNotation(f"I({inner}) is not I(X;Y)", pos)
        if word == "\\KL":
            parts = split_top(inner, "‖")
            if len(parts) != 2:
                parts = split_top(inner, ",")
            if len(parts) != 2:
                raise UnknownNotation(f"KL needs two arguments: {inner!r}", pos)
            return qu.KLDivergence(self._object(parts[0], pos)[0], self._object(parts[1], pos)[0])
        cond = split_top(inner, "|")
        if word == "H" and len(cond) == 2:
            a, b = (se.variable_letter(c) for c in cond)
            if a and b and a != b:
                self.joint_used = True
                return (qu.ConditionalEntropyYX(se.JOINT) if (a, b) == ("Y", "X")
                        else qu.ConditionalEntropyXY(se.JOINT))
            raise UnknownNotation(f"H({inner}) is not a conditional entropy of X and Y", pos)
        parts = split_top(inner, ",")
        given = re.fullmatch(r"\s*[PpQq]\s*\(\s*([XY])\s*\|\s*([XY])\s*=\s*([a-z])\s*\)\s*", inner)
        if word == "H" and given and given.group(1) != given.group(2):
            # H(P(Y|X=x)): the entropy of the conditional distribution of Y given X = x
            self.joint_used = True
            x, u, v = ob.index(given.group(3)), sp.Dummy("u", integer=True), sp.Dummy("v", integer=True)
            if given.group(1) == "Y":
                cond = se.JOINT[x, u] / sp.Sum(se.JOINT[x, v], (v, 1, se.K))
            else:
                cond = se.JOINT[u, x] / sp.Sum(se.JOINT[v, x], (v, 1, se.K))
            return -sp.Sum(cond * sp.log(cond), (u, 1, se.K))
        vector = self._probability_vector(parts, pos) if word == "H" and len(parts) > 1 else None
        if vector is not None:   # H(1/2, 1/4, 1/8, 1/8): the entropy of the given pmf
            return -sp.Add(*[v * sp.log(v.definition() if isinstance(v, qu.StatedDecimal)
                                        else v) for v in vector])
        if word == "H" and len(parts) == 1:
            return qu.Entropy(self._object(parts[0], pos)[0])
        if len(parts) == 2:
            (p, vp), (q, vq) = self._object(parts[0], pos), self._object(parts[1], pos)
            if word == "H" and vp and vq and vp != vq:
                self.joint_used = True
                return qu.JointEntropy(se.JOINT)
            return qu.CrossEntropy(p, q)
        raise UnknownNotation(f"cannot read {word.lstrip(chr(92))}({inner})", pos)

    def _probability_vector(self, parts, pos):
        """The probabilities of ``H(1/2, 1/4, …)``, or None when the parts are not numbers
        that sum to 1 (``H(p, q)`` is a cross-entropy)."""
        if any(re.search(r"[A-Za-z]", re.sub(r"\\[dt]?frac", "", part)) for part in parts):
            return None
        values = [self.read_side(part, pos, 1) for part in parts]
        exact = [v.definition() if isinstance(v, qu.StatedDecimal) else v for v in values]
        if not all(isinstance(v, sp.Rational) and 0 < v <= 1 for v in exact) or sum(exact) != 1:
            raise UnknownNotation(f"H({', '.join(p.strip() for p in parts)}): the numbers are "
                                  "not a pmf", pos)
        return values

    def _index(self, text: str, pos: int):
        s = text.strip()
        if re.fullmatch(r"\d+", s):
            return sp.Integer(int(s))
        m = re.fullmatch(r"([a-z])(?:_\{?(\w+)\}?)?", s)
        if m and not m.group(2):
            return ob.index(m.group(1))
        raise UnknownNotation(f"cannot read {s!r} as an outcome of a pmf", pos)

    def _probability(self, word, inner, pos, depth):
        if word not in se.PMF_LETTERS:
            return None
        if re.search(r"\\theta|\\cap|\\cup|;", inner):
            raise UnknownNotation(f"cannot read the probability {word}({inner})", pos)
        cond = split_top(inner, "|")
        if len(cond) == 2:
            y, x = (self._index(c, pos) for c in cond)
            self.joint_used = True
            u = sp.Dummy("u", integer=True)
            if str(cond[0]).strip().startswith("x"):
                return se.JOINT[y, x] / sp.Sum(se.JOINT[u, x], (u, 1, se.K))
            return se.JOINT[x, y] / sp.Sum(se.JOINT[x, u], (u, 1, se.K))
        args = split_top(inner, ",")
        if len(args) == 2:
            self.joint_used = True
            return se.JOINT[self._index(args[0], pos), self._index(args[1], pos)]
        if len(args) != 1:
            return None
        event = split_top(inner, "=")
        if len(event) == 2:
            left, right = event
            lv, rv = se.variable_letter(left), se.variable_letter(right)
            if lv and rv:
                return qu.AgreementProbability(self.sem.pmf_of_variable(lv),
                                               self.sem.pmf_of_variable(rv))
            if lv:
                return self.sem.pmf_of_variable(lv)[self._index(right, pos)]
            raise UnknownNotation(f"cannot read the event {inner!r}", pos)
        arg = inner.strip()
        outcome = re.fullmatch(r"x_\{?([a-z]|\d+)\}?", arg)
        if outcome and word in se.PMF_LETTERS:   # p(x_j): the pmf at its j-th outcome
            arg = outcome.group(1)
        if not re.fullmatch(r"[a-z]|\d+", arg):
            if re.fullmatch(r"[A-Z]|\\mathbf\{[A-Z]\}", arg):
                raise UnknownNotation(f"cannot read {word}({arg})", pos)
            return None  # p(1 - p): a product, not a pmf value
        obj = se.pmf_object(word)
        if word in ("p", "P") and arg == "y":
            obj = self.sem.pmf_of_variable("Y")
        elif word in ("p", "P") and arg == "x":
            obj = self.sem.pmf_of_variable("X")
        return obj[self._index(arg, pos)]

    def _sum(self, t: str, i: int):
        j = i + 4
        while j < len(t) and t[j] == " ":
            j += 1
        if j >= len(t) or t[j] != "_":
            return None
        sub, after = read_group(t, j + 1)
        if "=" in sub:
            return None
        sub = re.sub(r"\\in\b.*$", "", sub).strip().strip("()")
        names = [s.strip() for s in sub.split(",")]
        if not all(re.fullmatch(r"[a-z]", n) for n in names):
            return None
        upper = "K"
        k = after
        while k < len(t) and t[k] == " ":
            k += 1
        if len(names) == 1 and k < len(t) and t[k] == "^":   # \sum_j^n: from 1 to n
            upper, after = read_group(t, k + 1)
        return "".join(f"\\sum_{{{n}=1}}^{{{upper}}}" for n in names) + " ", after

    def _derivative(self, t, m, offset, depth):
        """``\\frac{d}{dz} f``, ``\\frac{\\partial}{\\partial z_k} f``: f runs to the next + or -."""
        j = m.end()
        while j < len(t) and t[j] == " ":
            j += 1
        end = _term_end(t, j)
        if not t[j:end].strip():
            raise UnknownNotation("a derivative of nothing", offset + m.start())
        inner = self.read_side(t[j:end], offset + j, depth + 1)
        name = m.group(1).replace("{", "").replace("}", "")
        base, _, sub = name.partition("_")
        if sub and base in self.families and not sub.isdigit():
            var = self.families[base][ob.index(sub)]
        elif sub and base in self.families:
            var = self.families[base][int(sub)]
        else:
            var = sp.Symbol(name if not sub else f"{base}_{{{sub}}}", real=True)
            # the same scalar as the reader makes of the operand's symbols: z_i is z_{i}
            var = next((s for s in inner.free_symbols if _plain(getattr(s, "name", "")) ==
                        _plain(var.name)), var)
        if sub and sub.isalpha() and any(
                re.fullmatch(re.escape(base) + r"_\{?(?!" + re.escape(sub) + r"\b)[a-z]\}?",
                             getattr(s, "name", "")) for s in inner.free_symbols):
            self.doubts.append(f"the derivative in {base}_{sub} of an expression in another "
                               f"{base}_·: the result depends on whether the indices are equal "
                               "(a case the text may state in words)")
        return self._hold(sp.Derivative(inner, var)), end

    def _named_derivative(self, t, m, offset, depth):
        """``\\frac{\\partial L}{\\partial z_j}``: the derivative of what the text set L to;
        of a name it did not define, an opaque quantity (never refuted)."""
        name = m.group(2).replace("{", "").replace("}", "").lstrip("\\")
        value = self.sem.bindings.get(name)
        if value is None and name in self.sem.functions:
            lam = self.sem.functions[name]
            value = lam(*lam.variables)
        if value is None:
            return self._hold(self.opaque(m.group(0), "")), m.end()
        var = m.group(3).replace("{", "").replace("}", "")
        base, _, sub = var.partition("_")
        target = next((s for s in value.free_symbols if _plain(getattr(s, "name", "")) ==
                       _plain(var)), sp.Symbol(var, real=True))
        return self._hold(sp.Derivative(value, target)), m.end()

    def _expectation(self, t, i, offset, depth):
        j = i + len("\\mathbb{E}") if t.startswith("\\mathbb{E}", i) else i + len("\\mathbb E")
        sub = None
        if j < len(t) and t[j] == "_":
            sub, j = read_group(t, j + 1)
        else:   # \mathbb{E}P \log …: the pmf written right after E
            m = re.match(r"\s*([PQpq])(?=[\s\\])", t[j:])
            if m:
                sub, j = m.group(1), j + m.end()
        while j < len(t) and t[j] == " ":
            j += 1
        if j < len(t) and t[j] in "[(":
            close = matching(t, j)
            body, body_at, after = t[j + 1:close], j + 1, close + 1
        elif j < len(t) and sub:
            # E_X \log P(X): the argument runs to the next top-level + or - (or the end)
            end = _term_end(t, j)
            body, body_at, after = t[j:end], j, end
        else:
            raise UnknownNotation("an expectation needs its argument", offset + i)
        if sub and _EMPIRICAL_SUB.fullmatch(sub):
            return self._empirical_expectation(body, offset + body_at, depth, after)
        var, pmf_name, rv = "x", "p", None
        if sub:
            m = re.fullmatch(r"\s*([a-z])\s*\\sim\s*([A-Za-z])(?:\s*\(\s*(?:[a-z]|[XYZ]|"
                             r"\\mathbf\{[XYZ]\})\s*\))?\s*", sub)
            m2 = re.fullmatch(r"\s*([A-Za-z])\s*", sub)
            m3 = re.fullmatch(r"\s*(?:\\mathbf\{([XYZ])\}|([XYZ])|[PpQq]\s*\(\s*([XYZ])\s*\))\s*", sub)
            if m:
                var, pmf_name = m.group(1), m.group(2)
            elif m3:
                rv = m3.group(1) or m3.group(2) or m3.group(3)
                var, pmf_name = rv.lower(), self.sem.pmf_of_variable(rv).label.name
            elif m2 and m2.group(1) in se.PMF_LETTERS:
                pmf_name = m2.group(1)
                found = re.search(r"\(\s*([a-z])\s*\)", body)
                var = found.group(1) if found else "x"
            else:
                raise UnknownNotation(f"cannot read the expectation subscript {sub!r}", offset + i)
        else:
            raise UnknownNotation("an expectation needs its distribution: E_{x~p}[…]", offset + i)
        # inside E over x: the random variable X stands for its value x, and a bare
        # pmf letter under a log (E_p[-\log q]) for its value q(x)
        body = re.sub(r"\(\s*(?:\\mathbf\{[XYZ]\}|[XYZ])\s*\)", f"({var})", body)
        if rv:   # H(P(Y|X)) inside E over X: the conditional given X = x
            body = re.sub(r"\|\s*" + rv + r"\s*\)", f"|{rv}={var})", body)
        body = re.sub(r"(\\log|\\ln)(\s*_\{?\w+\}?)?\s*\{?\s*([pqPQ])\s*\}?(?![\w({])",
                      lambda g: f"{g.group(1)}{g.group(2) or ''} {g.group(3)}({var})", body)
        obj = se.pmf_object(pmf_name)
        if pmf_name in ("p", "P"):
            obj = self.sem.pmf_of_variable("X")
        k = ob.index(var)
        inner = self.read_side(body, offset + body_at, depth + 1)
        inner = inner.xreplace({s: k for s in inner.free_symbols
                                if isinstance(s, sp.Symbol) and s.name == var})
        return self._hold(sp.Sum(obj[k] * inner, (k, 1, se.K))), after

    # --- models with parameters θ (see symbolic.latex_in.models) ---------------------
    def symbol_name(self, text: str) -> str | None:
        """The name the parser gives the symbol written ``text`` (None if not one symbol)."""
        try:
            raw = _convert(clean(text), 0)
        except LatexSyntaxError:
            return None
        return raw.name if isinstance(raw, sp.Symbol) else None

    def _argopt(self, t, m, offset, depth):
        """``\\arg\\min_\\theta A`` (the rest of the side is A); argmax A is argmin −A."""
        var = (m.group(4) or m.group(5) or "").strip()
        if var not in ("\\theta", "{\\theta}"):
            raise UnknownNotation(f"argmin over {var!r}: only the model parameters θ are read",
                                  offset)
        body = t[m.end():]
        if not body.strip():
            raise UnknownNotation("argmin of nothing", offset)
        inner = self.read_side(body, offset + m.end(), depth + 1)
        return mo.ArgMin(inner if (m.group(1) or m.group(2) or m.group(3)) == "min" else -inner)

    def _conditional(self, t, m, offset):
        """A model ``p_{model}(y_i | x_i, θ)`` or the empirical ``\\hat{p}_{data}(y_i | x_i)``."""
        open_at = m.end() - 1
        close = matching(t, open_at)
        inner = t[open_at + 1:close]
        pos = offset + open_at + 1
        named = mo.conditional_name(m.group(1), m.group(2) or m.group(3))
        theta = re.search(r"\\theta(?![A-Za-z])", inner)
        if named is None and not theta:
            return None
        letter = re.sub(r"[^A-Za-z]", "", m.group(1).replace("\\hat", "")).lower()
        name, empirical = named or (f"{letter}_model", False)
        if empirical and theta:
            raise UnknownNotation(f"the empirical distribution does not depend on θ: {inner!r}", pos)
        symbol = mo.model_symbol(name)
        i = ob.index("i")
        if _DATA_SET.fullmatch(inner) and not empirical:
            # the likelihood of the data set: Π_i p_model(y_i | x_i, θ)
            return self._hold(mo.Likelihood(symbol)), close + 1
        parts = split_top(inner, "|")
        if len(parts) == 1 or len(parts) == 2 and re.fullmatch(r"\s*\\theta\s*", parts[1]):
            # an unconditional model p_{model}(x_i; θ), p(x^{(i)} | θ), or \hat{p}_{data}(x_i)
            point = _DATA_POINT.fullmatch(re.sub(r"[,;:]\s*\\theta\s*$", "", parts[0]))
            xi = (point.group(2) or point.group(3)) if point else None
            if point and point.group(1) == "x" and (xi or empirical or theta):
                return self._hold(mo.Marginal(symbol, ob.index(xi) if xi else i)), close + 1
        if len(parts) == 2:
            given = re.sub(r"[,;:]\s*\\theta\s*$", "", parts[1])
            y, x = _DATA_POINT.fullmatch(parts[0]), _DATA_POINT.fullmatch(given)
            yi, xi = (y.group(2) or y.group(3)) if y else None, (x.group(2) or x.group(3)) if x else None
            if y and x and y.group(1) == "y" and x.group(1) == "x" and yi == xi:
                k = ob.index(yi) if yi else i
                return self._hold(mo.Conditional(symbol, k)), close + 1
        raise UnknownNotation(f"cannot read {m.group(0)}{inner}) as a conditional model "
                              "p(y_i | x_i, θ) of a data point", pos)

    def _model_measure(self, word, inner, pos):
        """H(\\hat p_data, p_model), D_KL(\\hat p_data ‖ p_model): averaged over the data."""
        if word not in ("H", "\\CE", "\\KL"):
            return None
        parts = split_top(inner, "‖") if word == "\\KL" else []
        if len(parts) != 2:
            parts = split_top(inner, ",")
        if len(parts) != 2:
            return None
        names = []
        for part in parts:
            m = re.fullmatch(r"\s*" + _COND.pattern[:-2] + r"\s*", part)
            names.append(mo.conditional_name(m.group(1), m.group(2) or m.group(3)) if m else None)
        if names == [None, None]:
            return None
        if not (names[0] and names[0][1] and names[1] and not names[1][1]):
            raise UnknownNotation(f"{word.lstrip(chr(92))}({inner.strip()}): of a model only "
                                  "H(\\hat{p}_{data}, p_{model}) and D_{KL}(\\hat{p}_{data} ‖ "
                                  "p_{model}) are read", pos)
        model = mo.model_symbol(names[1][0])
        return mo.ModelKL(model) if word == "\\KL" else mo.ModelCrossEntropy(model)

    def _empirical_expectation(self, body, at, depth, after):
        """``\\mathbb{E}_{x,y \\sim \\hat{p}_{data}} f(x_i, y_i)`` = (1/N) Σ_i f(x_i, y_i)."""
        inner = self.read_side(body, at, depth + 1)
        i = ob.index("i")
        inner = inner.replace(lambda e: isinstance(e, mo.POINT_KINDS) and e.args[1].is_Symbol,
                              lambda e: type(e)(e.args[0], i))
        return self._hold(sp.Sum(inner, (i, 1, mo.DATA_SIZE)) / mo.DATA_SIZE), after

    # --- meaning pass -----------------------------------------------------------
    def _meaning(self, raw, offset):
        expr = raw
        if not isinstance(expr, sp.Basic) or isinstance(expr, (sp.logic.boolalg.Boolean,)) \
                and not isinstance(expr, sp.Expr):
            raise UnknownNotation(f"not an expression: {type(raw).__name__}", offset)
        if isinstance(expr, (sp.Tuple, sp.Set)) or not isinstance(expr, sp.Expr):
            raise UnknownNotation(f"not an expression: {expr}", offset)
        hold = {}
        for s in expr.free_symbols | set().union(*(lim.free_symbols for lim in expr.atoms(sp.Tuple))):
            m = re.fullmatch(self.placeholder + r"_\{?(\d+)\}?", getattr(s, "name", ""))
            if m and int(m.group(1)) in self.placeholders:
                hold[s] = self.placeholders[int(m.group(1))]
        expr = expr.xreplace(hold)
        expr = expr.replace(lambda e: isinstance(e, sp.log) and len(e.args) == 2,
                            lambda e: sp.log(e.args[0]) if e.args[1] == sp.E
                            else sp.log(e.args[0]) / sp.log(e.args[1]))
        expr = expr.replace(lambda e: isinstance(e, sp.Float),
                            lambda e: qu.StatedDecimal.from_text(str(e)))
        expr = self._undefined_functions(expr)
        expr = self._families(expr)
        expr = self._scalars(expr)
        return expr

    def _undefined_functions(self, expr):
        """``f(x)`` for an f the text does not define: an opaque quantity (never refuted)."""
        undefined = {f for f in expr.atoms(AppliedUndef)
                     if not (str(f.func) in self.sem.convex and len(f.args) == 1)}
        if not undefined or expr.atoms(sp.Integral):
            return expr
        return expr.xreplace({f: self.opaque(sp.sstr(f), str(f.func)) for f in undefined})

    def _family_object(self, base: str, size):
        name = base.replace("hat{", "hat").replace("}", "").replace("\\", "")
        over_classes = size == se.K or (size.is_Integer and size <= 16)
        if base in se.PMF_LETTERS:
            return se.pmf_object(base) if size == se.K else ob.pmf(name, size)
        if base == "y":
            return ob.one_hot("y", size) if over_classes else ob.binary_labels("y", size)
        if base.startswith("hat{") or base.startswith("\\hat{"):
            return ob.pmf(name, size) if over_classes else ob.probabilities(name, size)
        return ob.logits(name, size) if over_classes else ob.reals(name, size)

    def _size(self, hi):
        names = {s.name for s in hi.free_symbols}
        if names & se.SUPPORT_NAMES:
            return hi.xreplace({s: se.K for s in hi.free_symbols if s.name in se.SUPPORT_NAMES})
        if hi.is_Symbol:
            return ob.support_size(hi.name)
        if hi.is_Integer and 1 <= hi <= 64:
            return hi
        raise UnknownNotation(f"cannot read {hi} as the size of a support")

    def _families(self, expr):
        """Bound indices become integers; x_i under Σ_i becomes an indexed family."""
        families = self.families

        def split(sym):
            m = re.fullmatch(r"(.+?)_\{?([A-Za-z]|\d+)\}?", sym.name)
            return (m.group(1), m.group(2)) if m else (None, None)

        def visit(e):
            if isinstance(e, (sp.Sum, sp.Product)):
                body, limits = e.function, []
                for lim in e.limits:
                    if len(lim) != 3:
                        raise UnknownNotation(f"a sum or product without bounds: {e}")
                    v, lo, hi = lim
                    k = ob.index(v.name)
                    if not (lo.is_Integer and lo == 1 or lo == 0 and False):
                        if not lo.is_Integer:
                            raise UnknownNotation(f"cannot read the bounds of {e}")
                    if lo != 1 and lo != 0:
                        raise UnknownNotation(f"sums must start at 1 (or 0): {e}")
                    size = self._size(hi)
                    if not any(_mentions(s, v.name) for s in body.free_symbols):
                        self.doubts.append(f"the sum over {v.name} has no {v.name} in its body "
                                           "(a misprinted index?)")
                    body = body.xreplace({s: k for s in body.free_symbols
                                          if isinstance(s, sp.Symbol) and s.name == v.name})
                    for s in list(body.free_symbols):
                        if isinstance(s, sp.Symbol) and s.name.startswith("⟨"):
                            if _mentions(s, v.name):   # p(y_i | x_i): a family over i
                                kind = ob.positive_reals if s.is_positive else ob.reals
                                fam = families.setdefault(s.name, kind(s.name, size))
                                body = body.xreplace({s: fam[k]})
                        elif isinstance(s, sp.Symbol):
                            b, sub = split(s)
                            if b and sub == v.name:
                                fam = families.setdefault(b, self._family_object(b, size))
                                body = body.xreplace({s: fam[k]})
                    if size != se.K and hi.is_Symbol and any(
                            isinstance(ix.base, ob.Pmf) and ix.base.shape == (se.K,)
                            and k in ix.indices for ix in body.atoms(sp.Indexed)):
                        # \sum_{j=1}^m p(x_j): a sum over a pmf's outcomes runs over its support
                        size, aliases[hi] = se.K, se.K
                    limits.append((k, lo, size if lo == 1 else size - 1))
                body = visit(body)
                return type(e)(body, *limits)
            if e.args:
                return e.func(*[visit(a) for a in e.args]) if not isinstance(e, sp.Indexed) else e
            return e

        aliases = {}
        if expr.atoms(sp.Sum, sp.Product):
            expr = visit(expr)
            expr = expr.xreplace(aliases) if aliases else expr
        # the same family outside any sum: x_i with a free index i
        repl = {}
        for s in expr.free_symbols:
            if isinstance(s, sp.Symbol):
                b, sub = split(s)
                if b in families and sub.isalpha():
                    repl[s] = families[b][ob.index(sub)]
        return expr.xreplace(repl) if repl else expr

    def _scalars(self, expr):
        repl = {}
        labels = {b.label for b in expr.atoms(sp.IndexedBase)}
        symbols = set(expr.free_symbols)
        for d in expr.atoms(sp.Derivative):
            symbols |= {v for v, _ in d.variable_count}
        for s in symbols:
            if not isinstance(s, sp.Symbol) or s.is_integer or s in labels or \
                    s.name.startswith("⟨"):
                continue
            if s.name in se.SUPPORT_NAMES:
                repl[s] = se.K
            elif s.name in self.sem.bindings:
                repl[s] = self.sem.bindings[s.name]
            elif s.name == "theta":
                raise UnknownNotation("the model parameters θ have no value here")
            elif re.fullmatch(r"(?:\\?hat\{)?\w+\}?(?:_\{?\w+\}?)?", s.name) is None:
                raise UnknownNotation(f"cannot read the symbol {s.name!r}")
            else:
                repl[s] = sp.Symbol(s.name.replace("\\", ""), real=True)
        if repl:
            expr = expr.replace(lambda e: isinstance(e, sp.Derivative),
                                lambda e: sp.Derivative(e.expr.xreplace(repl),
                                                        *[(repl.get(v, v), n)
                                                          for v, n in e.variable_count]))
            expr = expr.xreplace(repl)
        undefined = {f for f in expr.atoms(AppliedUndef)
                     if not (str(f.func) in self.sem.convex and len(f.args) == 1)}
        if undefined and expr.atoms(sp.Integral):
            f = sorted(undefined, key=str)[0]
            raise UnknownNotation(f"the function {f.func} is not defined")
        _check_opaque(expr)
        return expr
