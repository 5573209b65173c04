"""Portal forms: they parse; the desk's services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from atende.desk.forms import AttachmentsField


class NewRequestForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(label=_("Your request"), widget=forms.Textarea(attrs={"rows": 6}))
    attachments = AttachmentsField(label=_("Attachments"))


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachments = AttachmentsField(label=_("Attachments"))


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("Where it will be used, e.g. “ERP da loja”."),
    )
