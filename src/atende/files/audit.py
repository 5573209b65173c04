"""Register stored files with the audit log."""

from auditlog.registry import auditlog
from django.utils.translation import gettext_lazy as _

from atende.core.history_format import history_describe
from atende.files.models import StoredFile

auditlog.register(StoredFile, exclude_fields=["sha256"])
history_describe(StoredFile, labels={"uploaded_by": _("uploaded by")})
