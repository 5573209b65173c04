"""Static PIX BR Codes: the public vectors, our normalisation, and what is refused."""

from decimal import Decimal

import pytest

from atende.banking.errors import BankingError
from atende.banking.pix import crc16, pix_encode, pix_parse, pix_payload, pix_qr_png, pix_qr_svg
from atende.banking.tests.fixtures import require_fixtures, vector, vectors

KEY = "pix@atende.com.br"


def test_crc_check_value():
    assert crc16("123456789") == "29B1"  # CRC-16/CCITT-FALSE catalogue value


def test_payload_normalises_name_and_city_to_upper_case_ascii():
    payload = pix_payload(
        key=KEY, name="  Padaria São João   da Esquina Ltda ME", city="São José dos Campos",
        amount=Decimal("10.5"), txid="FAT123",
    )  # fmt: skip
    assert payload == (
        "00020126390014br.gov.bcb.pix0117pix@atende.com.br5204000053039865405"
        "10.505802BR5925PADARIA SAO JOAO DA ESQUI6015SAO JOSE DOS CA62100506FAT123"
        "6304" + crc16(payload[:-4])
    )
    parsed = pix_parse(payload)
    assert (parsed.name, parsed.city, parsed.amount, parsed.txid) == (
        "PADARIA SAO JOAO DA ESQUI",
        "SAO JOSE DOS CA",
        Decimal("10.50"),
        "FAT123",
    )


def test_crc_of_our_payload_is_the_catalogue_algorithm():
    payload = pix_payload(key=KEY, name="Atende", city="Campinas")
    body = payload[:-4]
    crc = 0xFFFF  # an independent bitwise CRC-16/CCITT-FALSE
    for byte in body.encode():
        for bit in range(7, -1, -1):
            top = (crc >> 15) ^ ((byte >> bit) & 1)
            crc = ((crc << 1) & 0xFFFF) ^ (0x1021 if top else 0)
    assert payload[-4:] == f"{crc:04X}"


@pytest.mark.parametrize(
    ("key", "stored"),
    [
        ("123E4567-E12B-12D1-A456-426655440000", "123e4567-e12b-12d1-a456-426655440000"),
        ("+55 (19) 99876-5432", "+5519998765432"),
        ("529.982.247-25", "52998224725"),
        ("11.222.333/0001-81", "11222333000181"),
        ("financeiro@empresa.com.br", "financeiro@empresa.com.br"),
    ],
)
def test_keys_are_written_as_the_dict_stores_them(key, stored):
    assert pix_parse(pix_payload(key=key, name="A", city="B")).key == stored


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"key": ""}, "Informe a chave PIX"),
        ({"key": "529.982.247-26"}, "dígito verificador"),
        ({"key": "11111111111"}, "dígito verificador"),
        ({"key": "19998765432x"}, "Chave PIX inválida"),
        ({"key": "a@b"}, "Chave PIX inválida"),
        ({"key": "+1 555 0100"}, "Chave PIX inválida"),
        ({"name": "   "}, "nome do recebedor"),
        ({"city": "!!!"}, "cidade do recebedor"),
        ({"amount": "-1"}, "Valor do PIX inválido"),
        ({"amount": "1.001"}, "duas casas"),
        ({"amount": "1e12"}, "acima do limite"),
        ({"amount": "dez"}, "Valor do PIX inválido"),
        ({"txid": "FAT-1"}, "txid do PIX"),
        ({"txid": "A" * 26}, "txid do PIX"),
        ({"postal_code": "1234"}, "CEP"),
        ({"info": "x" * 80, "key": "a" * 60 + "@empresa.com.br"}, "99 caracteres"),
    ],
)
def test_impossible_inputs_are_refused_in_portuguese(change, message):
    arguments = {"key": KEY, "name": "Atende", "city": "Campinas", "amount": "10", **change}
    with pytest.raises(BankingError, match=message):
        pix_payload(**arguments)


def test_zero_or_no_amount_lets_the_payer_type_it():
    assert "54" not in dict(pix_parse(pix_payload(key=KEY, name="A", city="B", amount=0)).fields)
    assert pix_parse(pix_payload(key=KEY, name="A", city="B")).amount is None


def test_missing_txid_is_three_asterisks():
    assert pix_parse(pix_payload(key=KEY, name="A", city="B", txid="")).txid == "***"


def test_pix_vectors_parse_validate_and_round_trip():
    require_fixtures()
    for entry in vectors("pix_brcode"):
        payload = entry["expected"]["payload"]
        parsed = pix_parse(payload)
        decoded = [(field["id"], field["value"]) for field in entry["decoded_top_level_fields"]]
        assert [*parsed.fields, ("63", entry["expected"]["crc16"])] == decoded, entry["id"]
        assert parsed.key == entry["inputs"]["pix_key"], entry["id"]
        assert pix_encode(parsed.fields) == payload, entry["id"]


def _build(vector_id: str, **overrides: object) -> str:
    inputs = vector(vector_id)["inputs"]
    amount = inputs.get("amount")
    if inputs.get("amount_cents"):
        amount = Decimal(inputs["amount_cents"]) / 100
    arguments = {
        "key": inputs["pix_key"], "name": inputs["merchant_name"], "city": inputs["merchant_city"],
        "amount": amount, "txid": inputs.get("txid"), "info": inputs.get("info_adicional", ""),
        **overrides,
    }  # fmt: skip
    return pix_payload(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("vector_id", "overrides"),
    [
        ("pix-01", {"uppercase": False}),  # the BACEN manual's example keeps "Fulano de Tal"
        ("pix-02", {"uppercase": False}),  # starkbank keeps the case, strips the accent
        # starkbank cuts the name at 25 (as we do) and the txid at 25 (we refuse; cut by hand)
        ("pix-03", {"uppercase": False, "txid": "verylongreconciliationidt"}),
        ("pix-04", {}),  # pix-utils: upper case without accents, as we do by default
        ("pix-05", {}),
    ],
)
def test_pix_payload_matches_the_vectors(vector_id, overrides):
    require_fixtures()
    assert _build(vector_id, **overrides) == vector(vector_id)["expected"]["payload"]


def test_too_long_or_punctuated_txids_of_the_vectors_are_refused():
    require_fixtures()
    with pytest.raises(BankingError, match="txid"):
        _build("pix-03", uppercase=False)  # 41 characters; starkbank cuts it silently
    with pytest.raises(BankingError, match="txid"):
        _build("pix-08")  # "TX-102"; php-pix drops the hyphen silently


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "curto demais"),
        ("0002016304", "curto demais"),
        ("00020126580014br.gov.bcb.pix6304ABCD", "CRC do BR Code não confere"),
        ("000201\x07aaaaaaaaaa6304ABCD", "caracteres inválidos"),
        ("000201\ud800aaaaaaaaaa6304ABCD", "caracteres inválidos"),
        ("0002016304" + crc16("0002016304"), "sem os dados da conta"),
        ("0002020126" + "6304", "sem o CRC"),
    ],
)
def test_broken_payloads_are_refused(payload, message):
    with pytest.raises(BankingError, match=message):
        pix_parse(payload)


def _with_crc(body: str) -> str:
    return body + "6304" + crc16(body + "6304")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("000201" + "26180014br.gov.bcb.pix", "sem a chave"),
        (
            "000201" + "26240014br.gov.bcb.pix0102ab" + "520400005303986",
            "sem o campo obrigatório 58",
        ),
        ("000201" + "26240014br.gov.bcb.pix0102ab" + "5802B", "truncado"),
        ("000201" + "26190014br.gov.bcb.bad", "truncado"),
        ("000201" + "000201", "repetido"),
        ("0002020" + "1", "incompleto"),
        ("000202", "formato 01"),
        ("000201" + "26250015com.example.pix0102ab", "não é de PIX"),
    ],
)
def test_structurally_wrong_payloads_with_a_good_crc_are_refused(body, message):
    with pytest.raises(BankingError, match=message):
        pix_parse(_with_crc(body))


def test_wrong_currency_or_amount_is_refused():
    good = pix_payload(key=KEY, name="A", city="B", amount="1.00")
    fields = list(pix_parse(good).fields)
    dollars = [(tag, "840" if tag == "53" else value) for tag, value in fields]
    with pytest.raises(BankingError, match="campo 53"):
        pix_parse(pix_encode(dollars))
    letters = [(tag, "1,00" if tag == "54" else value) for tag, value in fields]
    with pytest.raises(BankingError, match="Valor do BR Code"):
        pix_parse(pix_encode(letters))


def test_accents_left_by_an_issuer_are_read():
    fields = list(pix_parse(pix_payload(key=KEY, name="A", city="B")).fields)
    accented = [(tag, "São Paulo" if tag == "60" else value) for tag, value in fields]
    assert pix_parse(pix_encode(accented)).city == "São Paulo"


def test_lower_case_crc_is_accepted():
    payload = pix_payload(key=KEY, name="A", city="B", amount="1.00")
    assert pix_parse(payload[:-4] + payload[-4:].lower()).amount == Decimal("1.00")


def test_qr_code_images():
    payload = pix_payload(key=KEY, name="Atende", city="Campinas", amount="10")
    assert pix_qr_png(payload).startswith(b"\x89PNG\r\n\x1a\n")
    assert pix_qr_svg(payload).startswith("<svg")


def test_an_amount_of_thirty_digits_is_refused_not_a_crash():
    from atende.banking.errors import BankingError
    from atende.banking.pix import pix_payload

    with pytest.raises(BankingError, match="limite"):
        pix_payload(key="+5511999998888", name="LOJA", city="SAO PAULO", amount="1" * 30)
