"""The pt_BR catalog is complete and compiled: users see Portuguese."""

import re
from pathlib import Path

from django.utils import translation

CATALOG = Path(__file__).resolve().parents[2] / "locale" / "pt_BR" / "LC_MESSAGES" / "django.po"


def _entries() -> list[tuple[str, str]]:
    text = CATALOG.read_text()
    pattern = r'msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n)+)'
    joined = lambda block: "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))  # noqa: E731
    return [(joined(msgid), joined(msgstr)) for msgid, msgstr in re.findall(pattern, text)]


def test_every_message_has_a_portuguese_translation():
    untranslated = [msgid for msgid, msgstr in _entries() if msgid and not msgstr]
    assert untranslated == []


def test_every_plural_form_is_translated():
    plural = r'msgid_plural (?:"(?:[^"\\]|\\.)*"\n)+((?:msgstr\[\d\] (?:"(?:[^"\\]|\\.)*"\n)+)+)'
    forms = r'msgstr\[\d\] ((?:"(?:[^"\\]|\\.)*"\n)+)'
    joined = lambda block: "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))  # noqa: E731
    empty = [
        block
        for block in re.findall(plural, CATALOG.read_text())
        if not all(joined(form) for form in re.findall(forms, block))
    ]
    assert empty == []


def test_no_translation_is_a_fuzzy_guess():
    # gettext ignores fuzzy entries, so users would see English there.
    assert "#, fuzzy" not in CATALOG.read_text()


def test_the_compiled_catalog_is_used():
    with translation.override("pt-br"):
        assert translation.gettext("Sign in") == "Entrar"
        assert translation.gettext("Customers") == "Clientes"
    assert CATALOG.with_suffix(".mo").stat().st_mtime >= CATALOG.stat().st_mtime - 1
