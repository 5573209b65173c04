"""Translations for branch billgateway: none.

The card-gateway package (src/atende/billing/gateway/) is pure Python with no Django import, so,
like atende.banking, it writes its user-facing messages (GatewayError.message, the decline
messages) directly in Portuguese instead of going through gettext; there are no new msgids.
"""

T: dict[str, str] = {}
