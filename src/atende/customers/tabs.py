"""The customer page's tabs: a registry, so other modules add theirs (Atendimentos, Planos,
Financeiro) without editing this app.

A tab is a function `(request, customer) -> dict` giving the context of its template.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CustomerTab:
    key: str  # the URL segment: /clientes/<number>/<key>/
    label: str
    template: str
    context: Callable[..., dict]
    order: int = 100
    permission: str | None = None


_tabs: dict[str, CustomerTab] = {}


def register_customer_tab(tab: CustomerTab) -> None:
    _tabs[tab.key] = tab


def customer_tabs() -> list[CustomerTab]:
    return sorted(_tabs.values(), key=lambda tab: tab.order)


def customer_tab(key: str) -> CustomerTab | None:
    return _tabs.get(key)
