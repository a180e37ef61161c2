r"""Shannon's measures of three or four random variables: ``H(X, Y | Z)``, ``I(X; Y, Z)``,
``I(X; Y | Z)``, ``H(X_1, X_2, X_3)``.

A chain is read this way only when it is made of such measures alone (and numbers): every
``H(…)`` and ``I(…)`` in it has random variables as its arguments, three or four of them in
all, and nothing else in the chain names a quantity.  Each measure is then a sum of entropies
of marginals of one joint pmf of all the variables (:mod:`symbolic.shannon`); a chain that also
writes pmf values (``\sum_{x,y,z} p(x,y,z) …``) is not read so, as its pmfs would be apart
from that joint.

Texts on these measures state many relations that hold only when the variables form a Markov
chain or are independent (the data-processing inequality, ``I(X; Z | Y) = 0``); such a case
is not read, so when the document speaks of either, a failure is not refuted
(:data:`STRUCTURE`).

>>> chain_variables([r"I(X; Y, Z)", r"I(X; Z) + I(X; Y \mid Z)"])
('X', 'Y', 'Z')
>>> chain_variables([r"H(X, Y)", r"H(X) + H(Y | X)"]) is None           # two: the pair's reading
True
>>> chain_variables([r"H(X_1 X_2)", r"H(X_1) + H(X_2 | X_1)"])          # draws or side by side
('X_1', 'X_2')
>>> chain_variables([r"H(X|Z)", r"-\sum_{x,z} p(x,z) \log p(x|z)"]) is None   # pmf values too
True
"""
from __future__ import annotations

import functools
import re

import sympy as sp

from symbolic import objects as ob
from symbolic import shannon
from symbolic.latex_in import semantics as se
from symbolic.latex_in.scan import split_top

# a random variable: X, X_1, X_{12}, \mathbf{X}; not P or Q, the letters of distributions
# (H(P_X, Q_X) is a cross-entropy)
_VARIABLE = re.compile(r"\s*(?:\\mathbf\s*\{\s*([A-OR-Z])\s*\}|([A-OR-Z])(?:\s*_\s*(?:\{\s*(\w+)\s*\}|(\w)))?)\s*")
# H(…) or I(…), not \mathcal{H}(…) or a longer name
_MEASURE = re.compile(r"(?<![A-Za-z\\{])([HI])\s*\(([^()]*)\)")
# what may stand beside the measures: numbers, signs, brackets, relations, spacing, fractions
_REST = re.compile(r"(?:[\s\d.,;+\-=<>()\[\]{}/*^_!&]|\\(?:le|ge|leq|geq|ne|neq|cdot|times|quad|"
                   r"qquad|frac|dfrac|tfrac|left|right|big|Big|bigg|Bigg|[lr]?vert|mid|,|;|!| )"
                   r"(?![A-Za-z]))*")
# a Markov chain X → Y → Z, X - Y - Z, or independence, in the words of the text's languages
STRUCTURE = re.compile(
    r"[A-Z]\s*(?:\\to|\\rightarrow|\\longrightarrow|→|-{1,2}|\\leftrightarrow|↔)\s*[A-Z]\s*"
    r"(?:\\to|\\rightarrow|\\longrightarrow|→|-{1,2}|\\leftrightarrow|↔)\s*[A-Z]|"
    r"\\perp|⊥|markov|independen|\bi\.i\.d\b|\biid\b|马尔可夫|马尔科夫|马氏|独立|マルコフ|마르코프|마코프|독립", re.I)
# a measure of variables written side by side: H(XY), I(X; YZ), H(X_1X_2)
_SIDE_BY_SIDE = re.compile(r"(?<![A-Za-z\\{])[HI]\s*\([^()]*[A-Z](?:_(?:\{\w+\}|\w))?\s*[A-Z]")
STRUCTURE_DOUBT = ("the text speaks of Markov chains or independent variables: the relation may "
                   "hold in such a case, which the check does not apply")
MAX_VARIABLES = 4


def _names(text: str) -> list[str] | None:
    """The random variables ``text`` names, one or several side by side (``X_1X_2``, ``XY``: the
    pair, as Chinese texts write it), or None when it is not made of random variables.

    >>> _names("X_{1}"), _names("X_1X_2"), _names(r"\\mathbf{X} Y"), _names("x"), _names("X_1 + 1")
    (['X_1'], ['X_1', 'X_2'], ['X', 'Y'], None, None)
    >>> _names("P_X"), _names("Q")
    (None, None)
    """
    names, at = [], 0
    while at < len(text):
        m = _VARIABLE.match(text, at)
        if not m or m.end() == at:
            return None
        sub = m.group(3) or m.group(4)
        names.append(f"{m.group(1) or m.group(2)}_{sub}" if sub else m.group(1) or m.group(2))
        at = m.end()
    return names or None


def _groups(word: str, inner: str) -> list[list[str]] | None:
    r"""The variables of H(A | B) as [A, B], of I(A; B | C) as [A, B, C] (each a list), or
    None when an argument is not a random variable.

    >>> _groups("I", r"X; Y, Z \mid W"), _groups("H", "X_1, X_2"), _groups("H", "p")
    ([['X'], ['Y', 'Z'], ['W']], [['X_1', 'X_2'], []], None)
    """
    inner = re.sub(r"\\mid|\\vert", "|", inner)
    given = split_top(inner, "|")
    if len(given) > 2:
        return None
    measured = split_top(given[0], ";") if word == "I" else [given[0]]
    if word == "I" and len(measured) == 1:
        measured = split_top(given[0], ",")     # I(X, Y): written with a comma
    if word == "I" and len(measured) != 2 or word == "H" and len(measured) != 1:
        return None
    groups = [[_names(v) for v in split_top(part, ",")] for part in (*measured, *given[1:])]
    if any(None in g for g in groups):
        return None
    flat = [[v for names in g for v in names] for g in groups]
    return flat if len(flat) > len(measured) else flat + [[]]


@functools.lru_cache(maxsize=64)
def _chain_variables(text: str) -> tuple[str, ...] | None:
    found: list[str] = []
    for m in _MEASURE.finditer(text):
        groups = _groups(m.group(1), m.group(2))
        if groups is None:
            return None
        found += [v for g in groups for v in g if v not in found]
    rest = _MEASURE.sub(" ", text)
    # two variables: when the pair's reading cannot take them (draws X_1, X_2; XY side by side)
    pair = len(found) == 2 and (any("_" in v for v in found) or _SIDE_BY_SIDE.search(text))
    if not (3 <= len(found) <= MAX_VARIABLES or pair) or not _REST.fullmatch(rest):
        return None
    return tuple(found)



def draws(variables) -> str:
    """A doubt when variables share a letter (X_1, X_2): read as any random variables, they
    may be meant as independent draws of one distribution; "" otherwise.

    >>> draws(("X_1", "X_2"))[:24], draws(("X", "Y", "Z"))
    ('X_1, X_2 are read as any', '')
    """
    letters = [v.split("_")[0] for v in variables if "_" in v]
    shared = [v for v in variables if "_" in v and letters.count(v.split("_")[0]) > 1]
    if not shared:
        return ""
    return (f"{', '.join(shared)} are read as any random variables with a joint distribution; "
            "the text may mean independent draws of one distribution")


def chain_variables(sides) -> tuple[str, ...] | None:
    r"""The random variables (in the order the chain first names them) when the chain
    ``sides`` is made of Shannon measures of three or four of them alone; None otherwise.

    >>> chain_variables([r"H(X, Y \mid Z)", r"H(X|Z) + H(Y|X,Z)"]), chain_variables(["H(p)", "1"])
    (('X', 'Y', 'Z'), None)
    """
    return _chain_variables(" ; ".join(sides))


def joint_of(variables) -> ob.JointPmf:
    """The joint pmf of ``variables`` (``P_XYZ``), each over K outcomes.

    >>> joint_of(("X", "Y", "Z")).shape
    (K, K, K)
    """
    name = "P_" + "".join(v.replace("_", "") for v in variables)
    return ob.joint_pmf(name, *([se.K] * len(variables)))


def measure(word: str, inner: str, variables) -> sp.Expr | None:
    r"""``H(…)`` or ``I(…)`` of the chain's ``variables``, as a sum of entropies of marginals
    of their joint pmf; None when its arguments are not among them.

    >>> XYZ = ("X", "Y", "Z")
    >>> measure("I", "X; Y | Z", XYZ) == measure("H", "X | Z", XYZ) - measure("H", "X | Y, Z", XYZ)
    True
    """
    groups = _groups(word, inner)
    if groups is None or any(v not in variables for g in groups for v in g):
        return None
    joint = joint_of(variables)
    positions = [{variables.index(v) for v in g} for g in groups]
    if word == "H":
        return shannon.conditional_entropy(joint, positions[0], positions[1])
    return shannon.mutual_information(joint, *positions)
