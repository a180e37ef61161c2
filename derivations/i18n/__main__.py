"""``python -m derivations.i18n``: rewrite ``messages.pot`` from the catalogue and
the UI texts, and merge it into every language's ``.po`` file.

A text whose English changed comes back marked fuzzy (with the old
translation as a suggestion), and a fuzzy text counts as missing until a
translator checks it and removes the flag.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from derivations import registry
from derivations.i18n import FOLDER, LANGUAGES, SOURCE_LANGUAGE, all_messages, missing


def template() -> Catalog:
    """The ``messages.pot`` catalogue: every text to translate, in its context."""
    pot = Catalog(project="infoderive", version="0.1.0", fuzzy=False,
                  creation_date=datetime(2026, 12, 1, tzinfo=timezone.utc))
    for context, text in all_messages(registry.build_all()):
        pot.add(text, context=context)
    return pot


def _write(catalog, path):
    for message in catalog:  # the old English is kept only while a translator checks it
        if not message.fuzzy:
            message.previous_id = []
            message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=False,
                 ignore_obsolete=True, include_previous=True)


def main() -> int:
    pot = template()
    _write(pot, FOLDER / "messages.pot")
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        with open(FOLDER / f"{lang}.po", "rb") as handle:
            po = read_po(handle, locale=lang)
        po.update(pot, no_fuzzy_matching=False)
        _write(po, FOLDER / f"{lang}.po")
    from derivations.i18n import catalog
    catalog.cache_clear()
    gaps = {lang: missing(registry.build_all(), lang) for lang in LANGUAGES}
    for lang, texts in gaps.items():
        print(f"{lang}: {len(texts)} texts to translate")
        for text in texts:
            print(f"  {text}")
    return 1 if any(gaps.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
