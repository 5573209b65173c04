"""Fill empty or fuzzy msgstr entries of the pt_BR catalog from other translations.

Usage: python scripts/po_fill.py SOURCE...   each a .py file defining T = {msgid: msgstr}, or a
.po catalog (its translated, non-fuzzy entries: e.g. the other side of a merge). Prints what is
still missing. Development aid for `make messages`."""

import re
import runpy
import sys
from pathlib import Path

CATALOG = Path(__file__).resolve().parents[1] / "src/atende/locale/pt_BR/LC_MESSAGES/django.po"
ENTRY = re.compile(
    r'((?:#[^\n]*\n)*)((?:msgctxt (?:"(?:[^"\\]|\\.)*"\n)+)?)'
    r'msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n)+)'
)
PLURAL = re.compile(
    r'((?:#[^\n]*\n)*)msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgid_plural ((?:"(?:[^"\\]|\\.)*"\n)+)'
    r'((?:msgstr\[\d\] (?:"(?:[^"\\]|\\.)*"\n)+)+)'
)
FORM = re.compile(r'msgstr\[(\d)\] ((?:"(?:[^"\\]|\\.)*"\n)+)')


def _key(context_block: str, msgid_block: str) -> str:
    """The msgid, prefixed by its context as gettext does (context + EOT)."""
    context = _joined(context_block)
    return f"{context}\x04{_joined(msgid_block)}" if context else _joined(msgid_block)


def _joined(block: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))


def _translations(path: str) -> dict:
    """{msgid: msgstr} and, for plural entries, {(msgid, msgid_plural): [msgstr[0], ...]}."""
    if not path.endswith(".po"):
        return runpy.run_path(path)["T"]
    text = Path(path).read_text()
    found: dict = {}
    for comments, context, msgid_block, msgstr_block in ENTRY.findall(text):
        msgid, msgstr = _key(context, msgid_block), _joined(msgstr_block)
        if msgid and msgstr and "fuzzy" not in comments:
            found[msgid] = msgstr
    for comments, msgid_block, plural_block, forms_block in PLURAL.findall(text):
        forms = [_joined(block) for _, block in FORM.findall(forms_block)]
        if all(forms) and "fuzzy" not in comments:
            found[(_joined(msgid_block), _joined(plural_block))] = forms
    return found


def main(paths: list[str]) -> int:
    translations: dict[str, str] = {}
    for path in paths:
        translations.update(_translations(path))
    missing = []

    def fill(match: re.Match) -> str:
        comments, context, msgid_block, msgstr_block = match.groups()
        msgid, fuzzy = _key(context, msgid_block), "fuzzy" in comments
        if not msgid or (_joined(msgstr_block) and not fuzzy):
            return match.group(0)
        if msgid not in translations:
            missing.append(msgid)
            return match.group(0)
        comments = re.sub(r"#, fuzzy\n", "", comments)
        comments = re.sub(r"#, fuzzy, ", "#, ", comments)
        comments = re.sub(r"#\| [^\n]*\n", "", comments)
        return f'{comments}{context}msgid {msgid_block}msgstr "{translations[msgid]}"\n'

    def fill_plural(match: re.Match) -> str:
        comments, msgid_block, plural_block, forms_block = match.groups()
        key = (_joined(msgid_block), _joined(plural_block))
        forms = [_joined(block) for _, block in FORM.findall(forms_block)]
        if all(forms) and "fuzzy" not in comments:
            return match.group(0)
        if key not in translations:
            missing.append(key[0])
            return match.group(0)
        comments = re.sub(r"#, fuzzy\n", "", comments)
        comments = re.sub(r"#, fuzzy, ", "#, ", comments)
        comments = re.sub(r"#\| [^\n]*\n", "", comments)
        written = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(translations[key]))
        return f"{comments}msgid {msgid_block}msgid_plural {plural_block}{written}"

    text = PLURAL.sub(fill_plural, CATALOG.read_text())
    text = ENTRY.sub(fill, text)
    CATALOG.write_text(text)
    for msgid in missing:
        print("missing:", repr(msgid))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
