r"""A model the text gives for the probability of an event: logistic regression's link.

A post on logistic regression states its model once, in either form:

* ``\ln \frac{P(Y=1)}{1-P(Y=1)} = \beta_0 + \beta_1 X`` (the log odds are linear in X);
* ``P(y^{(i)}=1) = \frac{1}{1+\exp[-(\beta_0 + \beta_1 x^{(i)})]}``.

The first equation that holds the probability of the event Y = 1 (unconditioned, or given
X without a value) and no other probability defines it: it is solved for that probability,
which the reader then puts in wherever the event is written — ``P(Y=1 \mid X=1)`` is the
model at X = 1.  The equation is a definition, not a claim; an equation with no single
solution defines nothing.

>>> import sympy as sp
>>> from symbolic.latex_in.parse import Reader
>>> reader = Reader()
>>> define_event_model(reader, r"\ln{\frac{P(Y=1)}{1-P(Y=1)}}", r"\beta_0 + \beta_1 X")
True
>>> sp.simplify(reader.read_side(r"\ln \frac{P(Y=1 \mid X=1)}{1 - P(Y=1 \mid X=1)}"))
beta_0 + beta_1
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.errors import LatexReadError

# P(Y = 1), P(Y=1 | X), P(y_{i} = 1), with the value given to X when there is one
EVENT = re.compile(r"(?<![A-Za-z\\])P\s*\(\s*(Y|y(?:_\{?[a-z]\}?|\^\{\([a-z]\)\})?)\s*=\s*1\s*"
                   r"(?:(?:\||\\mid|\\vert)\s*(X|x(?:_\{?[a-z]\}?|\^\{\([a-z]\)\})?)\s*"
                   r"(?:=\s*([^()|]+?))?\s*)?\)")
# P(Y = 0 | X = v) of a binary label: one minus the event's probability
COMPLEMENT = re.compile(EVENT.pattern.replace(r"=\s*1\s*", r"=\s*0\s*", 1))
_UNKNOWN = "\\omega"
_VARIABLES = re.compile(r"[Xx](?:_\{?[a-z]\}?)?")


def _key(label: str) -> str:
    """One key for y^{(i)}, y_{i} and y_i."""
    return re.sub(r"[{}()\s]", "", label).replace("^", "_")


def define_event_model(reader, lhs_text: str, rhs_text: str) -> bool:
    """Bind the event's probability if ``lhs = rhs`` states its model (see the module)."""
    events = [m for m in EVENT.finditer(lhs_text)]
    if not events or len({_key(m.group(1)) for m in events}) != 1 or \
            any(m.group(3) for m in events) or re.search(r"(?<![A-Za-z\\])[Pp]\s*\(", rhs_text) \
            or re.search(r"(?<![A-Za-z\\])[Pp]\s*\(", EVENT.sub("", lhs_text)) \
            or re.search(r"omega|ω", lhs_text + rhs_text):   # the unknown's name is free
        return False
    label = _key(events[0].group(1))
    if label in reader.sem.event_models:
        return False                  # stated before: this one is a claim about it
    try:
        lhs = reader.read_side(EVENT.sub(lambda m: f" {_UNKNOWN} ", lhs_text))
        rhs = reader.read_side(rhs_text)
    except LatexReadError:
        return False
    unknown = next((s for s in lhs.free_symbols if s.name == "omega"), None)
    if unknown is None or not rhs.free_symbols or unknown in rhs.free_symbols:
        return False
    try:
        solutions = sp.solve(sp.Eq(lhs, rhs), unknown)
    except (NotImplementedError, ValueError, TypeError):
        return False
    if len(solutions) != 1:
        return False
    variable = next((s.name for s in rhs.free_symbols if _VARIABLES.fullmatch(s.name)), None)
    reader.sem.event_models[label] = (variable, solutions[0])
    # a function defined before the model (OR(Y|X) = odds(Y|X=1)/odds(Y|X=0)) held the
    # event as an unknown: it is the model's from here on, as everywhere else
    apps = reader.sem.applications
    for key, (args, body) in list(apps.items()):
        apps[key] = (args, _through_model(body, reader))
    return True


def _through_model(expr, reader):
    """``expr`` with each unknown quantity ``⟨P(Y=1|X=v)⟩`` of a modelled event put in."""
    if not isinstance(expr, sp.Basic):
        return expr
    repl = {}
    for s in expr.free_symbols:
        name = getattr(s, "name", "")
        if name.startswith("⟨") and name.endswith("⟩") and EVENT.fullmatch(name[1:-1]):
            try:
                repl[s] = reader.read_side(name[1:-1])
            except LatexReadError:
                continue
    return expr.xreplace(repl) if repl else expr


class EventModels:
    """The reader's part: ``P(Y=1 \\mid X=v)`` read through the model the text stated."""

    def _event_at(self, t: str, i: int, offset: int, depth: int):
        m = EVENT.match(t, i) or COMPLEMENT.match(t, i)
        if not m or _key(m.group(1)) not in self.sem.event_models:
            return None
        if m.re is COMPLEMENT:
            self.doubts.append(f"{m.group(0)} is read as one minus the model's probability of "
                               "the label 1: the label is taken to have two values")
        variable, value = self.sem.event_models[_key(m.group(1))]
        if m.group(3) is not None:
            if variable is None:
                return None
            at = self.read_side(m.group(3), offset + m.start(3), depth + 1)
            value = value.xreplace({s: at for s in value.free_symbols if s.name == variable})
        elif _key(m.group(1)) != "Y":
            # P(y_i = 1) through a model stated in x_i: an index a sum binds elsewhere may
            # not be the one the model was read with
            self.doubts.append(f"{m.group(0)} is read through the model the text stated")
        return self._hold(1 - value if m.re is COMPLEMENT else value), m.end()
