"""Settlement routes (B4): bank return files, manual settlement and undoing a payment."""

from django.urls import path

from atende.billing.views import settlement

urlpatterns = [
    path("financeiro/retornos/", settlement.return_file_list_view, name="return_files"),
    path(
        "financeiro/retornos/enviar/",
        settlement.return_file_upload_view,
        name="return_file_upload",
    ),
    path("financeiro/retornos/<id:pk>/", settlement.return_file_detail_view, name="return_file"),
    path("financeiro/baixa-manual/", settlement.manual_settle_view, name="manual_settle"),
    path(
        "financeiro/pagamentos/<id:pk>/desfazer/",
        settlement.payment_undo_view,
        name="payment_undo",
    ),
]
