"""The upload validator for forms: `file = UploadField(use="customer_document")`."""

from contextlib import suppress
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

from atende.core.errors import DomainError
from atende.files.policies import upload_policy
from atende.files.validation import validate_upload


@deconstructible
class UploadValidator:
    """Django validator for a use's policy (forms or model FileFields); errors in Portuguese."""

    def __init__(self, use: str) -> None:
        # Only the name is kept: the policy is looked up when a file is checked, so apps may
        # register their policies after the form module is imported.
        self.use = use

    def __call__(self, uploaded_file: Any) -> None:
        try:
            validate_upload(uploaded_file, policy=upload_policy(self.use))
        except DomainError as error:
            raise ValidationError(error.message, code=error.code) from error

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadValidator) and other.use == self.use

    def __hash__(self) -> int:
        return hash(self.use)


class UploadField(forms.FileField):
    """A FileField checked by the use's upload policy; the input offers only its extensions."""

    def __init__(self, *, use: str, **kwargs: Any) -> None:
        self.use = use
        kwargs["validators"] = [*kwargs.get("validators", ()), UploadValidator(use)]
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        # A policy registered after this form was built gets no hint; the server still checks.
        with suppress(LookupError):
            attrs["accept"] = upload_policy(self.use).accept
        return attrs
