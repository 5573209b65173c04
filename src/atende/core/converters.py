"""URL converters: `<id:number>` takes the numbers people and our tables use.

Django's `int` converter takes any run of digits, and a 25-digit number then overflows the
database (a 500 on PostgreSQL). Ids here are positive 63-bit integers; anything longer is a
400 with a message, not a lookup.
"""

from atende.core.errors import BadInput, ErrorCode

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value) if len(value) <= len(str(MAX_ID)) else MAX_ID + 1
        if number > MAX_ID:
            raise BadInput("Número grande demais no endereço.", code=ErrorCode.INVALID_ID)
        return number

    def to_url(self, value: int) -> str:
        return str(value)
