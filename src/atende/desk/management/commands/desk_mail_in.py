"""`manage.py desk_mail_in [--recipient ADDRESS] < message.eml`: file one e-mail (MTA pipe).

Exit status for the MTA (sysexits.h): 0 filed or deliberately dropped (duplicate, auto-reply,
bounce); 67 (EX_NOUSER) the address names no organization; 75 (EX_TEMPFAIL) an unexpected
error, so the MTA keeps the message and tries again later.
"""

import logging
import sys

from django.core.management.base import BaseCommand, CommandParser

from atende.desk.services.mail_in import mail_receive

logger = logging.getLogger(__name__)

EX_NOUSER = 67
EX_TEMPFAIL = 75
MAX_MESSAGE_BYTES = 40 * 1024 * 1024


class Command(BaseCommand):
    stealth_options = ("stdin",)  # tests give the message as a bytes stream
    help = "Lê uma mensagem de e-mail (RFC 822) da entrada padrão e a arquiva no atendimento."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--recipient",
            default="",
            help="Destinatário do envelope (o MTA informa; ex.: suporte+empresa@dominio).",
        )

    def handle(self, *args: object, recipient: str, **options: object) -> None:
        stdin = options.get("stdin") or sys.stdin
        raw = getattr(stdin, "buffer", stdin).read(MAX_MESSAGE_BYTES + 1)
        if len(raw) > MAX_MESSAGE_BYTES:
            self.stderr.write("Mensagem maior que 40 MB: recusada.")
            sys.exit(EX_NOUSER)
        try:
            outcome = mail_receive(raw=raw, recipient=recipient or None)
        except Exception:
            logger.exception("desk_mail_in: the message could not be filed")
            sys.exit(EX_TEMPFAIL)
        if outcome.result == "no_route":
            self.stderr.write("Nenhuma empresa recebe e-mail neste endereço.")
            sys.exit(EX_NOUSER)
        number = f" #{outcome.ticket_number}" if outcome.ticket_number else ""
        self.stdout.write(f"{outcome.result}{number}")
