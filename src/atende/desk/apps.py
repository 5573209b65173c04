from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "atende.desk"
    label = "desk"
    verbose_name = "Atendimentos"

    def ready(self) -> None:
        from atende.accounts.modules import register_module
        from atende.core.navigation import (
            NavSection,
            register_section,
            register_settings_section,
        )
        from atende.desk import audit, customer_tab, files, notifications, permissions  # noqa: F401
        from atende.desk.permissions import DeskPerm
        from atende.tenancy.search import register_search_source
        from atende.workflow.permissions import WorkflowPerm

        register_module("desk", "Atendimentos", models=("ticket", "area"))
        register_search_source("ticket", "desk.Ticket")
        register_section(
            "desk", NavSection("Atendimentos", "desk:queue", order=20, permission=DeskPerm.VIEW)
        )
        register_settings_section(
            "desk", NavSection("Atendimentos", "desk:areas", 30, DeskPerm.MANAGE_AREAS)
        )
        register_settings_section(
            "desk_service_orders",
            NavSection(
                "Ordens de serviço", "desk:service_order_settings", 31, DeskPerm.MANAGE_AREAS
            ),
        )
        register_settings_section(
            "request_types",
            NavSection("Solicitações", "desk:request_types", 35, WorkflowPerm.MANAGE_TYPES),
        )
