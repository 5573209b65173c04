from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "atende.portal"
    label = "portal"
    verbose_name = "Webdesk"

    def ready(self) -> None:
        from atende.portal.sessions import portal_account_of
        from atende.tenancy.middleware import register_portal_account_resolver

        register_portal_account_resolver(portal_account_of)
        from atende.portal import customer_tab  # noqa: F401  registers the Portal tab
