"""Customers: the registry (C1–C12) and its record rules (T4).

Imports atende.files, atende.accounts, atende.tenancy and atende.core.
"""
