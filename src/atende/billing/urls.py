"""Billing routes under `/<slug>/financeiro/` and the settings under `/<slug>/configuracoes/`."""

app_name = "billing"

urlpatterns: list = []
