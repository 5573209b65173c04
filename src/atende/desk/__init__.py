"""Desk: the service desk (D1–D8): areas and their resources, tickets, timeline, SLA colours,
time entries, saved filters, the e-mail channel and service orders.

Imports atende.customers, atende.files, atende.accounts, atende.tenancy and atende.core.
"""
