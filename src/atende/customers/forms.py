"""Customer registry forms: they parse and shape input; the services write."""

from collections.abc import Callable
from datetime import date
from functools import partial

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _

from atende.core.documents import format_document
from atende.core.errors import DomainError
from atende.core.phones import phone_display
from atende.core.text import format_cep
from atende.customers.banks import DIRECT_DEBIT_BANKS, bank_label, direct_debit_identifier
from atende.customers.models import (
    Address,
    Category,
    Contact,
    ContactType,
    Customer,
    CustomerKind,
    DirectDebit,
    DocumentType,
    ExtraField,
    ExtraFieldKind,
    Observation,
    Origin,
    OriginType,
    SmsTemplate,
)
from atende.customers.validation import (
    document_clean,
    phone_clean,
    postal_code_clean,
    sms_consent_check,
)
from atende.tenancy.models import Member

# Dates typed and shown as dd/mm/aaaa whatever the browser's language (a type="date" input
# follows the browser's locale); the pt-BR input formats accept it, ISO too.
DATE_INPUT = forms.DateInput(
    format="%d/%m/%Y",
    attrs={
        "inputmode": "numeric",
        "placeholder": "dd/mm/aaaa",
        "data-mask": "date",
        "maxlength": "10",
        "autocomplete": "off",
    },
)
SELECT_PROMPT = _("Select…")
PHONE_ATTRS = {"type": "tel", "inputmode": "tel", "data-mask": "phone", "autocomplete": "tel"}
CEP_ATTRS = {
    "inputmode": "numeric",
    "maxlength": "9",
    "data-mask": "cep",
    "autocomplete": "postal-code",
}
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
        choices = [("", SELECT_PROMPT), *((option, option) for option in field.options)]
        return forms.ChoiceField(**common, choices=choices)
    return forms.CharField(**common, max_length=500)


def prompt_selects(form: forms.BaseForm) -> None:
    """Empty choices read "Selecione…" instead of Django's "---------"."""
    for form_field in form.fields.values():
        if isinstance(form_field, forms.ModelMultipleChoiceField):
            continue
        if isinstance(form_field, forms.ModelChoiceField):
            if form_field.empty_label is not None:
                form_field.empty_label = SELECT_PROMPT
        elif isinstance(form_field, forms.ChoiceField):
            choices = list(form_field.choices)
            if choices and choices[0][0] == "" and str(choices[0][1]).startswith("---"):
                form_field.choices = [("", SELECT_PROMPT), *choices[1:]]


def domain_check(form: forms.BaseForm, check: Callable[[], object], field: str) -> object:
    """Run one of the services' field rules on the form, so its refusal shows beside the
    form's own errors; returns the rule's value (None when refused)."""
    try:
        return check()
    except DomainError as refused:
        form.add_error(field if field in form.fields else None, refused.message)
        return None


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


def _iso_date(text: str) -> date | str:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


class ExtraFieldsMixin:
    """Adds one form field per organization-defined extra field of `extra_target`."""

    extra_target: str

    def add_extra_fields(self, current: dict) -> None:
        self.extra_keys = []
        for field in ExtraField.objects.filter(target=self.extra_target):
            name = f"{EXTRA_PREFIX}{field.key}"
            self.fields[name] = _extra_form_field(field)
            value = current.get(field.key)
            if field.kind == ExtraFieldKind.DATE and isinstance(value, str):
                value = _iso_date(value)  # stored ISO, shown dd/mm/aaaa
            self.initial.setdefault(name, value)
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
            "document": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "data-mask": "document"}
            ),
            "phone": forms.TextInput(attrs=PHONE_ATTRS),
            "phone_alt": forms.TextInput(attrs=PHONE_ATTRS),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "postal_code": forms.TextInput(attrs=CEP_ATTRS),
            "billing_postal_code": forms.TextInput(attrs=CEP_ATTRS),
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
        prompt_selects(self)
        if self.instance.kind == CustomerKind.COMPANY:  # alphanumeric CNPJ: letters too
            self.fields["document"].widget.attrs["inputmode"] = "text"
        if not self.is_bound and self.instance.pk:  # show what people type: with masks
            self.initial["document"] = format_document(self.instance.document)
            for name in ("postal_code", "billing_postal_code"):
                self.initial[name] = format_cep(getattr(self.instance, name))
            for name in ("phone", "phone_alt"):
                self.initial[name] = phone_display(getattr(self.instance, name))

    def clean(self) -> dict:
        # The services' own rules, run here too so that every error shows in one answer.
        data = super().clean()
        for name in ("postal_code", "billing_postal_code"):
            if name in data:
                data[name] = domain_check(
                    self, partial(postal_code_clean, data[name], field=name), name
                )
        for name in ("phone", "phone_alt"):
            if name in data:
                data[name] = domain_check(self, partial(phone_clean, data[name], field=name), name)
        if "document" in data and data.get("kind"):
            data["document"] = domain_check(
                self, partial(document_clean, data["kind"], data["document"]), "document"
            )
        return data

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
        widgets = {
            "birth_date": DATE_INPUT,
            "notes": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs=PHONE_ATTRS),
            "phone_alt": forms.TextInput(attrs=PHONE_ATTRS),
            "mobile": forms.TextInput(attrs={**PHONE_ATTRS, "autocomplete": "tel-national"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_type"].queryset = ContactType.objects.filter(is_active=True)
        if not customer.is_company:
            del self.fields["role"]
        self.add_extra_fields(self.instance.extra or {})
        prompt_selects(self)
        if not self.is_bound and self.instance.pk:
            for name in ("phone", "phone_alt", "mobile"):
                self.initial[name] = phone_display(getattr(self.instance, name))

    def clean(self) -> dict:
        data = super().clean()
        for name in ("phone", "phone_alt", "mobile"):
            if name in data:
                rule = partial(phone_clean, data[name], field=name, mobile=name == "mobile")
                data[name] = domain_check(self, rule, name)
        if data.get("mobile") is not None and "mobile" not in self.errors:
            rule = partial(
                sms_consent_check, mobile=data["mobile"], sms_consent=data.get("sms_consent", False)
            )
            domain_check(self, rule, "mobile")
        return data


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

        widgets = {"postal_code": forms.TextInput(attrs=CEP_ATTRS)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _allow_length(self.fields["postal_code"], 9)
        if not self.is_bound and self.instance.pk:
            self.initial["postal_code"] = format_cep(self.instance.postal_code)

    def clean_postal_code(self) -> str | None:
        value = self.cleaned_data.get("postal_code", "")
        return domain_check(self, partial(postal_code_clean, value), "postal_code")


class DirectDebitForm(forms.ModelForm):
    bank_code = forms.ChoiceField(label=_("Bank"))

    class Meta:
        model = DirectDebit
        fields = ["bank_code", "agency", "account", "account_type", "identifier", "status"]
        widgets = {
            "agency": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "account": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bank_code"].choices = [
            ("", SELECT_PROMPT),
            *((code, bank_label(code)) for code in DIRECT_DEBIT_BANKS),
        ]
        # "Código Identificador": the system fills it in (a click fills the field; left empty,
        # the service fills it when saving).
        identifier = self.fields["identifier"]
        identifier.required = False
        suggested = direct_debit_identifier(customer.number)
        identifier.widget.attrs.update({"data-fill": suggested, "placeholder": suggested})
        identifier.help_text = _("Filled in by the system: click the field, or leave it empty.")
        prompt_selects(self)


class CustomerDocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=DocumentType.objects.none(), required=False
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = DocumentType.objects.filter(is_active=True)
        prompt_selects(self)


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
        label=_("Template"), queryset=None, required=False, empty_label=SELECT_PROMPT
    )
    text = forms.CharField(
        label=_("Message"),
        max_length=480,
        required=False,
        help_text=_(
            "Empty: the template's text is sent. Placeholders such as {nome} and {codigo} are "
            "filled in for each contact."
        ),
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


class BulkMessageForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Send"),
        choices=[("sms", _("SMS to consenting mobiles")), ("email", _("E-mail"))],
        widget=forms.RadioSelect,
        initial="sms",
    )
    template = forms.ModelChoiceField(
        label=_("SMS template"), queryset=None, required=False, empty_label=SELECT_PROMPT
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    text = forms.CharField(
        label=_("Message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Placeholders such as {nome} and {codigo} are filled in for each recipient. "
            "Empty: the template's text is sent."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = SmsTemplate.objects.filter(is_active=True)

    def message_text(self) -> str:
        data = self.cleaned_data
        template = data.get("template") if data.get("channel") == "sms" else None
        return data.get("text") or (template.text if template else "")
