"""Desk forms: they parse and shape input; the services write."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from atende.customers.models import Contact, Customer
from atende.desk.files import TICKET_ATTACHMENT
from atende.desk.models import Area, Priority, Ticket, TicketStatus
from atende.desk.selectors import OPEN_STATUSES, SCOPES, SORTS, area_resources
from atende.desk.sla import SLA_LABELS, Sla
from atende.files.forms import UploadValidator
from atende.tenancy.models import Member

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to five files, each checked by the ticket-attachment upload policy."""

    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.file_validator = UploadValidator(TICKET_ATTACHMENT)

    def clean(self, data, initial=None) -> list:
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("At most %(count)s files at a time.") % {"count": MAX_ATTACHMENTS}
            )
        cleaned = [super(AttachmentsField, self).clean(item, initial) for item in files]
        for item in cleaned:
            self.file_validator(item)
        return cleaned


def _members_of(area_id) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Assignee"),
        queryset=area_resources(area_id=area_id),
        required=False,
        empty_label=_("Unassigned"),
    )


def _area_id(form: forms.BaseForm, initial) -> int | None:
    raw = form.data.get(form.add_prefix("area")) if form.is_bound else initial
    return int(raw) if str(raw or "").isdigit() and len(str(raw)) < 19 else None


class TicketForm(forms.ModelForm):
    """A new ticket; the assignee list follows the chosen area (htmx refreshes it)."""

    customer_number = forms.IntegerField(
        label=_("Customer (code)"), required=False, min_value=1, max_value=2**63 - 1
    )
    attachments = AttachmentsField(label=_("Attachments"))

    class Meta:
        model = Ticket
        fields = ["title", "description", "area", "assignee", "priority", "due_on", "channel"]
        widgets = {"due_on": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(is_active=True)
        self.fields["assignee"] = _members_of(_area_id(self, self.initial.get("area")))
        self.fields["contact"] = forms.ModelChoiceField(
            label=_("Contact"), queryset=Contact.objects.none(), required=False
        )
        number = self.data.get("customer_number") if self.is_bound else None
        if str(number or "").isdigit() and len(str(number)) < 19:
            self.fields["contact"].queryset = Contact.objects.filter(customer__number=number)

    def customer(self, visible: QuerySet[Customer]) -> Customer | None:
        """The customer whose code was typed, among those the member may see."""
        number = self.cleaned_data.get("customer_number")
        if not number:
            return None
        found = visible.filter(number=number).first()
        if found is None:
            self.add_error("customer_number", _("No customer with this code."))
        return found


class TicketChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TicketStatus.choices)
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none())
    assignee = forms.ModelChoiceField(label=_("Assignee"), queryset=Member.objects.none())
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, ticket: Ticket, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "status": ticket.status,
                "area": ticket.area_id,
                "assignee": ticket.assignee_id,
                "priority": ticket.priority,
                "due_on": ticket.due_on,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(is_active=True) | Area.objects.filter(
            pk=ticket.area_id
        )
        self.fields["assignee"] = _members_of(_area_id(self, ticket.area_id))
        if ticket.request_type_id:
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _("It follows the stages: use the stage's actions.")

    def changes(self) -> dict:
        return dict(self.cleaned_data)


class CommentForm(forms.Form):
    """Reply to the customer or write an internal note, optionally changing the status."""

    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[("reply", _("Reply to the customer")), ("note", _("Internal note"))],
        initial="note",
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    status = forms.ChoiceField(
        label=_("Status after this"),
        choices=[("", _("Keep the current status")), *TicketStatus.choices],
        required=False,
    )
    attachments = AttachmentsField(label=_("Attachments"))


class TimeEntryForm(forms.Form):
    hours = forms.IntegerField(label=_("Hours"), min_value=0, max_value=24, initial=0)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=0, max_value=59, initial=0)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    worked_on = forms.DateField(label=_("Date"), required=False, widget=DATE_INPUT)


class QueueFilterForm(forms.Form):
    scope = forms.ChoiceField(required=False, choices=[(scope, scope) for scope in SCOPES])
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), (OPEN_STATUSES, _("Open")), *TicketStatus.choices],
    )
    area = forms.ModelChoiceField(
        label=_("Area"), queryset=Area.objects.none(), required=False, empty_label=_("All")
    )
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=Member.objects.none(), required=False, empty_label=_("All")
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=[("", _("All")), *Priority.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    customer = forms.IntegerField(
        label=_("Customer (code)"), required=False, min_value=1, max_value=2**63 - 1
    )
    sla = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", _("All"))]
        + [(state.value, SLA_LABELS[state]) for state in Sla if state != Sla.NONE],
    )
    created_from = forms.DateField(label=_("Opened from"), required=False, widget=DATE_INPUT)
    created_to = forms.DateField(label=_("Opened until"), required=False, widget=DATE_INPUT)
    sort = forms.ChoiceField(required=False, choices=[(key, key) for key in SORTS])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.all()
        self.fields["assignee"].queryset = Member.objects.filter(is_active=True).select_related(
            "user"
        )


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Filter name"), max_length=80)
    is_shared = forms.BooleanField(label=_("Share with the organization"), required=False)


class BulkForm(forms.Form):
    numbers = forms.TypedMultipleChoiceField(coerce=int, choices=())
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *TicketStatus.choices]
    )
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=Member.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "lote")  # its fields live outside the form, in the table
        super().__init__(*args, **kwargs)
        numbers = self.data.getlist(self.add_prefix("numbers")) if self.is_bound else []
        valid = [number for number in numbers if number.isdigit() and len(number) < 10][:200]
        self.fields["numbers"].choices = [(number, number) for number in valid]
        self.fields["assignee"].queryset = Member.objects.filter(is_active=True).select_related(
            "user"
        )
        for field in self.fields.values():
            field.widget.attrs["form"] = "bulk"

    def changes(self) -> dict:
        changes: dict = {}
        if self.cleaned_data.get("status"):
            changes["status"] = self.cleaned_data["status"]
        if self.cleaned_data.get("assignee"):
            changes["assignee"] = self.cleaned_data["assignee"]
        return changes


class AreaForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    email = forms.EmailField(
        label=_("Responsible e-mail"),
        required=False,
        help_text=_("Hears of new tickets, customers' messages and near due dates."),
    )
    mail_alias = forms.SlugField(
        label=_("E-mail alias"),
        max_length=40,
        required=False,
        help_text=_("Lowercase letters, digits and hyphens; empty: the organization's address."),
    )
    is_default = forms.BooleanField(label=_("Default area for new tickets"), required=False)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    resources = forms.ModelMultipleChoiceField(
        label=_("Resources (who serves this area)"),
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resources"].queryset = (
            Member.objects.filter(is_active=True).select_related("user").order_by("user__full_name")
        )
