"""The billing routes for the walkers; each area declares its own in `isolation_<area>.py`."""

from atende.billing.tests import (
    isolation_invoices,  # noqa: F401
    isolation_settlement,  # noqa: F401
)
