"""`@django_task`: Celery's `@shared_task`, typed as what this app's tasks are.

Celery's Django fixup makes every task of the app a DjangoTask (it sets `task_cls`), so tasks
have `delay_on_commit`; the stubs' `shared_task` can only say Task.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from celery import shared_task

if TYPE_CHECKING:
    from celery.contrib.django.task import DjangoTask

P = ParamSpec("P")
R = TypeVar("R")


def django_task(**celery_options: Any) -> "Callable[[Callable[P, R]], DjangoTask[P, R]]":
    """`@django_task(max_retries=3)` is `@shared_task(max_retries=3)`."""

    def decorate(func: Callable[P, R]) -> "DjangoTask[P, R]":
        return cast("DjangoTask[P, R]", shared_task(**celery_options)(func))

    return decorate
