"""Pure-Python banking core: boletos of seven banks (BB 001, Santander 033, Caixa 104, Bradesco
237, Itaú 341, Sicredi 748, Sicoob 756) with their PDF, PIX BR Codes, CNAB 240/400 return
files and remessas. Imports nothing from Django or other atende packages.

The bank rules (campo livre, check digits, the printed nosso número) live once, in `banks/`;
the CNAB code in `cnab/` calls them, so a boleto, its remessa and its return agree. What each
bank supports, and why, is in README.md beside this file.
"""
