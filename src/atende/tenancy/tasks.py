"""`@organization_task`: a Celery task that runs inside the organization it was given."""

import functools
from collections.abc import Callable

from celery import shared_task

from atende.tenancy.context import activate


def organization_task(*decorator_args, **celery_options) -> Callable:
    """Like `@shared_task`; the task's first argument, `organization_id`, is activated first.

    Use bare (`@organization_task`) or with Celery options (`@organization_task(max_retries=3)`).
    """

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def run_in_organization(organization_id: int, *args, **kwargs):
            with activate(int(organization_id)):
                return func(organization_id, *args, **kwargs)

        return shared_task(**celery_options)(run_in_organization)

    if decorator_args and callable(decorator_args[0]):
        return decorate(decorator_args[0])
    return decorate
