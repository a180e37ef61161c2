"""Information measures and probabilities: H(·), H(·,·), D(·‖·), I(X;Y), p(x), P(X = x), P(y|x).

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``,
``read_side``, ``_hold``, ``opaque``, ``doubts``, ``chain_bases``, ``chain_text``, ``side_text``
and ``unit_matters``).
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.latex_in import semantics as se
from symbolic.latex_in import several_variables as sv
from symbolic.latex_in.errors import UnknownNotation
from symbolic.latex_in.pmf_arguments import (JOINT_NAMED, kl_as_sum, pointwise_outcomes, q_apart,
                                             INDEXED_PAIR)
from symbolic.latex_in.reader_patterns import _MEASURE_EXPONENT, _NUMBER_SIDE, SUM_INDEX
from symbolic.latex_in.reader_probabilities import ProbabilityNotation
from symbolic.latex_in.scan import split_top


# odds or logit of a (binary) random variable, maybe given another: odds(Y), odds(Y \mid X = 1)
_OF_VARIABLE = re.compile(r"\s*([XYZ])\s*(?:(?:\\mid|\\vert|\|)\s*([XYZ]\s*=\s*\w+)\s*)?")


_DISTRIBUTION_NAME = re.compile(r"\s*\\?[A-Za-z]+(?:_\{?\\?[A-Za-z0-9]+\}?)?\s*")
_NOT_X_AND_Y = ("{} is not a measure of the one pair X, Y: variables such as Z or draws X_1, "
                "X_2 have no joint distribution in this reading")


def _of_x_and_y(parts) -> bool:
    r"""Are ``parts`` the random variables X and Y, one each (not Z, not draws X_1, X_2)?
    The i-th pair X_i, Y_i is a pair too.

    >>> _of_x_and_y(["X", " Y"]), _of_x_and_y(["Y", r"\mathbf{X}"]), _of_x_and_y(["X_1", "X_2"])
    (True, True, False)
    >>> _of_x_and_y(["X_{i}", "Y_{i}"]), _of_x_and_y(["X_1", "Y_2"])
    (True, False)
    """
    plain = [re.fullmatch(r"\s*(?:\\mathbf\{|\\boldsymbol\{)?([XY])\}?\s*(_\{?\s*\w+\s*\}?)?\s*",
                          p) for p in parts]
    return len(parts) == 2 and all(plain) and {m.group(1) for m in plain} == {"X", "Y"} and \
        len({re.sub(r"[{}\s]", "", m.group(2) or "") for m in plain}) == 1


_FAMILY = re.compile(r"\s*(\\hat\s*\{\s*[a-z]\s*\}|[a-z])\s*")
_BOUND = re.compile(r"\\sum\s*_\s*\{\s*[a-z]\s*=\s*1\s*\}\s*\^\s*(\{[^{}]*\}|\w)")


def family_measure(word: str, inner: str, chain: str) -> str | None:
    r"""``H(y, s)`` of two vectors whose entries the relation takes the log of (``\log s_i``):
    the cross-entropy over their entries, written out; ``H(y)`` the entropy, ``KL(y ‖ s)`` the
    divergence.  None when an argument is a pmf letter or a random variable, or when no
    entry of the last one is under a log in ``chain`` (H(x) beside P(x_i) is the entropy of X).

    >>> family_measure("H", "y, s", r"H(y, s) = -\sum_{i=1}^{n} y_i \log s_i")
    '\\left(-\\sum_{k=1}^{n} y_{k} \\ln s_{k}\\right)'
    >>> family_measure("H", "x", r"H(x) = -\sum_i P(x_i) \log P(x_i)") is None
    True
    """
    parts = [m.group(1) if m else None for m in
             (_FAMILY.fullmatch(a) for a in re.split(r"‖|,", inner))]
    if word not in ("H", "\\CE", "\\KL") or not 1 <= len(parts) <= 2 or None in parts or \
            {"p", "q", "r"} & set(parts) or word == "\\KL" and len(parts) != 2:
        return None
    a, b = parts[0], parts[-1]
    if not re.search(r"\\(?:log|ln)\s*(?:_\s*\{?\w+\}?)?\s*\{?\s*\(?\s*" + re.escape(b) + r"\s*_", chain):
        return None
    k = next(c for c in "kjlmnt" if not re.search(rf"(?<![A-Za-z\\]){c}(?![A-Za-z])", chain))
    bound = _BOUND.search(chain)
    over = f"\\sum_{{{k}=1}}^{{{bound.group(1).strip('{}')}}}" if bound else f"\\sum_{{{k}}}"
    if word == "\\KL":
        return f"\\left({over} {a}_{{{k}}} \\ln \\frac{{{a}_{{{k}}}}}{{{b}_{{{k}}}}}\\right)"
    return f"\\left(-{over} {a}_{{{k}}} \\ln {b}_{{{k}}}\\right)"


class MeasureNotation(ProbabilityNotation):
    def measure_base(self, word: str):
        """The base of the logs in H, D, I and CE here: the document's, else the one base
        every log of the chain writes (``H(X) = -\\sum_x p(x) \\log_2 p(x)`` is in bits);
        None for nats.  With no log written and no base stated, the unit is a guess."""
        if self.sem.log_base:
            return self.sem.log_base
        if len(self.chain_bases) == 1 and "e" not in self.chain_bases:
            base = next(iter(self.chain_bases))
            return sp.Integer(int(base)) if base.isdigit() else sp.Symbol(base, positive=True)
        if not self.chain_bases and self.unit_matters:
            self.doubts.append(f"the unit of {word.lstrip(chr(92))} is not stated: read in nats, "
                               "where the text may mean bits")
        return None

    def measure_unit_matters(self, sides) -> bool:
        r"""Does the unit of the chain's measures matter?  A number beside them does (``H(0.5,
        0.5) = 1`` is in bits), and so do a measure in an exponent of 2 (the perplexity
        ``2^{H(p)}``) and a function the document defined with a log of base 2 or 10 applied
        beside them (``h(x) = -\log_2 p(x)``).

        >>> from symbolic.latex_in.parse import Reader
        >>> Reader().measure_unit_matters(["H(0.5, 0.5)", "1"]), Reader().measure_unit_matters(["H(p)", "H(q)"])
        (True, False)
        """
        text = " ".join(sides)
        return any(_NUMBER_SIDE.fullmatch(side) for side in sides) or \
            bool(_MEASURE_EXPONENT.search(text)) or \
            any(lam.expr.has(sp.log(b)) for name, lam in self.sem.functions.items()
                for b in (2, 10) if re.search(r"(?<![A-Za-z\\])" + re.escape(name) + r"\s*\(", text))

    def _application(self, word, inner, pos, depth, t, end):
        sub = lambda s, p=pos: self.read_side(s, p, depth + 1)  # noqa: E731
        if word in ("\\sigma", "\\sigmoid"):
            return qu.Sigmoid(sub(inner)), end
        if word in ("\\logit", "\\odds"):
            kind = qu.Logit if word == "\\logit" else qu.Odds
            event = _OF_VARIABLE.fullmatch(inner)
            if event:   # odds(Y), logit(Y | X = 1): of the event Y = 1 (given X = 1)
                given = f" \\mid {event.group(2)}" if event.group(2) else ""
                return kind(sub(f"P({event.group(1)} = 1{given})")), end
            return kind(sub(inner)), end
        if word == "\\softmax":
            m = re.match(r"\s*_\{?\s*([a-z])\s*\}?", t[end:])
            arg = inner.strip()
            fam = re.fullmatch(r"([A-Za-z])_\{?([a-z])\}?", arg)   # z_i, Z_i
            # softmax(z_i) = e^{z_i} / \sum_{j=1}^n e^{z_j}: as many classes as the chain's sums
            bounds = set(re.findall(r"\\sum\s*_\s*\{\s*[a-z]\s*=\s*1\s*\}\s*\^\s*\{?\s*([A-Za-z])(?![A-Za-z])",
                                    self.chain_text))
            size = ob.support_size(bounds.pop()) if len(bounds) == 1 else se.K
            if m and re.fullmatch(r"[a-z]", arg):
                return qu.Softmax(ob.logits(arg, size), ob.index(m.group(1))), end + m.end()
            if fam:
                return qu.Softmax(ob.logits(fam.group(1), size), ob.index(fam.group(2))), end
            entry = re.fullmatch(r"[a-z]", arg) and _free_entry(arg, self.chain_text)
            if entry:   # softmax(z) = e^{z_i} / \sum_j e^{z_j}: the entry the chain writes
                vector = self.families.setdefault(arg, ob.logits(arg, size))
                return qu.Softmax(vector, ob.index(entry)), end
            raise UnknownNotation(f"softmax of {arg!r}: write softmax(z)_i or softmax(z_i)", pos)
        if word in self.sem.functions:
            lam = self.sem.functions[word]
            args = [sub(a) for a in split_top(inner, ",")]
            if len(args) != len(lam.variables):
                raise UnknownNotation(f"{word} takes {len(lam.variables)} arguments", pos)
            return lam(*args), end
        if word in ("H", "\\CE", "\\KL", "\\JS", "I"):
            written = family_measure(word, inner, self.chain_text)
            value = sub(written) if written else self._measure(word, inner, pos)
            base = self.measure_base(word)   # "logs are base 2", or every log of the chain
            return (value / sp.log(base) if base else value), end
        return self._probability(word, inner, pos, depth), end

    @property
    def y_apart(self) -> bool:
        """Does the chain write q as a pmf of its own beside Y's marginal or the joint pmf of
        X and Y?  Then Y's marginal is read as ``p_Y``, apart from that q."""
        return q_apart(self.chain_text)

    def _object(self, name: str, pos: int):
        """A pmf for a pmf letter or a random variable."""
        name = name.strip()
        applied = re.fullmatch(r"([pqPQ])\s*\(\s*([a-zXY])\s*\)", name)
        if applied and applied.group(1) in "pP" and applied.group(2) == "y":
            return self.sem.pmf_of_variable("Y", self.y_apart), None   # D(p(y) ‖ q(y)): Y's
        if applied:    # H(p(x)), D(P(X) ‖ Q(X)): the pmf written with its argument
            name = applied.group(1) if applied.group(2) not in "XY" or \
                applied.group(1) not in "pP" else applied.group(2)
        var = se.variable_letter(name.upper() if name in ("x", "y") else name)  # H(x): H(X)
        if var == "Z":
            self.doubts.append("the pmf of Z is read as r, a third pmf: the text may give Z "
                               "another")
        if var:
            return self.sem.pmf_of_variable(var), var
        if name in se.PMF_LETTERS:
            return se.pmf_object(name), None
        hat = re.fullmatch(r"\\hat\{?\s*([pq])\s*\}?(?:_\{?\w+\}?)?", name)
        if hat or re.fullmatch(r"[pq]_\{?\w+\}?", name):
            return se.pmf_object(name.replace("\\", "").replace("{", "").replace("}", "")), None
        raise UnknownNotation(f"{name!r} is neither a pmf nor a random variable", pos)

    def _measure(self, word, inner, pos):
        twice = re.fullmatch(r"\s*([A-Z])\s*([;|,])\s*\1\s*", inner)
        if word in ("H", "I") and twice and (word, twice.group(2)) != ("I", "|"):
            # H(X|X) = 0; H(X, X) = I(X; X) = H(X): one variable twice
            if twice.group(2) == "|":
                return sp.Integer(0)
            return qu.Entropy(self._object(twice.group(1), pos)[0])
        several = sv.chain_variables([self.chain_text]) if word in ("H", "I") else None
        if several:     # I(X; Y | Z): of three or four variables
            value = sv.measure(word, inner, several)
            if value is None:
                raise UnknownNotation(f"cannot read {word}({inner.strip()})", pos)
            doubts = [sv.STRUCTURE_DOUBT] if self.sem.structure else []
            self.doubts += [d for d in (*doubts, sv.draws(several)) if d]
            return value
        if word in ("H", "\\CE", "\\KL") and all(
                a.strip() == "\\cdot" for a in re.split(r"‖|,|\|\|", inner)):
            # D_{KL}(\cdot \| \cdot), H(\cdot): of any distributions, read as the pmfs p, q
            inner = re.sub(r"\\cdot", lambda m, it=iter("pq"): next(it, "r"), inner)
            self.doubts.append("the arguments \\cdot are read as any pmfs p, q: which of them "
                               "the text means to be the same is not read")
        model = self._model_measure(word, inner, pos)
        if model is not None:
            return model
        pointwise = pointwise_outcomes(inner, self.chain_text) if word == "I" else None
        if pointwise:
            # I(x) = -\log p(x): the information of one outcome (its self-information); beside
            # no log of a probability, I may be a function of the text's own (∫_0^x f).
            # I(x_i | y_j) = -\log p(x_i | y_j); I(x_i; y_j) = \log p(x_i | y_j) / p(x_i)
            if not INDEXED_PAIR.search(self.chain_text) and not re.search(
                    r"(?:\\log|\\ln|log|ln)\s*(?:_\s*\{?\w+\}?)?\s*\\?(?:frac\s*\{1\}\s*\{)?\s*"
                    r"[pP]\s*\(", self.chain_text):
                self.doubts.append(f"I({inner.strip()}) is read as the information -log p of "
                                   "outcomes: the text may mean a function of its own")
            first, joined, second = pointwise
            other = re.search(r"(?<![A-Za-z\\])([qQrR])\s*\(\s*[xy]", self.chain_text)
            if other:   # I(x_k; y_j) = \log \frac{p(x_k | y_j)}{q(x_k)}: q may be X's pmf
                self.doubts.append(f"I({inner.strip()}) is read with the pmf p of the outcomes; "
                                   f"the text writes {other.group(1)}(…), which may name it")
            given = f"{first}|{second}" if second else first
            information = -sp.log(self._probability("p", given, pos, 1))
            if joined == ";":
                return -information - sp.log(self._probability("p", first, pos, 1))
            return information
        if word == "I":
            parts = split_top(inner, ";")
            if len(parts) == 1:    # I(X, Y): the mutual information, written with a comma
                parts = split_top(inner, ",")
            if _of_x_and_y(parts):
                self.joint_used = True
                return qu.MutualInformation(se.JOINT)
            raise UnknownNotation(_NOT_X_AND_Y.format(f"I({inner.strip()})"), pos)
        if word in ("\\KL", "\\JS"):
            parts = split_top(inner, "‖")
            if len(parts) != 2:
                parts = split_top(inner, ",")
            if len(parts) != 2:     # D_{KL}(P|Q): one bar between two distributions named
                parts = split_top(inner, "|")
                if not all(_DISTRIBUTION_NAME.fullmatch(p) for p in parts):
                    parts = []
            if len(parts) != 2:
                raise UnknownNotation(f"{word.lstrip(chr(92))} needs two arguments: {inner!r}", pos)
            if word == "\\JS":
                pmfs = tuple(self._object(part, pos)[0] for part in parts)
                self.mixed = pmfs, tuple(re.sub(r"\s+", "", part) for part in parts)
                return qu.JensenShannon(*pmfs)
            mixture = self._mixture_divergence(parts, pos)
            if mixture is not None:
                return mixture
            try:
                return qu.KLDivergence(self._object(parts[0], pos)[0], self._object(parts[1], pos)[0])
            except UnknownNotation:
                summed = kl_as_sum(parts)
                if summed is None:
                    raise
                return self.read_side(summed, pos, 1)
        cond = split_top(inner, "|")
        valued = re.fullmatch(r"\s*([XY])\s*=\s*([a-z])\s*", cond[-1])
        if word == "H" and len(cond) == 2 and valued and \
                {se.variable_letter(cond[0]), valued.group(1)} == {"X", "Y"}:
            # H(Y|X=x): the entropy of the distribution of Y given the value x of X
            return self._entropy_given_value(se.variable_letter(cond[0]), valued.group(2))
        if word == "H" and len(cond) == 2 and all(re.fullmatch(r"\s*[xy]\s*", c) for c in cond) \
                and cond[0].strip() != cond[1].strip():
            given = cond[1].strip()
            if re.search(r"\\sum\s*_\s*\{?\s*" + given + r"(?![A-Za-z])", self.side_text):
                # \sum_x p(x) H(y|x): under a sum over x, the entropy of Y given X = x (a sum
                # on the other side, H(y|x) = -\sum_x \sum_y …, leaves H(y|x) the whole H(Y|X))
                return self._entropy_given_value(cond[0].strip().upper(), given)
            self.doubts.append(f"H({inner.strip()}) in lower case is read as H({cond[0].strip().upper()}"
                               f"|{given.upper()}); it may mean the entropy given one value")
            cond = [c.strip().upper() for c in cond]     # H(y|x): H(Y|X) in lower case
        if word == "H" and len(cond) == 2:
            a, b = (se.variable_letter(c) for c in cond)
            if _of_x_and_y(cond):
                self.joint_used = True
                return (qu.ConditionalEntropyYX(se.JOINT) if (a, b) == ("Y", "X")
                        else qu.ConditionalEntropyXY(se.JOINT))
            raise UnknownNotation(_NOT_X_AND_Y.format(f"H({inner.strip()})"), pos)
        parts = split_top(inner, ",")
        given = re.fullmatch(r"\s*[PpQq]\s*\(\s*([XY])\s*\|\s*([XY])\s*=\s*([a-z])\s*\)\s*", inner)
        if word == "H" and given and given.group(1) != given.group(2):
            # H(P(Y|X=x)): the entropy of the conditional distribution of Y given X = x
            return self._entropy_given_value(given.group(1), given.group(3))
        vector = self._probability_vector(parts, pos) if word == "H" and len(parts) > 1 else None
        if vector is not None:   # H(1/2, 1/4, 1/8, 1/8): the entropy of the given pmf
            return -sp.Add(*[v * sp.log(v.definition() if isinstance(v, qu.StatedDecimal)
                                        else v) for v in vector])
        if word == "H" and len(parts) == 1:
            return qu.Entropy(self._object(parts[0], pos)[0])
        if word == "H" and sorted(c.strip() for c in parts) == ["x", "y"] and \
                JOINT_NAMED.search(self.chain_text):
            self.joint_used = True     # H(x, y) beside p(x, y): H(X, Y) in lower case
            return qu.JointEntropy(se.JOINT)
        if len(parts) == 2:
            (p, vp), (q, vq) = self._object(parts[0], pos), self._object(parts[1], pos)
            if word == "H" and vp and vq and _of_x_and_y(parts):
                self.joint_used = True
                return qu.JointEntropy(se.JOINT)
            if word == "H" and vp and vq:
                raise UnknownNotation(_NOT_X_AND_Y.format(f"H({inner.strip()})"), pos)
            return qu.CrossEntropy(p, q)
        raise UnknownNotation(f"cannot read {word.lstrip(chr(92))}({inner})", pos)

    def _mixture_divergence(self, parts, pos):
        """``KL(P ‖ M)`` beside ``JS(P ‖ Q)``: M is the mixture (P + Q)/2 of the JS's two pmfs,
        as every definition of the Jensen–Shannon divergence writes it (or ``KL(P ‖
        \frac{P + Q}{2})``, the mixture written out); None elsewhere."""
        if not self.mixed or not _is_mixture(parts[1], self.mixed[1]):
            return None
        mixed = self.mixed[0]
        p = self._object(parts[0], pos)[0]
        if p not in mixed:
            raise UnknownNotation(f"KL({parts[0].strip()} ‖ M) beside the mixture M of two other "
                                  "pmfs is not read", pos)
        return qu.MixtureDivergence(p, mixed[1] if p == mixed[0] else mixed[0])

    def _entropy_given_value(self, target: str, value: str):
        """H(Y | X = x) (target Y) or H(X | Y = y): −Σ_u P(u | x) log P(u | x) over the joint pmf."""
        self.joint_used = True
        x, u, v = ob.index(value), sp.Dummy("u", integer=True), sp.Dummy("v", integer=True)
        if target == "Y":
            cond = se.JOINT[x, u] / sp.Sum(se.JOINT[x, v], (v, 1, se.K))
        else:
            cond = se.JOINT[u, x] / sp.Sum(se.JOINT[v, x], (v, 1, se.K))
        return -sp.Sum(cond * sp.log(cond), (u, 1, se.K))

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


def _is_mixture(text: str, names) -> bool:
    r"""Is ``text`` (cleaned, as the reader reads it) the mixture M of the pmfs ``names``:
    ``M``, or ``(P + Q)/2`` written out?

    >>> _is_mixture(" M ", ("p", "q")), _is_mixture(r"\frac{q + p}{2}", ("p", "q"))
    (True, True)
    >>> _is_mixture(r"\frac{1}{2}(p+q)", ("p", "q")), _is_mixture(r"\frac{p+r}{2}", ("p", "q"))
    (True, False)
    """
    t = re.sub(r"\s+", "", text)      # the reader's text: \dfrac, \left and \, are gone
    if t == "M":
        return True
    a, b = names
    sums = (f"{a}+{b}", f"{b}+{a}")
    return any(t in (f"\\frac{{{s}}}{{2}}", f"\\frac{{1}}{{2}}({s})", f"({s})/2", f"\\frac12({s})")
               for s in sums)


def _free_entry(vector: str, chain: str) -> str | None:
    r"""The one index at which ``chain`` writes entries of ``vector`` outside the indices its
    sums bind (``softmax(z) = \frac{e^{z_i}}{\sum_j e^{z_j}}``: i); None when not one.

    >>> _free_entry("z", r"softmax(z) = \frac{e^{z_i}}{\sum_j e^{z_j}}")
    'i'
    >>> _free_entry("z", r"softmax(z) = \frac{e^{z}}{\sum_j e^{z_j}}") is None
    True
    """
    written = set(re.findall(rf"(?<![A-Za-z\\]){vector}\s*_\s*\{{?\s*([a-z])\s*\}}?(?![A-Za-z])",
                             chain))
    bound = set(SUM_INDEX.findall(chain))
    free = written - bound
    return free.pop() if len(free) == 1 else None
