"""Writes of the accounts app, split by sub-domain."""
