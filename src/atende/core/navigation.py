"""The main navigation: apps register their section; each shows only to members who may use it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavSection:
    label: str
    url_name: str
    order: int
    permission: str | None = None  # shown only when the member `can` this
    active_prefix: str = ""  # e.g. "configuracoes/": active on every page under it


_sections: dict[str, NavSection] = {}


def register_section(key: str, section: NavSection) -> None:
    """Add (or replace) a section of the main navigation."""
    _sections[key] = section


def sections() -> list[NavSection]:
    return sorted(_sections.values(), key=lambda section: section.order)


_settings_sections: dict[str, NavSection] = {}


def register_settings_section(key: str, section: NavSection) -> None:
    """Add a tab to Configurações (Usuários, Setores, Clientes…)."""
    _settings_sections[key] = section


def settings_sections() -> list[NavSection]:
    return sorted(_settings_sections.values(), key=lambda section: section.order)
