"""Documents attached to a customer (C10), stored through the files app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.customers.models.catalogs import DocumentType
from atende.customers.models.customer import Customer
from atende.tenancy.models import TenantModel


class CustomerDocument(TenantModel):
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="documents", db_index=False
    )
    document_type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        verbose_name=_("document type"),
    )
    stored_file = models.ForeignKey(
        "files.StoredFile", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["organization", "customer", "created_at"], name="customers_doc_customer"
            ),
            models.Index(fields=["organization", "stored_file"], name="customers_doc_file"),
        ]

    def __str__(self) -> str:
        name = self.stored_file.original_name
        return f"{self.description} ({name})" if self.description else name
