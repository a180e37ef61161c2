"""infoderive's engine: quantities, derivations, verification, lemmas, LaTeX out and in.

The names a notebook needs are importable from ``symbolic`` itself; each is
loaded on first use (PEP 562), so ``import symbolic`` stays light (the pytest
plugin imports it).  Numeric reference implementations live in
:mod:`symbolic.numeric`, pytest helpers in :mod:`symbolic.testing`.

>>> import sympy as sp
>>> from symbolic import Support, KLDivergence, check_relation
>>> outcomes = Support.named("K", "k")
>>> p, q = outcomes.pmf("p"), outcomes.pmf("q")
>>> v = check_relation(KLDivergence(p, q), 0, "≥")
>>> v.status, v.method
('proved', 'lemma: gibbs')
"""
from __future__ import annotations

import importlib

#: Public name → the module that defines it.
_HOMES = {
    "symbolic.objects": ("Support", "pmf", "joint_pmf", "logits", "one_hot", "probabilities",
                         "binary_labels", "reals", "support_size", "index"),
    "symbolic.quantities": ("Entropy", "CrossEntropy", "KLDivergence", "AgreementProbability",
                            "JointEntropy", "MarginalEntropyX", "MarginalEntropyY",
                            "ConditionalEntropyYX", "ConditionalEntropyXY",
                            "MutualInformation", "Sigmoid", "Logit", "Odds", "LogSumExp",
                            "Softmax", "LogSoftmax", "BinaryCrossEntropy", "Information",
                            "StatedDecimal"),
    "symbolic.context": ("Context",),
    "symbolic.derivation": ("Derivation", "Step", "Source", "Erratum"),
    "symbolic.relations": ("RELATIONS",),
    "symbolic.verdict": ("Verdict", "Counterexample"),
    "symbolic.verify": ("CheckOptions", "check_relation", "check_derivation",
                        "check_derivations"),
    "symbolic.lemmas": ("LEMMAS", "Lemma", "Proof", "lemma_named"),
    "symbolic.printing": ("latex",),
}

_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'symbolic' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
