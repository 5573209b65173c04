"""CNAB 400 return details of Itaú, Santander, Sicoob and Sicredi (FACTS-more-banks.md)."""

from atende.banking.cnab.layout400 import Layout

LAYOUTS: dict[str, Layout] = {}
