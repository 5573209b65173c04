"""Django's PostgreSQL backend plus per-transaction RLS settings.

Before a statement runs, the organization active in this context (and the unscoped flag) are
written with `set_config(..., true)`, which lasts only until the transaction ends, so a pooled
connection can never carry one organization's setting into another request. A statement that
runs outside a transaction (autocommit) is wrapped in one so the setting applies to it.
"""

from django.db import transaction
from django.db.backends.postgresql import base

from atende.tenancy.context import active_organization_id, is_unscoped

SET_RLS_SQL = (
    "SELECT set_config('atende.organization_id', %s, true), set_config('atende.unscoped', %s, true)"
)

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK")


def _wanted_rls_state() -> tuple[str, str]:
    organization_id = active_organization_id()
    return ("" if organization_id is None else str(organization_id), "on" if is_unscoped() else "")


class DatabaseWrapper(base.DatabaseWrapper):
    """PostgreSQL connection whose transactions know the active organization."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._rls_state: tuple[str, str] | None = None
        self.execute_wrappers.insert(0, self._apply_rls_state)

    def _apply_rls_state(self, execute, sql, params, many, context):
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
    def _commit(self):
        self._rls_state = None
        return super()._commit()

    def _rollback(self):
        self._rls_state = None
        return super()._rollback()

    def _savepoint_rollback(self, sid):
        self._rls_state = None
        return super()._savepoint_rollback(sid)

    def _close(self):
        self._rls_state = None
        return super()._close()
