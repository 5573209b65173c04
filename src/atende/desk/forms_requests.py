"""Forms of typed requests: a stage's extra fields as form fields (the stage's rules decide which
are shown, required or read-only — and the services check them again), and the moves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from atende.core.errors import DomainError, InvalidFields
from atende.core.forms import add_domain_error
from atende.desk.files import TICKET_ATTACHMENT
from atende.files.forms import UploadValidator
from atende.workflow.engine import MOVE_LABELS, FieldAtStage, Move
from atende.workflow.models import FieldKind, FieldRule

PREFIX = "campo_"
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _form_field(item: FieldAtStage, *, editable: bool) -> forms.Field:
    field = item.field
    common = {
        "label": field.label,
        "required": editable and item.rule == FieldRule.REQUIRED,
        "disabled": not editable or not item.is_editable,
    }
    if field.kind == FieldKind.NUMBER:
        return forms.DecimalField(**common, max_digits=18, decimal_places=6)
    if field.kind == FieldKind.DATE:
        return forms.DateField(**common, widget=DATE_INPUT)
    if field.kind == FieldKind.BOOLEAN:
        return forms.BooleanField(**{**common, "required": False})
    if field.kind == FieldKind.CHOICE:
        choices = [("", _("Select…")), *((option, option) for option in field.options)]
        return forms.ChoiceField(**common, choices=choices)
    if field.kind == FieldKind.FILE:
        return forms.FileField(**common, validators=[UploadValidator(TICKET_ATTACHMENT)])
    return forms.CharField(**common, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class StageFieldsForm(forms.Form):
    """The fields a stage shows; `editable=False` shows them all read-only."""

    def __init__(self, *args, fields: list[FieldAtStage], editable: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = [item for item in fields if item.rule != FieldRule.HIDDEN]
        for item in self.items:
            name = PREFIX + item.field.key
            self.fields[name] = _form_field(item, editable=editable)
            value = item.value
            if item.field.kind == FieldKind.FILE:
                value = None  # a stored file is shown as a link, never re-posted
            self.initial.setdefault(name, value)

    def add_domain_error(self, error: DomainError) -> None:
        """The services name fields by key; the form's inputs carry the prefix."""
        if isinstance(error, InvalidFields):
            error = InvalidFields({self._name(key): texts for key, texts in error.errors.items()})
        elif error.field:
            error.field = self._name(error.field)
        add_domain_error(self, error)

    def _name(self, key: str) -> str:
        return PREFIX + key if PREFIX + key in self.fields else key

    def values(self) -> dict:
        """What the user sent for editable fields (an upload stays an UploadedFile: the
        service stores it with the ticket; no new upload keeps the stored file)."""
        sent = {}
        for item in self.items:
            name = PREFIX + item.field.key
            if self.fields[name].disabled:
                continue
            value = self.cleaned_data.get(name)
            if item.field.kind == FieldKind.FILE:
                if value:
                    sent[item.field.key] = value
                continue
            sent[item.field.key] = value.isoformat() if hasattr(value, "isoformat") else value
        # A read-only or hidden field posted anyway (a crafted form) goes to the service as
        # sent: it refuses the change naming the field, instead of the form ignoring it.
        for name, raw in [*self.data.items(), *self.files.items()]:
            if name.startswith(PREFIX) and (name not in self.fields or self.fields[name].disabled):
                sent[name.removeprefix(PREFIX)] = raw
        return sent


class MoveForm(forms.Form):
    # Chosen by the button pressed, so refusals about it belong to the whole form.
    move = forms.ChoiceField(
        choices=[(move.value, MOVE_LABELS[move]) for move in Move], widget=forms.HiddenInput
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)


class UnderstandingForm(forms.Form):
    text = forms.CharField(label=_("Understanding"), widget=forms.Textarea(attrs={"rows": 4}))


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        coerce=lambda value: value == "1",
        choices=[("1", _("Approve")), ("0", _("Reject"))],
        widget=forms.HiddenInput,  # the button pressed
    )
    reason = forms.CharField(label=_("What is not right"), required=False, max_length=1000)
