"""What the boleto PDF says, read back with poppler's pdftotext: names in any language, every
FEBRABAN field, each bank's own formats, text fitted by width, and the PIX checks."""

import io
import shutil
import struct
import subprocess
import unicodedata
import zlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary, Boleto, Payer
from atende.banking.pdf import boletos_pdf, printable
from atende.banking.pdffont import BOLD, REGULAR, DocumentFont, font_program, text_width
from atende.banking.pdflayout import fit_line, fit_paragraphs
from atende.banking.pix import crc16, pix_parse, pix_payload
from atende.banking.tests.pdftools import pdf_text

NAMES = ["Łukasz Żółć", "Nguyễn Văn Ánh", "Ærøskøbing", "Σίσυφος Παπαδόπουλος", "Ёжик Туманов"]


def _boleto(**changes: object) -> Boleto:
    base = Boleto(
        bank="237", amount=Decimal("150.00"), due_date=date(2026, 12, 10), nosso_numero="456",
        beneficiary=Beneficiary(name="Demo Telecom Ltda", document="11222333000181",
                                agency="1234", account="123456", wallet="09",
                                address="Av. Paulista, 1000", district="Bela Vista",
                                city="São Paulo", state="SP", postal_code="01310100"),
        payer=Payer(name="Cliente", document="52998224725", address="Rua A, 10"),
    )  # fmt: skip
    return Boleto(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def _text(*boletos: Boleto) -> str:
    output = io.BytesIO()
    boletos_pdf(list(boletos), output)
    return pdf_text(output.getvalue())


def test_names_in_any_language_print_and_extract_exactly():
    payer = Payer(name=NAMES[0], document="52998224725", address=NAMES[1], city=NAMES[2])
    beneficiary = Beneficiary(name=NAMES[3], agency="1234", account="123456", wallet="09")
    text = _text(_boleto(payer=payer, beneficiary=beneficiary, guarantor_name=NAMES[4]))
    assert f"{NAMES[0]} – CPF 529.982.247-25" in text
    assert f"{NAMES[1]} – {NAMES[2]}" in text
    assert NAMES[3] in text
    assert f"Sacador/Avalista: {NAMES[4]}" in text
    # Each of those letters has a real glyph in both embedded fonts (none drawn as a box).
    for name in (REGULAR, BOLD):
        cmap = font_program(name).file.charToGlyph
        assert [char for char in "".join(NAMES) if cmap.get(ord(char), 0) == 0] == []


def test_combining_accents_print_as_the_composed_letter():
    decomposed = "Nguye\u0302\u0303n"  # e + circumflex + tilde, as some systems store it
    assert "Nguyễn – CPF" in _text(_boleto(payer=Payer(name=decomposed, document="52998224725")))


def test_a_letter_the_font_lacks_still_extracts():
    # Lato has no CJK: the glyphs are the font's box, but the text is kept for search and copy.
    assert "山田 太郎" in _text(_boleto(payer=Payer(name="山田 太郎")))


def test_the_font_is_embedded_as_a_subset():
    output = io.BytesIO()
    boletos_pdf([_boleto()], output)
    pdf = output.getvalue()
    assert pdf.count(b"/FontFile2") == 2  # regular and bold, each once
    assert pdf.count(b"+Lato-Regular") == 3  # Type0, CIDFont and descriptor name the subset
    assert len(pdf) < 40_000  # the two whole fonts are 1.3 MB


def test_every_ficha_field_is_printed():
    boleto = _boleto(guarantor_name="Fomento Mercantil S.A.", guarantor_document="11444777000161",
                     discount=Decimal("5.00"), fine=Decimal("1.50"))  # fmt: skip
    text = _text(boleto)
    for label in ("Local de pagamento", "Vencimento", "Beneficiário", "Data do documento",
                  "Nº do documento", "Espécie doc.", "Aceite", "Data processamento",
                  "Nosso número", "Uso do banco", "Carteira", "Espécie", "Quantidade",
                  "(x) Valor", "(=) Valor do documento", "(-) Desconto / Abatimento",
                  "(-) Outras deduções", "(+) Mora / Multa", "(+) Outros acréscimos",
                  "(=) Valor cobrado", "Pagador", "Código de baixa",
                  "Agência / Código do beneficiário", "Autenticação mecânica – Ficha de "
                  "Compensação"):  # fmt: skip
        assert label in text, label
    assert "Av. Paulista, 1000 – Bela Vista – São Paulo/SP – CEP 01310-100" in text
    assert text.count("Sacador/Avalista: Fomento Mercantil S.A. – CNPJ 11.444.777/0001-61") == 2
    assert "R$ 5,00" in text
    assert "R$ 1,50" in text


BANKS = [
    # BB convênio 7 with agência 4042 and conta 61900: the DVs of FACTS.md §5 ("4042-8 /
    # 00061900-0"), printed instead of the convênio.
    ({"bank": "001", "agencia": "4042", "conta": "61900", "convenio": "1234567",
      "carteira": "17", "nosso_numero": "5"}, "Banco do Brasil", "001-9", "4042-8 / 00061900-0"),
    ({"bank": "104", "agencia": "1234", "codigo_beneficiario": "005507", "nosso_numero": "8"},
     "CAIXA", "104-0", "1234 / 005507-7"),  # CX-BOL Anexo VI: 005507 → DV 7
    ({"bank": "237", "agencia": "1467", "conta": "19669", "carteira": "09", "nosso_numero": "1"},
     "Bradesco", "237-2", "1467-2 / 0019669-P"),  # vectors dv-28 and dv-47
    ({"bank": "341", "agencia": "0057", "conta": "12345", "carteira": "110",
      "nosso_numero": "12345678"}, "Itaú", "341-7", "0057 / 12345-7"),  # ITAU-BOL Anexo 2
    ({"bank": "033", "agencia": "0059", "codigo_beneficiario": "1899775", "carteira": "102",
      "nosso_numero": "9000026"}, "Santander", "033-7", "0059 / 1899775"),
    ({"bank": "756", "agencia": "4277", "codigo_beneficiario": "0172278", "carteira": "1",
      "nosso_numero": "4"}, "Sicoob", "756-0", "4277 / 17227-8"),
    ({"bank": "748", "agencia": "0165", "posto": "02", "codigo_beneficiario": "00623",
      "carteira": "1", "nosso_numero": "07/200003-1"}, "Sicredi", "748-X", "0165.02.00623"),
]  # fmt: skip


@pytest.mark.parametrize(("inputs", "name", "code", "beneficiary"), BANKS,
                         ids=lambda value: value if isinstance(value, str) else "")  # fmt: skip
def test_each_bank_prints_its_name_code_beneficiary_and_nosso_numero(
    inputs, name, code, beneficiary
):
    boleto = boleto_from_inputs({**inputs, "valor": "10.00", "vencimento": "2026-12-10",
                                 "beneficiario": "Demo Ltda"})  # fmt: skip
    codes = boleto_codes(boleto)
    text = _text(boleto)
    assert text.count(f"{code}\n") == 2
    assert text.count(f"{name}\n") == 2
    assert text.count(codes.linha_digitavel) == 2
    assert text.count(beneficiary) == 2
    assert text.count(codes.nosso_numero) == 2


def test_text_fits_by_measured_width_not_by_count():
    wide, narrow = "W" * 30, "i" * 30  # same count, very different widths
    assert fit_line(narrow, BOLD, 9, 100) == (narrow, 9)
    text, size = fit_line(wide, BOLD, 9, 100, 5)
    assert text.endswith("…")
    assert size == 5
    assert text_width(text, BOLD, 5) <= 100 < text_width(wide, BOLD, 5)
    # A name slightly too wide shrinks, whole, instead of being cut.
    name = "Comércio de Artigos Náuticos Ærøskøbing"
    text, size = fit_line(name, BOLD, 9, text_width(name, BOLD, 9) - 1)
    assert (text, size) == (name, 8.75)


def test_long_instructions_wrap_and_shrink_and_are_never_lost():
    words = [f"palavra{number}" for number in range(120)]
    lines, size = fit_paragraphs([" ".join(words)], REGULAR, 8.5, 380, 113)
    assert " ".join(lines).split() == words
    assert size < 8.5
    assert all(text_width(line, REGULAR, size) <= 380 for line in lines)
    text = _text(_boleto(instructions=(" ".join(words),)))
    assert " ".join(text.split()).count(" ".join(words[:10])) == 1
    assert "palavra119" in text


def _bad_crc(payload: str) -> str:
    return payload[:-4] + ("0000" if payload[-4:] != "0000" else "1111")


def _with_key(key: str) -> str:
    body = (f"00020126{len(key) + 22:02d}0014br.gov.bcb.pix01{len(key):02d}{key}52040000"
            "5303986540515.005802BR5904Demo6008Campinas62070503***6304")  # fmt: skip
    return body + crc16(body)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (_bad_crc(pix_payload(key="pix@demo.com.br", name="Demo", city="X", amount="150")),
         "PIX do boleto: CRC do BR Code não confere"),
        (pix_payload(key="pix@demo.com.br", name="Demo", city="X", amount="149.99"),
         r"valor diferente do boleto \(R\$ 149,99\)"),
        (pix_payload(key="pix@demo.com.br", name="Demo", city="X"), r"\(sem valor\)"),
        (_with_key("12345678900"), "PIX do boleto: Chave PIX: CPF ou CNPJ com dígito"),
    ],
)  # fmt: skip
def test_a_pix_that_does_not_match_the_boleto_is_refused_before_printing(payload, message):
    written = io.BytesIO()
    with pytest.raises(BankingError, match=message) as caught:
        boletos_pdf([_boleto(pix_payload=payload)], written)
    assert caught.value.field == "pix"
    assert b"/Type /Page " not in written.getvalue()
    inputs = {"bank": "237", "agencia": "1234", "conta": "1", "carteira": "09",
              "nosso_numero": "1", "valor": "150.00", "pix": payload}  # fmt: skip
    with pytest.raises(BankingError, match=message):
        boleto_from_inputs(inputs)


def test_the_key_check_is_the_one_that_fails_for_a_bad_cpf():
    assert pix_parse(_with_key("12345678900")).amount == Decimal("15.00")  # parses otherwise


def test_pix_wording_tells_to_pay_one_way_or_the_other():
    payload = pix_payload(key="pix@demo.com.br", name="Demo", city="Campinas", amount="150.00")
    text = " ".join(_text(_boleto(pix_payload=payload)).split())
    assert "Pague com PIX ou com o código de barras" in text
    assert (
        "Use só um dos dois meios: o QR code PIX ao lado e o código de barras cobram o mesmo "
        "valor (R$ 150,00). Quem paga pelos dois paga duas vezes." in text
    )


def test_a_boleto_without_amount_prints_no_amount():
    text = _text(_boleto(amount=Decimal("0.00")))
    assert "R$ 0,00" not in text


def _letters() -> list[str]:
    """Letters of Latin-1, Latin Extended-A/B and Additional, Greek and Cyrillic that the font
    has (the few it lacks are medieval or archaic) and that NFC keeps as they are."""
    cmap = font_program(BOLD).file.charToGlyph
    ranges = [(0x41, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF), (0x370, 0x3FF), (0x400, 0x4FF)]
    return [
        chr(code)
        for low, high in ranges
        for code in range(low, high + 1)
        if unicodedata.category(chr(code)).startswith("L")
        and code in cmap
        and unicodedata.normalize("NFC", chr(code)) == chr(code)
    ]


@given(st.lists(st.text(st.sampled_from(_letters()), min_size=1, max_size=9), min_size=1,
                max_size=4))  # fmt: skip
@settings(max_examples=25, deadline=None)
def test_any_name_made_of_these_letters_extracts_exactly(words):
    name = " ".join(words)
    text = _text(_boleto(payer=Payer(name=name, document="52998224725")))
    assert f"{name} – CPF 529.982.247-25" in text


def test_every_bank_scans_back_from_the_rendered_pages(tmp_path):
    """Seven pages, one per bank, rasterised by poppler and read by zbar."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("pdftoppm/zbarimg not installed (Debian poppler-utils and zbar-tools)")
    boletos = [
        boleto_from_inputs({**inputs, "valor": "10.00", "vencimento": "2026-12-10"})
        for inputs, *_ in BANKS
    ]
    pdf = tmp_path / "banks.pdf"
    with pdf.open("wb") as output:
        boletos_pdf(boletos, output)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    for number, boleto in enumerate(boletos, start=1):
        scanned = subprocess.run(
            ["zbarimg", "--raw", "-q", str(tmp_path / f"page-{number}.png")],
            capture_output=True, text=True, check=True,
        ).stdout.split()  # fmt: skip
        assert scanned == [boleto_codes(boleto).barcode]


def test_printable_refuses_what_would_stop_a_batch_half_way():
    # Caixa's agência is not part of the barcode, so only the printed code notices letters.
    caixa = boleto_from_inputs({"bank": "104", "agencia": "12a4", "codigo_beneficiario": "005507",
                                "nosso_numero": "8", "valor": "1.00"})  # fmt: skip
    assert boleto_codes(caixa).nosso_numero == "14000000000000008-1"
    with pytest.raises(BankingError, match="Agência: use apenas dígitos") as caught:
        printable(caixa)
    assert caught.value.field == "agencia"
    assert printable(_boleto()) == boleto_codes(_boleto())


def _tables(font: bytes) -> dict[str, bytes]:
    """The tables of a TrueType file, read from its table directory (OpenType spec)."""
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", font[12 + 16 * index : 28 + 16 * index])
        tables[tag.decode()] = font[offset : offset + length]
    return tables


def test_each_cid_draws_the_glyph_of_its_character_in_the_subset():
    """Subset a font for a few characters (two share a glyph: space and no-break space) and
    check, from the subset's own tables, that every CID maps to a glyph with that character's
    advance, and that the subset holds only those glyphs (plus accents of composites)."""
    font = DocumentFont(REGULAR)
    text = "Łukasz Żółć\u00a0WiW"
    font.encode(text)
    streams: list[tuple[str, bytes | None]] = []

    def add(entries: str, stream: bytes | None) -> int:
        streams.append((entries, stream))
        return len(streams)

    type0 = font.write(add)
    assert "/Encoding /Identity-H" in type0
    subset = zlib.decompress(next(s for e, s in streams if "/Length1" in e and s))
    cid_to_gid = zlib.decompress(streams[2][1] or b"")
    tables = _tables(subset)
    glyph_count = struct.unpack(">H", tables["maxp"][4:6])[0]
    metrics = struct.unpack(">H", tables["hhea"][34:36])[0]
    advances = [struct.unpack(">H", tables["hmtx"][4 * i : 4 * i + 2])[0] for i in range(metrics)]
    program = font_program(REGULAR)
    units = 1000 / 2000  # Lato's unitsPerEm is 2000
    assert struct.unpack(">H", tables["head"][18:20])[0] == 2000
    distinct = set(text)
    assert len(cid_to_gid) == 2 * (len(distinct) + 1)
    for char, cid in font.cids.items():
        gid = struct.unpack(">H", cid_to_gid[2 * cid : 2 * cid + 2])[0]
        advance = advances[min(gid, metrics - 1)]
        assert round(advance * units) == program.width(char), char
    assert font.cids[" "] != font.cids["\u00a0"]
    gids = {cid_to_gid[i : i + 2] for i in range(2, len(cid_to_gid), 2)}
    assert len(gids) == len(distinct) - 1  # the two spaces share one glyph
    assert len(distinct) <= glyph_count <= len(distinct) + 8  # .notdef + composite parts
