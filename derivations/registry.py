"""The catalogue: every derivation by name, in the order ``infoderive list`` shows.

An explicit dict (no registration by side effect); ``tests/test_registry.py``
asserts every module of :mod:`derivations.catalogue` appears here.

>>> "sigmoid-is-inverse-logit" in REGISTRY
True
"""
from __future__ import annotations

import difflib

from derivations.catalogue import (jensen_bound_on_agreement, kl_is_cross_entropy_minus_entropy,
                                   sigmoid_is_inverse_logit)
from derivations.catalogue import (kl_is_an_expectation, kl_two_outcome_example,
                                   one_hot_cross_entropy_is_nll,
                                   jensen_inequality_for_minus_log,
                                   jensen_equality_for_minus_log, unit_loss_agreement_bound,
                                   coin_information_in_bits, coin_entropies_in_bits,
                                   policy_entropy_examples,
                                   kl_is_expected_log_likelihood_ratio,
                                   cross_entropy_is_entropy_plus_kl,
                                   mnist_one_hot_cross_entropy,
                                   nll_is_cross_entropy_with_empirical_distribution,
                                   kl_and_cross_entropy_share_their_minimiser,
                                   keras_categorical_crossentropy_example,
                                   entropy_in_bits_and_nats)
from derivations.catalogue import (  # seed 002: odds, softmax, losses, information
    bernoulli_likelihood_to_binary_cross_entropy, binary_cross_entropy_gradient_with_logits,
    binary_cross_entropy_is_two_class_cross_entropy, conditional_entropy_chain_rule,
    entropy_at_most_log_support_size, joint_entropy_of_independent_variables,
    kl_divergence_is_asymmetric, kl_divergence_is_nonnegative, logit_is_log_odds,
    multiclass_cross_entropy_with_softmax, mutual_information_identities,
    odds_and_probability, shannon_information, sigmoid_derivative,
    log_sum_exp_is_shift_equivariant, softmax_cross_entropy_gradient,
    softmax_is_odds_over_sum_of_odds, softmax_is_shift_invariant,
    softmax_two_classes_is_sigmoid, spam_example_cross_entropy)

MODULES = (
    kl_is_cross_entropy_minus_entropy,
    sigmoid_is_inverse_logit,
    jensen_bound_on_agreement,
    kl_is_an_expectation,
    kl_two_outcome_example,
    one_hot_cross_entropy_is_nll,
    odds_and_probability,
    logit_is_log_odds,
    softmax_is_odds_over_sum_of_odds,
    softmax_two_classes_is_sigmoid,
    jensen_inequality_for_minus_log,
    jensen_equality_for_minus_log,
    unit_loss_agreement_bound,
    coin_information_in_bits,
    coin_entropies_in_bits,
    policy_entropy_examples,
    bernoulli_likelihood_to_binary_cross_entropy,
    binary_cross_entropy_is_two_class_cross_entropy,
    multiclass_cross_entropy_with_softmax,
    shannon_information,
    entropy_at_most_log_support_size,
    kl_is_expected_log_likelihood_ratio,
    cross_entropy_is_entropy_plus_kl,
    mnist_one_hot_cross_entropy,
    nll_is_cross_entropy_with_empirical_distribution,
    kl_and_cross_entropy_share_their_minimiser,
    joint_entropy_of_independent_variables,
    conditional_entropy_chain_rule,
    mutual_information_identities,
    kl_divergence_is_nonnegative,
    kl_divergence_is_asymmetric,
    spam_example_cross_entropy,
    keras_categorical_crossentropy_example,
    entropy_in_bits_and_nats,
    softmax_cross_entropy_gradient,
    sigmoid_derivative,
    binary_cross_entropy_gradient_with_logits,
    log_sum_exp_is_shift_equivariant,
    softmax_is_shift_invariant,
)

REGISTRY = {module.NAME: module.derivation for module in MODULES}

#: Former names of renamed derivations, still accepted by ``show`` and ``check``.
ALIASES = {old: module.NAME for module in MODULES for old in getattr(module, "FORMER_NAMES", ())}

#: The five source documents (in ``../shared/seeds/``).
SEED_FILES = (
    "000_785bcb426b630ca2.txt",
    "001_9d059b10c48cc65c.txt",
    "002_639aed3e79f5524e.txt",
    "003_e19f8268ba8bea9e.txt",
    "004_73ece5ec3713df33.txt",
)


class UnknownDerivation(KeyError):
    """A name that is not in the catalogue; ``close`` lists similar names."""

    def __init__(self, name: str):
        self.name = name
        self.close = difflib.get_close_matches(name, list(REGISTRY), n=3, cutoff=0.6)
        super().__init__(name)

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.close)}?" if self.close else \
            "; run 'infoderive list' to see every name"
        return f"unknown derivation {self.name!r}{hint}"


def build(name: str):
    """The derivation called ``name``.

    >>> build("sigmoid-is-inverse-logit").title
    'The sigmoid is the inverse of the logit'
    >>> build("softmax-and-log-sum-exp-are-shift-invariant").name   # a former name
    'log-sum-exp-is-shift-equivariant'
    """
    try:
        return REGISTRY[ALIASES.get(name, name)]()
    except KeyError:
        raise UnknownDerivation(name) from None


def build_all() -> list:
    """Every derivation of the catalogue, in registry order."""
    return [builder() for builder in REGISTRY.values()]
