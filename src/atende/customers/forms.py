"""Customer registry forms: they parse and shape input; the services write."""

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _

from atende.core.documents import clean, format_document
from atende.core.text import digits, format_cep
from atende.customers.models import (
    Address,
    Category,
    Contact,
    ContactType,
    Customer,
    DirectDebit,
    DocumentType,
    ExtraField,
    ExtraFieldKind,
    Observation,
    Origin,
    OriginType,
    SmsTemplate,
)
from atende.tenancy.models import Member

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CUSTOMER_FIELDS = [
    "kind", "is_active", "registered_on", "name", "trade_name", "document",
    "state_registration", "municipal_registration", "email", "phone", "phone_alt",
    "postal_code", "street", "street_number", "complement", "district", "city", "state",
    "reference", "condominium", "has_billing_address", "billing_postal_code", "billing_street",
    "billing_street_number", "billing_complement", "billing_district", "billing_city",
    "billing_state", "notes", "category", "owner", "origin_type", "origin",
]  # fmt: skip
BILLING_FLAG_FIELDS = [
    "auto_suspend", "charge_boleto_fee", "itemised_invoice", "fiscal_activity_code",
    "charge_fines_and_interest", "allow_progressive_discount", "allow_promotional_discount",
    "email_boleto_before_due", "email_overdue_notice", "never_send_to_credit_bureau",
    "skip_batch_boleto_printing", "ledger_account", "fiscal_classification", "subscriber_type",
]  # fmt: skip
EXTRA_PREFIX = "extra_"


def _extra_form_field(field: ExtraField) -> forms.Field:
    common = {"label": field.label, "required": field.is_required}
    if field.kind == ExtraFieldKind.NUMBER:
        return forms.DecimalField(**common, max_digits=18, decimal_places=6)
    if field.kind == ExtraFieldKind.DATE:
        return forms.DateField(**common, widget=DATE_INPUT)
    if field.kind == ExtraFieldKind.BOOLEAN:
        return forms.BooleanField(label=field.label, required=False)
    if field.kind == ExtraFieldKind.CHOICE:
        choices = [("", "—"), *((option, option) for option in field.options)]
        return forms.ChoiceField(**common, choices=choices)
    return forms.CharField(**common, max_length=500)


def _allow_length(field: forms.CharField, length: int) -> None:
    field.max_length = length
    field.widget.attrs["maxlength"] = str(length)
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(validator, validators.MaxLengthValidator)
    ] + [validators.MaxLengthValidator(length)]


class FilteredSelect(forms.Select):
    """A select whose options carry `data-filter-value` (the instance's `attribute`), so the
    page script can show only those that match another field (`data-filter-by`)."""

    def __init__(self, *args, attribute: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.attribute = attribute

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-filter-value"] = str(getattr(instance, self.attribute))
        return option


class ExtraFieldsMixin:
    """Adds one form field per organization-defined extra field of `extra_target`."""

    extra_target: str

    def add_extra_fields(self, current: dict) -> None:
        self.extra_keys = []
        for field in ExtraField.objects.filter(target=self.extra_target):
            name = f"{EXTRA_PREFIX}{field.key}"
            self.fields[name] = _extra_form_field(field)
            self.initial.setdefault(name, current.get(field.key))
            self.extra_keys.append(field.key)

    def extra_values(self) -> dict:
        values = {}
        for key in self.extra_keys:
            value = self.cleaned_data.get(f"{EXTRA_PREFIX}{key}")
            values[key] = value.isoformat() if hasattr(value, "isoformat") else value
        return values

    def service_fields(self) -> dict:
        """cleaned_data without the extra_* fields, plus `extra` as one dict."""
        fields = {k: v for k, v in self.cleaned_data.items() if not k.startswith(EXTRA_PREFIX)}
        fields["extra"] = self.extra_values()
        return fields


class CustomerForm(ExtraFieldsMixin, forms.ModelForm):
    extra_target = "customer"

    class Meta:
        model = Customer
        fields = CUSTOMER_FIELDS + BILLING_FLAG_FIELDS
        widgets = {
            "registered_on": DATE_INPUT,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "kind": forms.RadioSelect,
            "document": forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off"}),
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 9}),
            "billing_postal_code": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 9}),
            "origin": FilteredSelect(
                attribute="origin_type_id", attrs={"data-filter-by": "origin_type"}
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Typed with their masks; clean_* strips them before the model's own length check.
        _allow_length(self.fields["document"], 18)
        _allow_length(self.fields["postal_code"], 9)
        _allow_length(self.fields["billing_postal_code"], 9)
        self.fields["category"].queryset = Category.objects.filter(is_active=True)
        self.fields["origin_type"].queryset = OriginType.objects.filter(is_active=True)
        self.fields["origin"].queryset = Origin.objects.filter(is_active=True).select_related(
            "origin_type"
        )
        self.fields["owner"].queryset = Member.objects.filter(is_active=True).select_related("user")
        self.add_extra_fields(self.instance.extra or {})
        if not self.is_bound and self.instance.pk:  # show what people type: with masks
            self.initial["document"] = format_document(self.instance.document)
            for name in ("postal_code", "billing_postal_code"):
                self.initial[name] = format_cep(getattr(self.instance, name))

    def clean_document(self) -> str:
        return clean(self.cleaned_data.get("document", ""))

    def clean_postal_code(self) -> str:
        return digits(self.cleaned_data.get("postal_code", ""))

    def clean_billing_postal_code(self) -> str:
        return digits(self.cleaned_data.get("billing_postal_code", ""))

    def validate_unique(self) -> None:
        # The service checks the CPF/CNPJ and names the customer that already has it.
        return


class ContactForm(ExtraFieldsMixin, forms.ModelForm):
    extra_target = "contact"

    class Meta:
        model = Contact
        fields = [
            "name", "contact_type", "role", "phone", "phone_alt", "mobile", "sms_consent",
            "email", "birth_date", "notes",
        ]  # fmt: skip
        widgets = {"birth_date": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_type"].queryset = ContactType.objects.filter(is_active=True)
        if not customer.is_company:
            del self.fields["role"]
        self.add_extra_fields(self.instance.extra or {})


class ObservationForm(forms.ModelForm):
    class Meta:
        model = Observation
        fields = ["text", "is_mandatory_reading"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class CustomerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("1", _("Active")), ("0", _("Inactive")), ("", _("All"))],
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    owner = forms.ModelChoiceField(
        label=_("Portfolio owner"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    city = forms.CharField(label=_("City"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {"active": "1"})
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.all()
        self.fields["owner"].queryset = Member.objects.filter(is_active=True).select_related("user")


class AddressForm(forms.ModelForm):
    class Meta:
        model = Address
        fields = [
            "label", "postal_code", "street", "street_number", "complement", "district",
            "city", "state", "reference",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _allow_length(self.fields["postal_code"], 9)

    def clean_postal_code(self) -> str:
        return digits(self.cleaned_data.get("postal_code", ""))


class DirectDebitForm(forms.ModelForm):
    class Meta:
        model = DirectDebit
        fields = ["bank_code", "agency", "account", "account_type", "identifier", "status"]


class CustomerDocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=DocumentType.objects.none(), required=False
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = DocumentType.objects.filter(is_active=True)


class CustomerEmailForm(forms.Form):
    to = forms.MultipleChoiceField(
        label=_("Send to"), widget=forms.CheckboxSelectMultiple, required=False
    )
    cc = forms.CharField(
        label=_("Copy to"), required=False, help_text=_("E-mails separated by commas.")
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
    attachment = forms.FileField(label=_("Attachment"), required=False)

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = []
        if customer.email:
            choices.append((customer.email, f"{customer.display_name} <{customer.email}>"))
        choices.extend(
            (contact.email, f"{contact.name} <{contact.email}>")
            for contact in customer.contacts.exclude(email="")
        )
        self.fields["to"].choices = choices


class CustomerSmsForm(forms.Form):
    contacts = forms.ModelMultipleChoiceField(
        label=_("Mobiles"), queryset=Contact.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=None, required=False, empty_label="—"
    )
    text = forms.CharField(
        label=_("Message"),
        max_length=480,
        required=False,
        help_text=_("Empty: the template's text is sent."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = customer.contacts.filter(sms_consent=True).exclude(
            mobile=""
        )
        self.fields["template"].queryset = SmsTemplate.objects.filter(is_active=True)


class CustomerExtraFieldsForm(ExtraFieldsMixin, forms.Form):
    """Only the organization's extra fields, edited in place on the Cadastro tab."""

    extra_target = "customer"

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.add_extra_fields(customer.extra or {})
