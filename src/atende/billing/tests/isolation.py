"""The billing routes for the walkers; each area declares its own in `isolation_<area>.py`."""

from atende.billing.tests import (
    isolation_batch,  # noqa: F401
    isolation_cards,  # noqa: F401
    isolation_invoices,  # noqa: F401
    isolation_plans,  # noqa: F401
    isolation_settlement,  # noqa: F401
)
