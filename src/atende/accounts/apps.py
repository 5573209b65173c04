from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "atende.accounts"
    label = "accounts"
    verbose_name = "Usuários e setores"

    def ready(self) -> None:
        from atende.accounts import audit  # noqa: F401  (registers models with auditlog)
        from atende.accounts.permissions import AccountsPerm
        from atende.core.navigation import (
            NavSection,
            register_section,
            register_settings_section,
        )

        register_section("home", NavSection("Início", "tenancy:home", order=0))
        register_section(
            "settings",
            NavSection(
                "Configurações",
                "accounts:members",
                order=900,
                permission=AccountsPerm.MANAGE_MEMBERS,
                active_prefix="configuracoes/",
            ),
        )
        register_settings_section(
            "members",
            NavSection("Usuários", "accounts:members", 0, AccountsPerm.MANAGE_MEMBERS),
        )
        register_settings_section(
            "sectors",
            NavSection("Setores", "accounts:sectors", 10, AccountsPerm.MANAGE_SECTORS),
        )
