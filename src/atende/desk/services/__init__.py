"""Writes of the service desk, split by sub-domain."""
