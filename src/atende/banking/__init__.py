"""Boletos, PIX BR Code and CNAB bank files in pure Python.

Owns the bank formats; imports nothing from Django nor from any other ``atende`` package.
"""
