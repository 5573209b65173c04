"""`@organization_task`: a Celery task that runs inside the organization it was given."""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, overload

from atende.core.tasks import django_task
from atende.tenancy.context import activate

if TYPE_CHECKING:
    from celery.contrib.django.task import DjangoTask

P = ParamSpec("P")
R = TypeVar("R")
# A task whose first argument is the organization's id.
OrganizationTask = Callable[Concatenate[int, P], R]


@overload
def organization_task(
    func: "OrganizationTask[P, R]", /
) -> "DjangoTask[Concatenate[int, P], R]": ...
@overload
def organization_task(
    **celery_options: Any,
) -> "Callable[[OrganizationTask[P, R]], DjangoTask[Concatenate[int, P], R]]": ...
def organization_task(
    *decorator_args: "OrganizationTask[P, R]", **celery_options: Any
) -> (
    "DjangoTask[Concatenate[int, P], R]"
    " | Callable[[OrganizationTask[P, R]], DjangoTask[Concatenate[int, P], R]]"
):
    """Like `@shared_task`; the task's first argument, `organization_id`, is activated first.

    Use bare (`@organization_task`) or with Celery options (`@organization_task(max_retries=3)`).
    """

    def decorate(func: "OrganizationTask[P, R]") -> "DjangoTask[Concatenate[int, P], R]":
        @functools.wraps(func)
        def run_in_organization(organization_id: int, *args: P.args, **kwargs: P.kwargs) -> R:
            with activate(int(organization_id)):
                return func(organization_id, *args, **kwargs)

        return django_task(**celery_options)(run_in_organization)

    if decorator_args and callable(decorator_args[0]):
        return decorate(decorator_args[0])
    return decorate
