"""What billing tells the rest of itself without importing it: `invoice_paid` is sent (after
commit) when payments settle an invoice in full, so subscriptions can reactivate."""

from django.dispatch import Signal

# sender=Invoice, invoice=<Invoice>
invoice_paid = Signal()
