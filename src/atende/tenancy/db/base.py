"""Django's PostgreSQL backend plus per-transaction RLS settings.

Before a statement runs, the organization active in this context (and the unscoped flag) are
written with `set_config(..., true)`, which lasts only until the transaction ends, so a pooled
connection can never carry one organization's setting into another request. A statement that
runs outside a transaction (autocommit) is wrapped in one so the setting applies to it.
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.backends.postgresql import base

from atende.tenancy.context import active_organization_id, is_unscoped

SET_RLS_SQL = (
    "SELECT set_config('atende.organization_id', %s, true), set_config('atende.unscoped', %s, true)"
)

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK")
# An execute wrapper gets the cursor's `execute(sql, params, many, context)` and returns its
# result (typed as django-stubs types BaseDatabaseWrapper.execute_wrappers).
Execute = Callable[[str, Any, bool, dict[str, Any]], Any]


def _wanted_rls_state() -> tuple[str, str]:
    organization_id = active_organization_id()
    return ("" if organization_id is None else str(organization_id), "on" if is_unscoped() else "")


class DatabaseWrapper(base.DatabaseWrapper):
    """PostgreSQL connection whose transactions know the active organization."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rls_state: tuple[str, str] | None = None
        self.execute_wrappers.insert(0, self._apply_rls_state)

    def _apply_rls_state(
        self, execute: Execute, sql: str, params: Any, many: bool, context: dict[str, Any]
    ) -> Any:
        if isinstance(sql, str) and sql.lstrip()[:9].upper().startswith(TRANSACTION_CONTROL):
            # Savepoint bookkeeping reads no rows, and may run in an aborted transaction.
            return execute(sql, params, many, context)
        wanted = _wanted_rls_state()
        if self.get_autocommit():
            if wanted == ("", ""):
                # The server default (no setting) already means "no tenant rows".
                return execute(sql, params, many, context)
            with transaction.atomic(using=self.alias):
                self._set_rls_state(wanted)
                return execute(sql, params, many, context)
        if self._rls_state != wanted:
            self._set_rls_state(wanted)
        return execute(sql, params, many, context)

    def _set_rls_state(self, wanted: tuple[str, str]) -> None:
        # A raw driver cursor bypasses execute wrappers and query logging: no recursion, and
        # the query counts tests pin stay the same on SQLite and PostgreSQL. (Not the
        # statement's own cursor: that one may be a server-side, named cursor.)
        with self.connection.cursor() as raw_cursor:
            raw_cursor.execute(SET_RLS_SQL, wanted)
        self._rls_state = wanted

    # Any end of a transaction (or rollback to a savepoint) discards what set_config stored.
    # (Django's private hooks below are not in django-stubs.)
    def _commit(self) -> None:
        self._rls_state = None
        super()._commit()  # type: ignore[misc]

    def _rollback(self) -> None:
        self._rls_state = None
        super()._rollback()  # type: ignore[misc]

    def _savepoint_rollback(self, sid: str) -> None:
        self._rls_state = None
        super()._savepoint_rollback(sid)  # type: ignore[misc]

    def _close(self) -> None:
        self._rls_state = None
        super()._close()  # type: ignore[misc]
