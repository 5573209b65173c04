"""Registry for the isolation walker: how to make an object that a route's URL points to.

Every route under `/<slug>/` or `/api/v1/` that takes an identifier must have a factory here,
registered from `atende/<app>/tests/isolation.py`:

    @isolation_factory("files:download")
    def stored_file(organization):
        return {"key": StoredFileFactory(organization=organization).key}

The factory runs with `organization` active and returns the URL kwargs (without the slug).
The walker (tenancy/tests/test_isolation_walker.py) then asserts that a member of another
organization gets 404 for it, that an anonymous visitor is sent to sign in, and that nothing
changed.
"""

from collections.abc import Callable

IsolationFactory = Callable[[object], dict]

_factories: dict[str, IsolationFactory] = {}


def isolation_factory(*url_names: str) -> Callable[[IsolationFactory], IsolationFactory]:
    """Register `factory(organization) -> url kwargs` for the named routes."""

    def register(factory: IsolationFactory) -> IsolationFactory:
        for url_name in url_names:
            _factories[url_name] = factory
        return factory

    return register


def registered_factories() -> dict[str, IsolationFactory]:
    return dict(_factories)


def isolation_static(*url_names: str, **url_kwargs) -> None:
    """Register routes whose parameters name no object (e.g. a list's key): the walker still
    checks another organization's member and the anonymous visitor on them."""

    def factory(organization) -> dict:
        return dict(url_kwargs)

    factory.names_no_object = True
    for url_name in url_names:
        _factories[url_name] = factory
