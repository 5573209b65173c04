"""StoredFile: an uploaded file of an organization, served only by the download view."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.files.policies import USE_MAX_LENGTH
from atende.tenancy.models import TenantModel

ROOT_FOLDER = "org"


def stored_file_path(instance: "StoredFile", filename: str) -> str:
    """`org/<id>/<use>/<yyyy>/<mm>/<uuid>.<ext>`: never a name the user chose."""
    created = instance.created_at
    # Only the (already checked) extension comes from the user's name.
    extension = filename.rpartition(".")[2].lower()
    return (
        f"{ROOT_FOLDER}/{instance.organization_id}/{instance.use}/"
        f"{created:%Y}/{created:%m}/{instance.key.hex}.{extension}"
    )


class StoredFile(TenantModel):
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    use = models.CharField(_("use"), max_length=USE_MAX_LENGTH)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(upload_to=stored_file_path, max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        "tenancy.Member", on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="files_storedfile_key")
        ]
        indexes = [models.Index(fields=["organization", "use", "created_at"], name="files_use")]

    def __str__(self) -> str:
        return self.original_name
