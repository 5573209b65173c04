"""Gap-free per-organization numbers, safe under concurrent writers."""

from django.db import IntegrityError, transaction

from atende.tenancy.models import Counter


def next_number(name: str) -> int:
    """The next number of `name` in the active organization (call inside the writing
    transaction, so a rolled-back write gives its number back)."""
    with transaction.atomic():
        counter = Counter.objects.select_for_update().filter(name=name).first()
        if counter is None:
            try:
                with transaction.atomic():
                    counter = Counter.objects.create(name=name, value=0)
            except IntegrityError:  # another writer created it first
                counter = Counter.objects.select_for_update().get(name=name)
        counter.value += 1
        counter.save(update_fields=["value"])
        return counter.value
