"""Who may download a stored file: one rule per use, registered by the app that owns the use.

An unregistered use is readable by organization administrators only (fail closed).
"""

from collections.abc import Callable

from atende.files.models import StoredFile
from atende.tenancy.models import Member

DownloadRule = Callable[[Member, StoredFile], bool]

_rules: dict[str, DownloadRule] = {}


def register_download_rule(use: str, rule: DownloadRule) -> None:
    """`rule(member, stored_file)` → may this member read it?"""
    _rules[use] = rule


def may_download(member: Member, stored_file: StoredFile) -> bool:
    rule = _rules.get(stored_file.use)
    if rule is None:
        return member.is_admin
    return rule(member, stored_file)
