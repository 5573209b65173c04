"""Pure-Python banking core: boletos (BB 001, Caixa 104, Bradesco 237), PIX BR Code, CNAB 240/400
return and shipment files, boleto PDF. Imports nothing from Django or other atende packages.
"""
