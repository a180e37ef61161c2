"""Each number of seed 001's policy-entropy example, checked on its own."""

from derivations.catalogue import policy_entropy_examples as policy
from symbolic.quantities import StatedDecimal
from symbolic.verify import check_erratum, check_relation


def _matches(exact, stated):
    return check_relation(exact, StatedDecimal.from_text(stated), "≈").status in (
        "proved", "checked")


def test_policy_entropies_match_the_document():
    assert _matches(policy.entropy_bits(policy.PEAKED), "0.61")
    assert _matches(policy.entropy_bits(policy.SPREAD), "1.98")
    assert not _matches(policy.entropy_bits(policy.PEAKED), "0.60")  # 0.619: the rule is strict


def test_policy_sum_without_sign_is_refuted():
    (erratum,) = policy.derivation().errata
    assert check_erratum(erratum).status == "refuted"

