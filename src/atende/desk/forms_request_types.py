"""Forms of Configurações → Solicitações: they parse the input; workflow's services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import Member
from atende.workflow.models import FieldKind, FieldRule, RequestGroup, Responsibility


def _active_members():
    return Member.objects.filter(is_active=True).select_related("user").order_by("user__full_name")


class RequestSettingsForm(forms.Form):
    default_attendant = forms.ModelChoiceField(
        label=_("Default attendant"),
        queryset=Member.objects.none(),
        required=False,
        empty_label="—",
        help_text=_("Receives requests opened in the portal when their type names nobody."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_attendant"].queryset = _active_members()


class _Row(forms.Form):
    """A row of a list form: an existing object (its id posted back) or a new one, which
    comes after the others (`next_position`)."""

    def __init__(self, *args, next_position: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].initial = next_position

    @property
    def is_existing(self) -> bool:
        if self.is_bound:
            return bool(self.data.get(self.add_prefix("id")))
        return bool(self.initial.get("id"))


class GroupRowForm(_Row):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Group"), max_length=80)
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=999)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


GroupFormSet = forms.formset_factory(GroupRowForm, extra=1)


class RequestTypeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    group = forms.ModelChoiceField(label=_("Group"), queryset=RequestGroup.objects.none())
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown to customers when they choose the type."),
    )
    default_attendant = forms.ModelChoiceField(
        label=_("Default attendant"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("The organization's default attendant"),
        help_text=_("Receives requests of this type opened in the portal."),
    )
    is_active = forms.BooleanField(
        label=_("Active (customers may open it in the portal)"),
        required=False,
        help_text=_("A type needs stages before it can be active."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = RequestGroup.objects.order_by("position", "name")
        self.fields["default_attendant"].queryset = _active_members()


class StageRowForm(_Row):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Stage"), max_length=80)
    responsibility = forms.ChoiceField(
        label=_("Whose turn"), choices=Responsibility.choices, initial=Responsibility.CUSTOMER
    )
    area = forms.TypedChoiceField(
        label=_("Area (company stages)"), coerce=int, empty_value=None, required=False
    )
    allows_forward = forms.BooleanField(label=_("Moves forward"), required=False, initial=True)
    allows_back = forms.BooleanField(label=_("May go back"), required=False)
    allows_conclusion = forms.BooleanField(label=_("May be concluded"), required=False)
    allows_cancellation = forms.BooleanField(
        label=_("May be cancelled"), required=False, initial=True
    )
    asks_understanding = forms.BooleanField(
        label=_("The company writes its understanding"), required=False
    )
    rejection_stage = forms.TypedChoiceField(
        label=_("A rejected understanding goes back to"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Empty: the previous stage."),
    )

    def __init__(self, *args, area_choices=(), stage_choices=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "—"), *area_choices]
        self.fields["rejection_stage"].choices = [("", "—"), *stage_choices]


StageFormSet = forms.formset_factory(StageRowForm, extra=1, can_delete=True)


class FieldRowForm(_Row):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    label = forms.CharField(label=_("Label"), max_length=80)
    key = forms.CharField(
        label=_("Key"),
        max_length=40,
        required=False,
        help_text=_("Empty: made from the label."),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=FieldKind.choices, initial=FieldKind.TEXT)
    choices = forms.CharField(
        label=_("Options (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=999)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.is_existing:
            # The key is how requests store the value: fixed once the field exists.
            self.fields["key"].widget.attrs["readonly"] = True
            self.fields["key"].help_text = ""


FieldFormSet = forms.formset_factory(FieldRowForm, extra=1, can_delete=True)


class RulesForm(forms.Form):
    """One select per stage × field; the name carries both ids."""

    def __init__(self, *args, stages=(), fields=(), rules=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        rules = rules or {}
        self.rows = []
        for stage in stages:
            cells = []
            for field in fields:
                name = f"r-{stage.pk}-{field.pk}"
                self.fields[name] = forms.ChoiceField(
                    label=field.label,
                    choices=FieldRule.choices,
                    initial=rules.get((stage.pk, field.pk), FieldRule.EDITABLE),
                    widget=forms.Select(attrs={"aria-label": f"{field.label} — {stage.name}"}),
                )
                cells.append((field, name))
            self.rows.append((stage, cells))

    def rules(self) -> dict[tuple[int, int], str]:
        result = {}
        for name, rule in self.cleaned_data.items():
            _, stage_id, field_id = name.split("-")
            result[(int(stage_id), int(field_id))] = rule
        return result

    def bound_rows(self):
        return [
            (stage, [(field, self[name]) for field, name in cells]) for stage, cells in self.rows
        ]
