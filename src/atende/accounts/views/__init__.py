"""Views of the accounts app (thin: parse, call a service, render)."""
