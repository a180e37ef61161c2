"""Translations: every text a reader sees exists in English and Korean."""
import dataclasses
import re

import pytest
from babel.messages.pofile import read_po

from derivations import registry
from derivations.i18n import (FOLDER, LANGUAGES, UnknownLanguage, all_messages, check_language,
                              derivation_messages, gettext, lookup, missing, translate)

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_is_missing_in_either_language(lang):
    assert missing(registry.build_all(), lang) == []


def test_every_title_reason_note_and_erratum_is_a_message():
    d = registry.build("entropy-at-most-log-support-size")
    contexts = [c for c, _ in derivation_messages(d)]
    assert contexts == ["entropy-at-most-log-support-size|title"] + [
        f"entropy-at-most-log-support-size|step {i}" for i in (1, 2, 3)] + [
        f"entropy-at-most-log-support-size|note {i}" for i in (1, 2)] + [
        "entropy-at-most-log-support-size|erratum 1 wrote",
        "entropy-at-most-log-support-size|erratum 1 correction"]


def test_a_changed_english_text_counts_as_missing():
    d = registry.build("sigmoid-is-inverse-logit")
    steps = (dataclasses.replace(d.steps[0], reason="definition of the logit"),) + d.steps[1:]
    changed = dataclasses.replace(d, steps=steps)
    assert missing([changed], "ko") == [
        "sigmoid-is-inverse-logit|step 1: definition of the logit"]
    # the stale translation is never shown: the English stays
    assert translate(changed, "ko").steps[0].reason == "definition of the logit"


def test_a_new_note_without_translation_counts_as_missing():
    d = registry.build("logit-is-log-odds")
    changed = dataclasses.replace(d, notes=d.notes + ("A third note.",))
    assert missing([changed], "ko") == ["logit-is-log-odds|note 3: A third note."]


def test_translate_replaces_every_text_and_keeps_the_math():
    d = registry.build("shannon-information")
    ko = translate(d, "ko")
    assert ko.title == "섀넌 정보량: 사건의 놀라움(비트)"
    assert ko.steps[0].reason == "log(1/a) = -log a"
    assert ko.steps[1].reason == "비트 단위: nat 단위의 놀라움 -ln P를 ln 2로 나눈다"
    assert [s.expr for s in ko.steps] == [s.expr for s in d.steps]
    assert ko.errata[0].correction.startswith("h(x) := log_b 1/P(x) = -log_b P(x)이다")
    assert ko.errata[0].claim == d.errata[0].claim
    assert translate(d, "en") is d


def test_korean_titles_are_korean_and_use_the_usual_terms():
    titles = {d.name: translate(d, "ko").title for d in registry.build_all()}
    assert all(HANGUL.search(t) for t in titles.values())
    assert titles["kl-is-cross-entropy-minus-entropy"] == \
        "KL 발산은 크로스 엔트로피에서 엔트로피를 뺀 값이다"
    assert "젠센" in titles["jensen-inequality-for-minus-log"]
    assert "로짓" in titles["logit-is-log-odds"]


def test_a_korean_text_without_hangul_is_a_formula_not_an_english_sentence():
    for d in registry.build_all():
        ko = translate(d, "ko")
        texts = [s.reason for s in ko.steps] + list(ko.notes) + [e.correction for e in ko.errata]
        for text in texts:
            if HANGUL.search(text) is None:
                assert not re.search(r"\b(the|and|of|is|by|with)\b", text), (d.name, text)


def test_ui_texts_and_verdicts():
    say = gettext("ko")
    assert say("Next step") == "다음 단계"
    assert say("Step {n} of {total}").format(n=2, total=7) == "7단계 중 2단계"
    assert say("proved", "verdict") == "증명됨"
    assert say("a text nobody translated") == "a text nobody translated"
    assert lookup("a text nobody translated", "ui", "ko") is None
    assert gettext("en")("Next step") == "Next step"


def test_unknown_language():
    assert check_language("en") == "en"
    with pytest.raises(UnknownLanguage, match="unknown language 'fr'; use one of en, ko"):
        translate(registry.build("logit-is-log-odds"), "fr")


def test_the_template_lists_exactly_the_texts_to_translate():
    with open(FOLDER / "messages.pot", "rb") as handle:
        pot = read_po(handle)
    in_pot = [(m.context, m.id) for m in pot if m.id]
    assert in_pot == all_messages(registry.build_all()), \
        "messages.pot is stale: run python -m derivations.i18n"


def test_the_korean_catalogue_has_no_fuzzy_or_obsolete_entries():
    with open(FOLDER / "ko.po", "rb") as handle:
        po = read_po(handle, locale="ko")
    assert [m.id for m in po if m.id and m.fuzzy] == []
    assert list(po.obsolete) == []
