"""Functions and applications a document defines: ``f(x) = body`` is put in where f is applied
later; ``E_{n}(\\mathbf{w}) = body`` where that application is written again (see docs/latex.md,
"Names, applications and families the document defines").  Split from
:mod:`symbolic.latex_in.bindings`, which decides that a relation is such a definition.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.errors import LatexReadError, LatexSyntaxError, UnknownNotation
from symbolic.latex_in.log_scope import is_scope_doubt
from symbolic.latex_in.parse import LEFT_OPEN, Reader
from symbolic.latex_in.reader_definitions import bound_apart, defined_head
from symbolic.latex_in.reader_patterns import _plain


def read_definition(reader: Reader, text: str, offset: int):
    """The right side of a definition, its defined names kept as names, and the read error
    (or None).

    >>> read_definition(Reader(), "x^2 + 1", 0)
    (x**2 + 1, None)
    """
    before = len(reader.doubts)
    with reader.names_kept():
        value, err = read_side_or_error(reader, text, offset)
    if err is None and LEFT_OPEN in reader.doubts[before:]:   # \left( \frac{1}{a}(y - b + c \right)
        return None, UnknownNotation(LEFT_OPEN + ": the definition's reading is a guess", offset)
    scope = [d for d in reader.doubts[before:] if is_scope_doubt(d)]
    if err is None and scope:    # \log \frac{1}{\sigma} \exp(…): a later use would not say so
        return None, UnknownNotation(scope[0] + " (the definition's reading is a guess)", offset)
    return bound_apart(value), err


def read_side_or_error(reader: Reader, text: str, offset: int):
    """``(expression, None)`` for one side read, or ``(None, error)`` when it cannot be read
    (SymPy's answers to algebra it cannot do become an ``UnknownNotation``).

    >>> read_side_or_error(Reader(), "a +", 0)[1].message
    "cannot parse 'a +': I expected something else here"
    """
    try:
        return reader.read_side(text, offset), None
    except LatexReadError as exc:
        return None, exc
    except RecursionError:
        return None, LatexSyntaxError("expression too deeply nested", offset)
    except (ValueError, TypeError, IndexError, NotImplementedError, ZeroDivisionError,
            OverflowError) as exc:   # SymPy's answers to algebra it cannot do; a KeyError or
        # an AttributeError is the reader's own bug, and stops the reading visibly
        return None, UnknownNotation(f"cannot read {text.strip()!r}: {type(exc).__name__}: {exc}",
                                     offset)


# an argument of a function the text defines: a letter, or a Greek letter (\ell(\mu, \sigma))
_ARGUMENT = (r"[a-z]|\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|kappa|"
             r"lambda|mu|nu|xi|rho|sigma|tau|phi|varphi|chi|psi|omega)")


def unlisted(args: str, body) -> list[str]:
    r"""The letters ``body`` uses as variables beyond the one of ``args`` when the arguments
    list a variable and the parameters apart (``y; \mu, \lambda``): a density so written names
    everything its body may use, so another plain letter is a slip (x for y) or a name set
    elsewhere, and the definition is not put in.  Empty for a plain list (``f(x) = w x + b``)
    and for a variable that is no plain letter (``\mathcal{L}(\theta; D)`` = a product over
    the data set D of terms in its x and y).

    >>> x, y, mu = sp.symbols("x y mu")
    >>> unlisted(r"y; \mu", mu * x / y), unlisted(r"y; \mu", mu / y), unlisted("y", x * y)
    (['x'], [], [])
    >>> unlisted(r"\theta | x", mu * x), unlisted(r"\boldsymbol{\theta} ; D", x * y)
    ([], [])
    """
    variable, separated, parameters = args.partition(";")
    if not separated or not re.fullmatch(r"\s*[a-z]\s*", variable):
        return []           # L(\theta | x) = P(X = x | \theta): a condition, not a list
    listed = {variable.strip()} | {w.lstrip("\\") for w in re.findall(r"\\?[A-Za-z]+", parameters)}
    return sorted(s.name for s in body.free_symbols if isinstance(s, sp.Symbol) and
                  re.fullmatch(r"[a-z]", s.name) and s.name not in listed)


def define_function(reader: Reader, head, lhs_text: str, rhs_text: str, offset: int) -> None:
    """``f(x, y) = body``: later applications of f substitute into the body; a head with
    other arguments (``g(\\mathrm{w}^Tx)``) names its body where those arguments recur."""
    name, args = head
    variables = [v.strip() for v in args.split(",")]
    # h_w(x), h_\theta(x): the name is h_w (a label of parameters, not an index like f_j's)
    label = re.search(r"_\s*\{?\s*(\\?[A-Za-z]+)", lhs_text.split("(")[0])
    labelled = bool(label) and label.group(1) not in ("i", "j", "k", "l", "n", "m", "t")
    body, err = (None, None) if labelled else read_definition(reader, rhs_text, offset)
    # h(x) = σ(w^T x) read as σ(Σ_k w_k x_k): the body uses x's entries, not x, so it is
    # put in only where the argument is written x again
    entries = err is None and body is not None and \
        {str(b.label) for b in body.atoms(sp.IndexedBase)} & set(variables)
    if entries and label:
        return     # f_j(z) = e^{z_j}/Σ_k e^{z_k}: the j-th output, where f_j is also a score
    if err is None and body is not None and unlisted(args, body):
        return     # f(y; \mu, \lambda) = \sqrt{\lambda / 2\pi x^3} …: a slip, or a name set elsewhere
    if labelled or entries or not ((len(name) == 1 or name == "\\ell") and
                                   all(re.fullmatch(_ARGUMENT, v) for v in variables)):
        applied = defined_head(lhs_text)
        if applied:
            define_application(reader, applied, rhs_text, offset,
                                None if body is None else (body, err))
        return
    if err is None:     # \mu is the symbol mu, as the reader names it
        syms = [sp.Symbol(v.lstrip("\\"), real=True) for v in variables]
        if not {s.name for s in syms} <= {getattr(s, "name", "") for s in body.free_symbols}:
            # U(\theta, q), h(q) = -\int q \log q of pmfs read by letter (Q[x], not q): the
            # body does not use the argument as a symbol, so h(p) is not h(q) with p put in
            applied = defined_head(lhs_text)
            if applied:
                define_application(reader, applied, rhs_text, offset, (body, err))
            return
        reader.sem.functions[name] = sp.Lambda(tuple(syms), body)


def define_application(reader: Reader, applied, rhs_text: str, offset: int,
                        read=None) -> None:
    """``E_{n}(\\mathbf{w}) = body``: later ``E_{n}(\\mathbf{w})`` is the body (``read``: the
    right side's (body, error) when the caller has read it already)."""
    body, err = read or read_definition(reader, rhs_text, offset)
    key, args = applied
    if err is None and key not in {_plain(getattr(s, "name", "")) for s in body.free_symbols}:
        # \mathcal{L}(\phi) = \mathbb{E}_Q[…] read through the chain's distributions: kept as
        # text, read again with the distributions of the chain that uses it
        reader.sem.applications[key] = (args, rhs_text.strip() if reader.distributions else body)
    else:
        reader.sem.applications.pop(key, None)   # set again to what is not read: forgotten
