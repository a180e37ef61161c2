"""symbolic.objects: the kinded objects and the Support that derivations sum over."""
import dataclasses

import pytest
import sympy as sp

from symbolic.objects import (BinaryLabels, Logits, OneHot, Pmf, Probabilities, RealVector,
                              Support, binary_labels, index, logits, one_hot, pmf,
                              probabilities, reals, support_size)


def test_named_support_is_a_positive_integer_size_and_an_integer_index():
    outcomes = Support.named("K", "k")
    assert outcomes.size == support_size("K")
    assert outcomes.index == index("k")
    assert outcomes.size.is_integer and outcomes.size.is_positive
    assert outcomes.index.is_integer
    assert outcomes.limits == (index("k"), 1, support_size("K"))


def test_support_is_frozen_and_compares_by_value():
    assert Support.named("K", "k") == Support.named("K", "k")
    assert Support.named("K", "k") != Support.named("K", "j")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Support.named("K", "k").size = 3


def test_sum_and_product_are_the_plain_sympy_objects():
    outcomes = Support.named("K", "k")
    K, k = support_size("K"), index("k")
    p = pmf("p", K)
    assert outcomes.sum(p[k] * sp.log(p[k])) == sp.Sum(p[k] * sp.log(p[k]), (k, 1, K))
    assert outcomes.product(p[k]) == sp.Product(p[k], (k, 1, K))
    assert outcomes.sum(p[k]).doit() == sp.Sum(p[k], (k, 1, K)).doit()


def test_sum_over_two_supports_runs_the_first_index_innermost():
    X, Y = Support.named("M", "x"), Support.named("N", "y")
    x, y, M, N = index("x"), index("y"), support_size("M"), support_size("N")
    assert X.sum(x * y, Y) == sp.Sum(x * y, (x, 1, M), (y, 1, N))
    assert X.sum(x * y, Y).limits == ((x, 1, M), (y, 1, N))


def test_reindexed_keeps_the_size_and_changes_the_index():
    Y = Support.named("N", "y")
    inner = Y.reindexed("j")
    assert inner == Support(support_size("N"), index("j"))
    assert inner.sum(1) == sp.Sum(1, (index("j"), 1, support_size("N")))


def test_objects_on_a_support_are_those_of_the_plain_constructors():
    outcomes = Support.named("K", "k")
    K = support_size("K")
    assert outcomes.pmf("p") == pmf("p", K)
    assert outcomes.pmf("p", zeros=True) == pmf("p", K, zeros=True)
    assert outcomes.logits("z") == logits("z", K)
    assert outcomes.one_hot("y") == one_hot("y", K)
    assert outcomes.probabilities("x") == probabilities("x", K)
    assert outcomes.binary_labels("y") == binary_labels("y", K)
    assert outcomes.reals("z") == reals("z", K)


def test_objects_on_a_support_keep_their_kind_and_assumptions():
    outcomes = Support.named("K", "k")
    k = outcomes.index
    assert type(outcomes.pmf("p")) is Pmf
    assert outcomes.pmf("p")[k].is_positive is True
    assert outcomes.pmf("p", zeros=True)[k].is_positive is None
    assert outcomes.pmf("p", zeros=True)[k].is_nonnegative is True
    assert type(outcomes.logits("z")) is Logits
    assert type(outcomes.one_hot("y")) is OneHot
    assert type(outcomes.probabilities("x")) is Probabilities
    assert type(outcomes.binary_labels("y")) is BinaryLabels
    assert type(outcomes.reals("z")) is RealVector
    assert outcomes.logits("z").shape == (support_size("K"),)


def test_a_support_of_fixed_size():
    two = Support(2, index("c"))
    assert two.pmf("q") == pmf("q", 2)
    assert two.sum(index("c")).doit() == 3
