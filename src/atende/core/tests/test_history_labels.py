"""Every audited field has a Portuguese label in the Histórico (no "Send count", "Cpf/cnpj")."""

from auditlog.registry import auditlog
from django.utils import translation

from atende.core.history_format import HIDDEN_FIELDS, field_label, hidden_fields

# Written the same way in both languages.
SAME_IN_BOTH = {"CPF/CNPJ", "CEP", "E-mail", "SMS", "Total", "Boleto", "Boletos", "PDF", "Gateway",
                "Layout", "Nosso número", "Linha digitável"}  # fmt: skip


def _audited_fields():
    for model in auditlog.get_models():
        options = auditlog.get_model_fields(model)
        include = set(options.get("include_fields") or [])
        skipped = set(options.get("exclude_fields") or []) | HIDDEN_FIELDS | hidden_fields(model)
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if (include and field.name not in include) or field.name in skipped:
                continue
            yield model, field.name


def test_every_audited_field_reads_in_portuguese():
    english = []
    for model, name in _audited_fields():
        with translation.override("pt-br"):
            portuguese = field_label(model, name)
        with translation.override("en"):
            original = field_label(model, name)
        if portuguese == original and portuguese not in SAME_IN_BOTH:
            english.append(f"{model._meta.label}.{name}: {portuguese}")
    assert english == []


def test_labels_keep_their_capitals():
    from atende.customers.models import Customer

    with translation.override("pt-br"):
        labels = {name: field_label(Customer, name) for name in ("document", "state", "kind")}
        billing = field_label(Customer, "billing_postal_code")
    assert labels == {"document": "CPF/CNPJ", "state": "UF", "kind": "Tipo"}
    assert billing == "CEP (cobrança)"
