"""Fill empty or fuzzy msgstr entries of the pt_BR catalog from a {msgid: msgstr} dict file.

Usage: python scripts/po_fill.py translations.py   (a file defining T = {...}); prints what is
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


def main(path: str) -> int:
    translations = runpy.run_path(path)["T"]
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
    sys.exit(main(sys.argv[1]))
