"""Writes of the customer registry, split by sub-domain."""
