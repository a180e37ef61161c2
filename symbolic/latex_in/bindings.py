"""What a document binds: a name, a function, an application or a family set to something,
pmf values, and the estimate θ̂ named by an argmin (see docs/latex.md, "What a document binds").

Each ``define…`` reads the right side with the document's defined names kept as names (they
are put in where the defined thing is used), and says whether the relation was a definition
(then it is not a claim).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symbolic.latex_in.loss_sign import names_a_loss
from symbolic.latex_in.normal_density import normal_head
from symbolic.latex_in.notation import numbers_only
from symbolic.latex_in.function_definitions import (define_application, define_function,
                                                   read_definition, read_side_or_error)
from symbolic.latex_in.models import ArgMin
from symbolic.latex_in.names import BARE_NAME as _BARE, function_head, lone_name
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.pmf_values import pmf_value, pmf_vector
from symbolic.latex_in.reader_binary import declare_bernoulli
from symbolic.latex_in.reader_events import define_event_model
from symbolic.latex_in.reader_definitions import arguments_entry, defined_head, expand_except
from symbolic.latex_in.reader_patterns import _plain

_SUPERSCRIPT_INDEX = re.compile(r"\^\s*\{\s*\(\s*([A-Za-z])\s*\)\s*\}")
# \text{odds} = …: a word that names the right-hand side
_WORD_NAME = re.compile(r"\s*\\(?:text|textrm|mathrm|operatorname)\{\s*([A-Za-z]+)\s*\}\s*")
# F(θ | x), \mathcal{L}(y, \hat{y}): a function of named arguments (not a pmf value)
_WORD_FUNC = re.compile(r"\s*\\(?:text|textrm|mathrm|operatorname)\{((?!(?:CE|KL|H|I|logit|sigmoid|"
                        r"softmax|odds|log|ln|exp|E|D_\{KL\})\})[A-Za-z]{2,})\}\s*\([^()]*\)\s*")
# \hat{\theta}_{MLE}: an estimate of the model parameters (set to an argmin or argmax)
_ESTIMATE = re.compile(r"\s*(?:\\hat\{?\s*\\theta\s*\}?(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?|"
                       r"\\theta(?:_\{[^{}]*\}|_[A-Za-z0-9]+))\s*")
# a model's pmf with its parameters: P(y = 1 | x; \theta), p_{\theta}(y | x), p(y|x, \theta)
_MODEL = re.compile(r"\s*(?:\\Pr|[pPqQ])(?:_\{?\s*(\\boldsymbol\{\\theta\}|\\theta|\\mathbf\{w\}|w)\s*\}?)?"
                    r"\s*\((?:[^()]*;[^()]*|[^()]*\|[^()]*,\s*(?:\\boldsymbol\{\\theta\}|\\theta)\s*)\)\s*"
                    r"|\s*(?:[pq])_\{?\s*(?:\\boldsymbol\{\\theta\}|\\theta)\s*\}?\s*\([^()]*\)\s*")
_NUMBER = re.compile(r"\s*-?\s*(\d+(\.\d+)?|\\frac\{\d+\}\{\d+\}|\d+\s*/\s*\d+)\s*[.,]?\s*")
@dataclass(frozen=True)
class _Row:
    """One relation that may define a name: ``lhs relation rhs`` at ``offset`` of its chain."""

    reader: Reader
    lhs: str
    rhs: str
    offset: int
    document: bool     # read in a document (not a lone ``verify``)
    first: bool        # the first relation of its chain (or the one named after ``:=``)
    relation: str
    listed: bool       # one of several assignments in one row
    inline: bool = False    # inline math in a sentence


def _define(reader: Reader, lhs_text: str, rhs_text: str, offset: int, document: bool,
            first: bool, relation: str, listed: bool = False, inline: bool = False) -> bool:
    """Bind a name if ``lhs relation rhs`` is a definition; say whether it was.  Each rule of
    ``_DEFINITIONS`` in turn says yes (True), no (False) or not mine (None)."""
    head = function_head(lhs_text)
    if head and re.search(r"(?<![A-Za-z\\])" + re.escape(head[0]) + r"\s*(?:\\left\s*)?\(",
                          rhs_text):
        return False    # f(\sum_c p(c) q(c)) = f(P(X = Y)): f on both sides, a claim
    row = _Row(reader, lhs_text, rhs_text, offset, document, first, relation, listed, inline)
    for rule in _DEFINITIONS:
        answer = rule(row)
        if answer is not None:
            return answer
    return False


def _yes_or_none(test):
    """A rule that says yes (a definition) when ``test(row)`` holds, and "not mine" otherwise."""
    def rule(row: _Row):
        return True if test(row) else None
    rule.__name__, rule.__doc__ = test.__name__, test.__doc__
    return rule


def _first_equation(row: _Row) -> bool:
    """The first ``=`` of a chain, in a document."""
    return row.document and row.first and row.relation == "="


@_yes_or_none
def _a_pmf_value(row: _Row):
    """``P(X = 1) = 0.3``, ``p(x_1) = 0.5``, ``p = (0.9, 0.1)``: values of a pmf, from here on."""
    return row.document and row.relation == "=" and (
        pmf_value(row.reader.sem, row.lhs, row.rhs, row.listed) or
        pmf_vector(row.reader.sem, row.lhs, row.rhs))


@_yes_or_none
def _an_event_model(row: _Row):
    r"""``\ln \frac{P(Y=1)}{1-P(Y=1)} = \beta_0 + \beta_1 X``: the model of the event."""
    return _first_equation(row) and define_event_model(row.reader, row.lhs, row.rhs)


def _an_estimate(row: _Row):
    """The first ``θ̂ = argmin …`` names the estimate; a later one is a claim about it."""
    name = row.reader.symbol_name(row.lhs) if _ESTIMATE.fullmatch(row.lhs) else None
    name = _plain(name) if name else None
    if not (row.first and row.relation in ("=", ":=") and name and
            (name not in row.reader.sem.bindings or row.relation == ":=")):
        return None
    value, err = read_side_or_error(row.reader, row.rhs, row.offset)
    if err is None and isinstance(value, ArgMin):
        row.reader.sem.bindings[name] = value   # later rows compare argmins with it
        return True
    if err is not None and row.document:
        return True                    # θ̂ set to notation not read: a definition
    return None


def _a_function(row: _Row):
    r"""``f(x) = …``, ``\mathcal{L}(y, \hat{y}) = …``, ``L(\theta | x) = …``: names a function."""
    head = function_head(row.lhs)
    if head and head[0].endswith("'") and head[0].rstrip("'") in row.reader.sem.functions:
        return None    # f'(x) = … after f(x) = …: a claim about f's derivative
    if head and (row.relation == ":=" or row.first) and (row.document or row.relation == ":="):
        if row.relation == "=" and (_NUMBER.fullmatch(row.rhs) or numbers_only(row.rhs)):
            # y(x) = 0: the points where y is 0 (a decision boundary), no new y; h(x) =
            # -\log_2(1/2): h at one x of an example (p(x) = 1/2), not a new h; in a sentence,
            # an f the text defined before is forgotten ("for z < 0, $f(z) = 0$": a new f)
            if row.inline:
                row.reader.sem.functions.pop(head[0], None)
            return True
        define_function(row.reader, head, row.lhs, row.rhs, row.offset)
        return True
    return None


def _an_application(row: _Row):
    r"""``E_{n}(\mathbf{w}) = …``: E_n, applied to w, names the right side."""
    applied = defined_head(row.lhs) if _first_equation(row) else None
    if applied:
        define_application(row.reader, applied, row.rhs, row.offset)
        return True
    return None


def _a_word_function(row: _Row):
    r"""``\text{OR}(Y \mid X) = …``: later ``OR(Y | X)`` is the right side."""
    if not (row.document and row.first and _WORD_FUNC.fullmatch(row.lhs)):
        return None
    applied = defined_head(row.lhs) if row.relation == "=" else None
    if applied:
        define_application(row.reader, applied, row.rhs, row.offset)
    return True


def _a_logged_application(row: _Row):
    r"""``\ln \mathcal{L}(\theta; X) \equiv \ln p(X \mid \theta)``: the log of a new function,
    applied, names the right side, so L(θ; X) is e to the right side from here on."""
    logged = _LOGGED.fullmatch(row.lhs)
    applied = defined_head(logged.group(1)) if logged else None
    applications = row.reader.sem.applications
    if not (applied and row.document and row.first and row.relation in ("=", ":=")):
        return None
    key, args = applied
    if key in row.reader.sem.functions or _plain(key) in row.reader.sem.functions:
        return None               # L(θ) = … before: \log L(θ) = … is a claim about it
    if key in applications:       # L(θ; X) after L(θ; X, Z): another arity, kept apart
        if applications[key][0] == args:
            return None
        key = arguments_entry(key, args)
        if key in applications:
            return None
    body, err = read_definition(row.reader, row.rhs, row.offset)
    if err is None and applied[0] not in {_plain(getattr(s, "name", ""))
                                          for s in body.free_symbols}:
        # kept as text, read where it is used: p(X | θ) there may be a marginal of the
        # p(X, Z | θ) that chain reads by letter, not the pmf of this row
        applications[key] = (args, f"e^{{{row.rhs}}}")
    return True


@_yes_or_none
def _a_bernoulli_model(row: _Row):
    r"""``P(Y=y | X=x; \theta) = p_\theta(x)^y (1 - p_\theta(x))^{1-y}``: a binary model."""
    return _first_equation(row) and declare_bernoulli(row.reader, row.lhs, row.rhs)


@_yes_or_none
def _a_model(row: _Row):
    r"""``P(y = 1 | x; \theta) = \sigma(\theta^T x)``: the model's definition."""
    return _first_equation(row) and _model_definition(row.lhs, row.rhs)


def _colon_equals(row: _Row):
    """``:=`` always defines (what it binds, if anything, the rules before said)."""
    return True if row.relation == ":=" else None


def _a_word_name(row: _Row):
    r"""``\textrm{odds} = p/(1-p)``: the word names the right-hand side from here on."""
    sem = row.reader.sem
    word = _WORD_NAME.fullmatch(row.lhs)
    if not (_first_equation(row) and word and word.group(1) not in sem.used):
        return None
    value, err = read_side_or_error(row.reader, row.rhs, row.offset)
    if err is None and word.group(1) == "odds":
        sem.bindings["odds"] = value
        sem.used |= {s.name for s in value.free_symbols}
    return True


def _a_lone_name(row: _Row):
    """``p = 0.8`` (an assignment), ``a_n = w_0 x_n + w_1``, ``J = …`` (in a document, a lone
    name set to something defines it again); the last rule: a claim otherwise."""
    sem, reader = row.reader.sem, row.reader
    name = lone_name(row.lhs)
    if not (row.first and row.relation == "=" and name):
        return False
    if name in ("K", "C", "n", "N") and row.lhs.strip() == name:   # C_2 is a name
        # K = 3, n = 10: a size or constant set for an example, not a claim; not bound (the
        # reader's own sizes keep their names)
        return bool(row.document and _NUMBER.fullmatch(row.rhs))
    estimate = reader.symbol_name(row.lhs) if _ESTIMATE.fullmatch(row.lhs) else None
    if estimate and _plain(estimate) in sem.bindings:
        return False   # θ_ML = … after θ_ML was named: a claim about the estimate
    bare = _BARE.fullmatch(_SUPERSCRIPT_INDEX.sub(r"_{\1}", row.lhs))   # y^{(i)} is y_i
    key = _plain(bare.group(1)) if bare else None
    if key and _NUMBER.fullmatch(row.rhs):
        value, err = read_side_or_error(reader, row.rhs, row.offset)
        if err is None and not value.free_symbols:
            old = sem.bindings.get(key)
            if old is not None and not getattr(old, "free_symbols", True) and old != value:
                del sem.bindings[key]      # w = 1/2, then w = 2/3: a variable tried at values
                return True
            sem.bindings[key] = value      # p = 0.8: an assignment, from here on
            return True
    if not key and re.search(r"'|\^", row.lhs) and _NUMBER.fullmatch(row.rhs):
        return True    # C' = 2, a^{[0]} = 1: an assignment of a name with a mark, not bound
    if not row.document:
        return False
    if _vector_softmax(reader, row):
        return True
    if key:
        value, err = read_definition(reader, row.rhs, row.offset)
        # a_n = w_0 x_n + w_1 after y_n = \sigma(a_n): bound too, unless it defines itself
        used = {_plain(s.name) for e in (value, expand_except(value, sem.bindings))
                for s in e.free_symbols if isinstance(s, sp.Symbol)} if err is None else set()
        alias = err is None and isinstance(value, sp.Symbol) and len(key) == 1
        if err is None and key not in used and not alias:   # i = j is a case, not a name
            sem.bindings[key] = value
            sem.used |= used
            reader.define_family(key, value)   # p_i = e^{z_i}/\sum_j e^{z_j}: p_j, p_k too
    return True


# p = \text{softmax}(z), \mathbf{p} = \mathrm{softmax}(\mathbf{z}): a vector of softmax outputs
_VECTOR_LETTER = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}|([a-z]))"   # z, \mathbf{z}
_SOFTMAX_OF_VECTOR = re.compile(r"\s*\\?(?:(?:text|operatorname|mathrm)\s*\{\s*softmax\s*\}|softmax)\s*"
                                r"(?:\\left\s*)?\(\s*" + _VECTOR_LETTER +
                                r"\s*(?:\\right\s*)?\)\s*[.,]?\s*")
_VECTOR_NAME = re.compile(r"\s*" + _VECTOR_LETTER + r"\s*")


def _vector_softmax(reader: Reader, row: _Row) -> bool:
    """``p = \\text{softmax}(z)``, ``\\mathbf{p} = \\text{softmax}(\\mathbf{z})``: the family
    p_i = softmax(z)_i (the name has no subscript)."""
    m = _SOFTMAX_OF_VECTOR.fullmatch(row.rhs)
    name = _VECTOR_NAME.fullmatch(row.lhs)
    if not (m and name):
        return False
    key = name.group(1) or name.group(2)
    letter = next(c for c in "ijklmnc" if c not in (key, m.group(1) or m.group(2)))
    value, err = read_side_or_error(reader, f"\\text{{softmax}}({m.group(1) or m.group(2)}_{letter})",
                       row.offset)
    if err is not None:
        return False
    reader.sem.family_definitions[key] = (letter, value)
    return True


# Y = f(x) + \epsilon: a model of a random Y with noise; the rows after it speak of E(Y)
_NOISE = re.compile(r"[+-]\s*(?:\\(?:var)?epsilon|ε)(?:_\{?\w+\}?)?\s*[.,]?\s*$")


def _a_noisy_model(row: _Row) -> bool | None:
    r"""``Y = \frac{1}{1+e^{-f(x)}} + \epsilon``: a statistical model, not a definition to put
    in (the rows after it solve for E(Y) in Y's letter); a definition that binds nothing."""
    return True if row.first and row.relation == "=" and _NOISE.search(row.rhs) and \
        _BARE.fullmatch(row.lhs.strip()) else None


_DEFINITIONS = (_a_noisy_model, _a_pmf_value, _an_event_model, _an_estimate, _a_function,
                _an_application, _a_word_function, _a_logged_application, _a_bernoulli_model,
                _a_model, _colon_equals, _a_word_name, _a_lone_name)


# \ln F(…), \log F(…): the log of one application
_LOGGED = re.compile(r"\s*\\(?:ln|log)\b\s*(.+?)\s*")


def names_estimate(reader: Reader, rhs_text: str, relation: str, last: bool) -> bool:
    r"""Does the last step ``… = \hat{\theta}_{MLE}`` of a chain name the result, the
    estimate not being named before?

    >>> names_estimate(Reader(), r" \hat{\theta}_{MLE}", "=", True)
    True
    """
    name = reader.symbol_name(rhs_text) if last and relation == "=" and \
        _ESTIMATE.fullmatch(rhs_text) else None
    return bool(name) and _plain(name) not in reader.sem.bindings


def _model_definition(lhs_text: str, rhs_text: str) -> bool:
    r"""``P(y = 1 | x; \theta) = \sigma(\theta^T x)``: a model's pmf with its parameters set
    to an expression without that pmf defines the model (``P(y = 0 | x; \theta) = 1 - P(y =
    1 | x; \theta)`` is a claim about it).

    >>> _model_definition(r"P(y = 1 | x; \theta)", r"\sigma(\theta^T x)")
    True
    >>> _model_definition(r"P(y = 0 | x; \theta)", r"1 - P(y = 1 | x; \theta)")
    False
    """
    if not _MODEL.fullmatch(lhs_text) or _NUMBER.fullmatch(rhs_text):
        return False
    head = lhs_text.strip()
    letter = "\\Pr" if head.startswith("\\Pr") else head[:1]
    return not re.search(r"(?<![A-Za-z\\])" + re.escape(letter) + r"\s*[(_]", rhs_text)


def _equation(reader: Reader, lhs_text: str, rhs_text: str):
    """Both sides of a lone equation read before it binds anything (None if unreadable)."""
    bare = _BARE.fullmatch(lhs_text)
    if bare and _plain(bare.group(1)) in reader.sem.bindings:
        return None
    (lhs, e1), (rhs, e2) = read_side_or_error(reader, lhs_text, 0), read_side_or_error(reader, rhs_text, 0)
    if e1 and (names_a_loss(lhs_text) or normal_head(lhs_text)):
        lhs, e1 = sp.Symbol("defined", real=True), None     # \text{loss} = …, \mathcal{N}(x|…) = …
    return None if e1 or e2 else (lhs, rhs)


def _defined_with_families(reader):
    """A pattern for the names the document set to something with indexed families in it
    (``L = -\\sum_k y_k \\log p_k``): a side that uses one teaches the chain its families."""
    names = [k for k, v in reader.sem.bindings.items()
             if isinstance(v, sp.Basic) and v.atoms(sp.Indexed)]
    names += list(reader.sem.family_definitions)
    if not names:
        return None
    return re.compile(r"(?<![A-Za-z\\])(?:" + "|".join(re.escape(n.split("_")[0])
                                                       for n in names) + r")(?![A-Za-z])")
