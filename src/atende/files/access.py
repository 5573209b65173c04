"""Who may download a stored file: one rule per use, registered by the app that owns the use.

An unregistered use is readable by organization administrators only (fail closed).
"""

from collections.abc import Callable

from atende.files.models import StoredFile
from atende.tenancy.models import Member

DownloadRule = Callable[[Member, StoredFile], bool]

_rules: dict[str, DownloadRule] = {}


def register_download_rule(use: str, rule: DownloadRule) -> DownloadRule:
    """`rule(member, stored_file)` → may this member read it? One rule per use."""
    existing = _rules.get(use)
    if existing is not None and _identity(existing) != _identity(rule):
        # A second app registering the same use would silently replace the first one's rule.
        raise ValueError(f"a download rule for use {use!r} is already registered")
    _rules[use] = rule
    return rule


def may_download(member: Member | None, stored_file: StoredFile) -> bool:
    """The use's rule decides; inactive or missing members never read anything."""
    if member is None or not member.is_active:
        return False
    rule = _rules.get(stored_file.use)
    if rule is None:
        return bool(member.is_admin)
    return rule(member, stored_file) is True  # a rule returning None or a queryset denies


def _identity(rule: DownloadRule) -> tuple[str, str, int]:
    # The same function re-imported (a module loaded twice) counts as the same rule.
    code = getattr(rule, "__code__", None)
    return (
        getattr(rule, "__module__", ""),
        getattr(rule, "__qualname__", repr(rule)),
        getattr(code, "co_firstlineno", 0),
    )
