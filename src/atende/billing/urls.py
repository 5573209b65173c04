"""Billing routes under `/<slug>/financeiro/` and the settings under `/<slug>/configuracoes/`."""

app_name = "billing"

urlpatterns: list = []

from atende.billing import urls_batch  # noqa: E402

urlpatterns += urls_batch.urlpatterns
