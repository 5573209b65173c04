"""Batch emission routes (B5), under `/<slug>/financeiro/lotes/`."""

from django.urls import path

from atende.billing.views import batch

urlpatterns = [
    path("financeiro/lotes/", batch.batch_list_view, name="batch_list"),
    path("financeiro/lotes/novo/", batch.batch_new_view, name="batch_new"),
    path("financeiro/lotes/<id:number>/", batch.batch_detail_view, name="batch_detail"),
    path("financeiro/lotes/<id:number>/retomar/", batch.batch_resume_view, name="batch_resume"),
    path("financeiro/lotes/<id:number>/pdf/", batch.batch_pdf_view, name="batch_pdf"),
]
