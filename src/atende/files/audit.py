from auditlog.registry import auditlog

from atende.files.models import StoredFile

auditlog.register(StoredFile, exclude_fields=["sha256"])
