"""Cross-cutting primitives: formats, pagination, htmx helpers, layout templates, DomainError.

Imports nothing from other atende apps; holds no domain models.
"""
