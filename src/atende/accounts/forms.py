"""Forms of the accounts app: they parse and shape input, never write."""

from typing import Any, cast

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _

from atende.accounts.models import Sector, User
from atende.accounts.modules import module_permissions


class LoginForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True}))
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class TotpForm(forms.Form):
    code = forms.CharField(
        label=_("Authentication code"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class TotpDisableForm(forms.Form):
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.none(),
        required=False,
        empty_label=_("No sector"),
    )
    is_admin = forms.BooleanField(label=_("Administrator"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sector = cast("forms.ModelChoiceField[Sector]", self.fields["sector"])
        sector.queryset = Sector.objects.all()


class InvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=150)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.none(),
        required=False,
        empty_label=_("No sector"),
    )
    is_admin = forms.BooleanField(label=_("Administrator"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sector = cast("forms.ModelChoiceField[Sector]", self.fields["sector"])
        sector.queryset = Sector.objects.all()


class InvitationNewAccountForm(forms.Form):
    """Name and password of someone who joins Atende through an invitation."""

    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean() returns cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MemberForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.none(),
        required=False,
        empty_label=_("No sector"),
    )
    is_admin = forms.BooleanField(label=_("Administrator"), required=False)
    only_own_portfolio = forms.BooleanField(
        label=_("Only my portfolio"),
        required=False,
        help_text=_("Sees and finds only the customers they own (salespeople)."),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sector = cast("forms.ModelChoiceField[Sector]", self.fields["sector"])
        sector.queryset = Sector.objects.all()


class SectorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    permissions = forms.ModelMultipleChoiceField(
        label=_("Permissions"),
        queryset=Permission.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        permissions = cast("forms.ModelMultipleChoiceField[Permission]", self.fields["permissions"])
        permissions.queryset = module_permissions()


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80)
