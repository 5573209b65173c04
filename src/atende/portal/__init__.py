"""Portal: the customers' Webdesk (W5–W7) at /<organization>/webdesk/: portal accounts sign in
with their own password, open typed requests, follow them, approve understandings.

The top layer: imports desk, workflow, customers, accounts, tenancy, core; nothing imports it
but the URL configuration and the API root.
"""
