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
    r'((?:#[^\n]*\n)*)msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n)+)'
)


def _joined(block: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))


def _translations(path: str) -> dict[str, str]:
    if not path.endswith(".po"):
        return runpy.run_path(path)["T"]
    found = {}
    for comments, msgid_block, msgstr_block in ENTRY.findall(Path(path).read_text()):
        msgid, msgstr = _joined(msgid_block), _joined(msgstr_block)
        if msgid and msgstr and "fuzzy" not in comments:
            found[msgid] = msgstr
    return found


def main(paths: list[str]) -> int:
    translations: dict[str, str] = {}
    for path in paths:
        translations.update(_translations(path))
    missing = []

    def fill(match: re.Match) -> str:
        comments, msgid_block, msgstr_block = match.groups()
        msgid, fuzzy = _joined(msgid_block), "fuzzy" in comments
        if not msgid or (_joined(msgstr_block) and not fuzzy):
            return match.group(0)
        if msgid not in translations:
            missing.append(msgid)
            return match.group(0)
        comments = re.sub(r"#, fuzzy\n", "", comments)
        comments = re.sub(r"#, fuzzy, ", "#, ", comments)
        comments = re.sub(r"#\| [^\n]*\n", "", comments)
        return f'{comments}msgid {msgid_block}msgstr "{translations[msgid]}"\n'

    text = ENTRY.sub(fill, CATALOG.read_text())
    CATALOG.write_text(text)
    for msgid in missing:
        print("missing:", repr(msgid))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
