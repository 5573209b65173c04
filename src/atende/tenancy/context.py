"""The active organization: one context variable, set by the middleware, tasks and tests."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from atende.tenancy.models import Organization

_active_organization_id: ContextVar[int | None] = ContextVar("atende_organization", default=None)
_unscoped: ContextVar[bool] = ContextVar("atende_unscoped", default=False)


class NoActiveOrganization(RuntimeError):
    """A tenant table was queried with no organization active: a bug, never a user error."""


def active_organization_id() -> int | None:
    """The id of the organization requests/tasks currently act for, or None."""
    return _active_organization_id.get()


def require_active_organization_id() -> int:
    organization_id = _active_organization_id.get()
    if organization_id is None:
        raise NoActiveOrganization(
            "No organization is active: activate one or use tenancy.dangerously_unscoped()."
        )
    return organization_id


class ActorOutsideOrganization(RuntimeError):
    """A service was called by a member of another organization than the active one: a bug
    (STYLE §3: the actor carries the tenant, and the two must agree)."""


def ensure_actor_in_active_organization(actor: object) -> None:
    """Refuse an actor (Member, portal account…) whose organization is not the active one."""
    organization_id = getattr(actor, "organization_id", None)
    active = _active_organization_id.get()
    if organization_id is None or organization_id != active:
        raise ActorOutsideOrganization(
            f"Actor of organization {organization_id} used while organization {active} is active."
        )


def is_unscoped() -> bool:
    return _unscoped.get()


@contextmanager
def activate(organization: object) -> Iterator[None]:
    """Act for one organization (an Organization or its id) inside the block."""
    organization_id = getattr(organization, "pk", organization)
    if not isinstance(organization_id, int):
        raise TypeError("activate() takes an Organization or its integer id")
    token = _active_organization_id.set(organization_id)
    unscoped_token = _unscoped.set(False)
    try:
        yield
    finally:
        _unscoped.reset(unscoped_token)
        _active_organization_id.reset(token)


@contextmanager
def dangerously_unscoped() -> Iterator[None]:
    """See every organization's rows: only for tenancy internals, commands and platform admin."""
    token = _unscoped.set(True)
    try:
        yield
    finally:
        _unscoped.reset(token)


def activate_for_this_context(organization: "Organization") -> None:
    """Set the organization for the rest of the current context (the middleware's per-request
    copy). Elsewhere use `activate()`, which undoes itself."""
    _active_organization_id.set(organization.pk)
    _unscoped.set(False)
