"""Korean and English for the catalogue, the site and the book.

English is the source language: the catalogue modules and the UI strings are
written in English.  Every other language is one gettext catalogue beside this
file (``ko.po``), editable with any PO editor.  A derivation's texts are keyed
by *context* — the derivation name and the text's place in it
(``sigmoid-is-inverse-logit|step 3``) — and by the English text itself, so
when the English changes the old translation no longer matches and the text
counts as missing (``missing`` lists it; a test fails) instead of showing a
stale translation.  ``python -m derivations.i18n`` rewrites ``messages.pot``
and merges it into each catalogue (changed texts come back marked fuzzy).

>>> from derivations import registry
>>> d = translate(registry.build("sigmoid-is-inverse-logit"), "ko")
>>> d.title
'시그모이드는 로짓의 역함수이다'
>>> translate(registry.build("sigmoid-is-inverse-logit"), "en").title
'The sigmoid is the inverse of the logit'
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = ("en", "ko")
SOURCE_LANGUAGE = "en"
FOLDER = Path(__file__).parent


class UnknownLanguage(ValueError):
    """A language with no catalogue."""


def check_language(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGUAGES`, else :class:`UnknownLanguage`.

    >>> check_language("ko")
    'ko'
    """
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


@lru_cache(maxsize=None)
def catalog(lang: str):
    """The Babel catalogue of ``lang`` (None for English, the source language).

    >>> catalog("en") is None, catalog("ko").locale.language
    (True, 'ko')
    """
    if check_language(lang) == SOURCE_LANGUAGE:
        return None
    with open(FOLDER / f"{lang}.po", "rb") as handle:
        return read_po(handle, locale=lang)


def lookup(text: str, context: str | None, lang: str) -> str | None:
    """The translation of ``text`` in ``context``; None if missing, fuzzy or stale.

    >>> lookup("proved", "verdict", "ko")
    '증명됨'
    >>> lookup("proved", "verdict", "en")
    'proved'
    """
    found = catalog(lang)
    if found is None:
        return text
    message = found.get(text, context=context)
    if message is None or message.fuzzy or not message.string:
        return None
    return message.string


def gettext(lang: str):
    """A ``gettext(text, context=None)`` for ``lang`` that falls back to English.

    >>> gettext("ko")("Next step", "ui")
    '다음 단계'
    """
    def translated(text: str, context: str | None = "ui") -> str:
        return lookup(text, context, lang) or text
    return translated


def derivation_messages(derivation) -> list[tuple[str, str]]:
    """(context, English text) of every text of a derivation a reader sees.

    >>> from derivations import registry
    >>> derivation_messages(registry.build("sigmoid-is-inverse-logit"))[:2]
    [('sigmoid-is-inverse-logit|title', 'The sigmoid is the inverse of the logit'), \
('sigmoid-is-inverse-logit|step 1', 'definition of the logit (log-odds)')]
    """
    name = derivation.name
    out = [(f"{name}|title", derivation.title)]
    out += [(f"{name}|step {i}", s.reason) for i, s in enumerate(derivation.steps, 1)]
    out += [(f"{name}|note {i}", n) for i, n in enumerate(derivation.notes, 1)]
    for i, e in enumerate(derivation.errata, 1):
        out += [(f"{name}|erratum {i} wrote", e.wrote),
                (f"{name}|erratum {i} correction", e.correction)]
    return out


def translate(derivation, lang: str):
    """A copy of ``derivation`` with its title, reasons, notes and errata in ``lang``.

    A text without a translation stays in English (and ``missing`` reports it).
    """
    if check_language(lang) == SOURCE_LANGUAGE:
        return derivation
    say = gettext(lang)
    name = derivation.name
    steps = tuple(dataclasses.replace(s, reason=say(s.reason, f"{name}|step {i}"))
                  for i, s in enumerate(derivation.steps, 1))
    notes = tuple(say(n, f"{name}|note {i}") for i, n in enumerate(derivation.notes, 1))
    errata = tuple(dataclasses.replace(e, wrote=say(e.wrote, f"{name}|erratum {i} wrote"),
                                       correction=say(e.correction,
                                                      f"{name}|erratum {i} correction"))
                   for i, e in enumerate(derivation.errata, 1))
    return dataclasses.replace(derivation, title=say(derivation.title, f"{name}|title"),
                               steps=steps, notes=notes, errata=errata)


def ui_messages() -> list[tuple[str, str]]:
    """(context, English) of the site, book and figure texts: the template's strings.

    >>> ui_messages()[0]
    ('verdict', 'proved')
    """
    from derivations.i18n.ui import UI_MESSAGES
    return list(UI_MESSAGES)


def all_messages(derivations) -> list[tuple[str, str]]:
    """Every (context, English text) that a catalogue must translate.

    >>> from derivations import registry
    >>> all_messages([registry.build("logit-is-log-odds")])[-1]
    ('logit-is-log-odds|note 2', 'The sigmoid is its inverse: see sigmoid-is-inverse-logit.')
    """
    out = ui_messages()
    for d in derivations:
        out += derivation_messages(d)
    return out


def missing(derivations, lang: str) -> list[str]:
    """``context: English`` of every text with no (current) translation in ``lang``.

    >>> from derivations import registry
    >>> missing(registry.build_all(), "ko")
    []
    """
    return [f"{context}: {text}" for context, text in all_messages(derivations)
            if not text.strip() or not (lookup(text, context, lang) or "").strip()]


def translate_report(report, lang: str):
    """A checked derivation's report with its texts in ``lang`` (verdicts unchanged).

    >>> from derivations import registry
    >>> from symbolic.verify import check_derivation
    >>> report = translate_report(check_derivation(registry.build("logit-is-log-odds")), "ko")
    >>> report.steps[0].step.reason, report.verdict
    ('로짓의 정의', 'proved')
    """
    if check_language(lang) == SOURCE_LANGUAGE:
        return report
    derivation = translate(report.derivation, lang)
    steps = tuple(dataclasses.replace(sr, step=dataclasses.replace(sr.step, reason=step.reason))
                  for sr, step in zip(report.steps, derivation.steps))
    return dataclasses.replace(report, derivation=derivation, steps=steps)
