"""Reading received e-mail without the database: what is trimmed off, what stays."""

import pytest

from atende.desk.mail_text import html_to_text, ticket_number_in, trim_reply


@pytest.mark.parametrize(
    "text",
    [
        "Obrigada!\n\nEm seg., 1 de dez. de 2026 às 10:00, Suporte <s@a.com> escreveu:\n> Oi",
        "Obrigada!\n\nEm seg., 1 de dez. de 2026 às 10:00, S <\ns@a.com> escreveu:\n\n> Oi",
        "Obrigada!\n\nOn Mon, Dec 1, 2026 at 10:00 AM Suporte <s@a.com> wrote:\n> Oi",
        "Obrigada!\n\nOn 1 Dec 2026, at 10:00, Suporte <s@a.com> wrote:\n\n> Oi",
        "Obrigada!\n\n-------- Original Message --------\nSubject: Oi\n\nOi",
        "Obrigada!\n\n-----Mensagem original-----\nDe: Suporte\nAssunto: Oi\n\nOi",
        "Obrigada!\n\n______________________\nDe: S <s@a.com>\nEnviado: segunda\n\nOi",
        "Obrigada!\n\nDe: Suporte <s@a.com>\nEnviada em: segunda-feira\nPara: Rita\n\nOi",
        "Obrigada!\n-- \nRita Souza\nPadaria Pão Quente\n(11) 5555-0000",
        "Obrigada!\n\nEnviado do meu iPhone",
        "Obrigada!\n\n> Oi\n> Tudo bem?",
    ],
)
def test_quoted_history_and_signatures_are_trimmed(text):
    assert trim_reply(text) == "Obrigada!"


def test_an_answer_below_the_quote_is_kept():
    text = (
        "Em seg., 1 de dez. de 2026, Suporte <s@a.com> escreveu:\n> Reiniciou?\n\nSim, duas vezes."
    )
    assert trim_reply(text) == "Sim, duas vezes."


def test_a_forward_and_a_line_that_only_looks_like_a_header_stay():
    forwarded = "Vejam:\n\n---------- Mensagem encaminhada ---------\nDe: X <x@y>\n\nTexto"
    assert trim_reply(forwarded) == forwarded
    assert trim_reply("De: hoje em diante\nnão funciona.") == "De: hoje em diante\nnão funciona."
    assert trim_reply("> só citação") == "> só citação"  # nothing else: the whole text


def test_html_becomes_text_without_scripts_styles_or_tags():
    html = "<style>b{}</style><div>Oi&nbsp;<b>você</b><br>linha 2</div><script>x()</script>"
    assert html_to_text(html) == "Oi\xa0você\nlinha 2"


@pytest.mark.parametrize(
    ("subject", "number"),
    [("Re: [#42] Internet", 42), ("RES: RES: [#7]", 7), ("Chamado #42", None), ("[#] x", None)],
)
def test_the_ticket_number_in_the_subject(subject, number):
    assert ticket_number_in(subject) == number
