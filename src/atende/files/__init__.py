"""Files: the one upload validator and the one authorising download view.

Imports atende.accounts, atende.tenancy and atende.core.
"""
