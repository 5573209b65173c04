"""Accounts: users (e-mail sign-in, TOTP), sectors and their permissions, API tokens.

Imports atende.tenancy and atende.core only.
"""
