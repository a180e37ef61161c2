"""Reading models with parameters θ: the names of model and data pmfs.

The meaning of a relation about models — the quantities ``Conditional``, ``Marginal``,
``Likelihood``, ``ModelCrossEntropy``, ``ModelKL``, ``ArgMin`` and the constant — is the
engine's (:mod:`symbolic.models`), and so are its checks (:mod:`symbolic.model_checks`);
they are re-exported here for the reader.

>>> from symbolic.latex_in.parse import Reader
>>> side = Reader().read_side(r"-\\frac{1}{N}\\sum_{i=1}^{N} \\log p_{model}(y_i \\mid x_i, \\theta)")
>>> sorted(str(a) for a in side.atoms(Conditional))
['Conditional(p_model, i)']
"""
from __future__ import annotations

import re

from symbolic.models import (CONST, DATA_SIZE, DATA_SIZE_NAMES, EMPIRICAL, LAZY,  # noqa: F401
                             POINT_KINDS, ArgMin, Conditional, Likelihood, Marginal,
                             ModelCrossEntropy, ModelKL, is_model_claim, model_symbol, resolve)


def conditional_name(word: str, subscript: str | None) -> tuple[str, bool] | None:
    """(name, is_empirical) of a pmf written with a name, or None if not a model/data pmf.

    >>> conditional_name(r"\\hat{p}", "data"), conditional_name("p", "model")
    (('hatp_data', True), ('p_model', False))
    """
    hat = word.startswith("\\hat")
    letter = re.sub(r"[^A-Za-z]", "", word.replace("\\hat", ""))
    sub = (subscript or "").strip()
    if hat and sub in ("data", "\\text{data}", "\\mathrm{data}", "emp"):
        return EMPIRICAL, True
    if not hat and sub in ("model", "\\text{model}", "\\mathrm{model}", "\\theta", "{\\theta}"):
        return f"{letter.lower()}_model" if sub.endswith("model") else f"{letter.lower()}_theta", False
    return None
