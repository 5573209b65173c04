"""Demo customers: ~200 realistic Brazilian people and companies with contacts, notes, files.

Deterministic (seeded) and idempotent: a second run adds nothing.
"""

import io
import random
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

from atende.core.documents import cnpj_check_digits, cpf_check_digits
from atende.core.text import fold
from atende.customers.documents import CUSTOMER_DOCUMENT
from atende.customers.models import (
    Category,
    ContactType,
    Customer,
    CustomerDocument,
    DocumentType,
    Observation,
    Origin,
    OriginType,
)
from atende.customers.services.customers import customer_refresh_search, customer_sort_keys
from atende.files.services import stored_file_create
from atende.tenancy.sequences import next_number


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Ana Bruno Carla Daniel Eduarda Felipe Gabriela Henrique Isabela João Karina "
    "Lucas Mariana Nicolas Olívia Paulo Renata Sérgio Tatiane Vinícius Beatriz Caio "
    "Débora Fábio Helena Igor Júlia Marcos Patrícia Rafael"
)
LAST = _words(
    "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa "
    "Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Araújo "
    "Mendes Nogueira Cardoso Teixeira"
)
COMPANY_WORDS = _words(
    "Alfa Brasil Central Delta Estrela Fênix Global Horizonte Ipê Jatobá Litoral "
    "Mantiqueira Nova Ouro Paraná Real Serra Tropical União Vale"
)
COMPANY_KINDS = [
    "Comércio de Alimentos", "Materiais de Construção", "Tecnologia", "Transportes",
    "Clínica Médica", "Contabilidade", "Padaria", "Auto Peças", "Farmácia", "Engenharia",
]  # fmt: skip
SUFFIXES = ["Ltda", "ME", "EIRELI", "S.A.", "Ltda EPP"]
STREETS = [
    "Rua das Flores", "Avenida Brasil", "Rua Sete de Setembro", "Rua XV de Novembro",
    "Avenida Paulista", "Rua Barão de Jaguara", "Rua Dom Pedro II", "Avenida Getúlio Vargas",
    "Rua Tiradentes", "Rua José Bonifácio", "Alameda Santos", "Rua Marechal Deodoro",
]  # fmt: skip
PLACES = [  # (city, state, CEP prefix, districts)
    ("Campinas", "SP", "130", ["Centro", "Cambuí", "Taquaral", "Barão Geraldo"]),
    ("São Paulo", "SP", "014", ["Pinheiros", "Moema", "Vila Mariana", "Tatuapé"]),
    ("Belo Horizonte", "MG", "301", ["Savassi", "Funcionários", "Pampulha"]),
    ("Curitiba", "PR", "800", ["Batel", "Água Verde", "Centro Cívico"]),
    ("Porto Alegre", "RS", "900", ["Moinhos de Vento", "Menino Deus", "Centro Histórico"]),
    ("Recife", "PE", "500", ["Boa Viagem", "Casa Forte", "Espinheiro"]),
    ("Salvador", "BA", "401", ["Barra", "Pituba", "Rio Vermelho"]),
    ("Goiânia", "GO", "740", ["Setor Bueno", "Setor Marista", "Setor Oeste"]),
]
CATEGORIES = ["Cliente", "Fornecedor", "Colaborador", "Parceiro"]
ORIGINS = {"Mídia digital": ["Google", "Instagram", "Site"], "Indicação": ["Cliente", "Parceiro"],
           "Mídia impressa": ["Folheto", "Jornal do bairro"]}  # fmt: skip
CONTACT_TYPES = ["Financeiro", "Técnico", "Sócio", "Compras"]
DOCUMENT_TYPES = ["Contrato", "RG/CNH", "Comprovante de endereço", "Contrato social"]
NOTES = [
    ("Prefere contato por WhatsApp no período da tarde.", False),
    ("Pagamento sempre no dia 10; avisar antes de qualquer reajuste.", False),
    ("Cliente com processo judicial em andamento: falar apenas com o gerente.", True),
    ("Portão eletrônico: técnico deve ligar antes de chegar.", True),
    ("Pediu proposta de upgrade de plano para o próximo trimestre.", False),
]


def _catalog(model, names):
    return {name: model.objects.get_or_create(name=name)[0] for name in names}


def _pdf(title: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 760, title)
    canvas.save()
    return buffer.getvalue()


def _document(rng: random.Random, company: bool) -> str:
    if company:
        base = f"{rng.randrange(10**7, 10**8):08d}0001"
        return base + cnpj_check_digits(base)
    base = f"{rng.randrange(10**8, 10**9):09d}"
    return base + cpf_check_digits(base)


def _phone(rng: random.Random, area: str = "19", mobile: bool = False) -> str:
    if mobile:
        return f"({area}) 9{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
    return f"({area}) 3{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"


def _portfolio_share(members) -> None:
    """A salesperson limited to their own portfolio owns every fifth customer (also in a
    database loaded before they existed), so that login shows a part of the registry."""
    for seller in [m for m in members if m.only_own_portfolio]:
        if Customer.objects.filter(owner=seller).exists():
            continue
        numbers = Customer.objects.order_by("number").values_list("number", flat=True)
        Customer.objects.filter(number__in=list(numbers)[::5]).update(owner=seller)


def load(*, organization, members, stdout, count: int | None = None) -> None:
    count = count if count is not None else (200 if organization.slug == "demo" else 40)
    existing = Customer.objects.count()
    if existing >= count:
        _portfolio_share(members)
        return
    rng = random.Random(f"atende-demo-{organization.slug}")  # noqa: S311  (demo data, seeded)
    categories = _catalog(Category, CATEGORIES)
    contact_types = _catalog(ContactType, CONTACT_TYPES)
    document_types = _catalog(DocumentType, DOCUMENT_TYPES)
    origins = []
    for type_name, names in ORIGINS.items():
        origin_type = OriginType.objects.get_or_create(name=type_name)[0]
        origins += [
            Origin.objects.get_or_create(origin_type=origin_type, name=name)[0] for name in names
        ]
    sellers = [
        m for m in members if m.sector and m.sector.name == "Comercial" and not m.only_own_portfolio
    ] or members
    taken = set(Customer.objects.values_list("document", flat=True))
    for index in range(existing, count):
        company = index % 3 == 0
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, state, cep_prefix, districts = rng.choice(PLACES)
        if company:
            trade = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
            name = f"{trade} {rng.choice(SUFFIXES)}"
        else:
            trade, name = "", f"{first} {rng.choice(LAST)} {last}"
        document = _document(rng, company)
        while document in taken:
            document = _document(rng, company)
        taken.add(document)
        domain = f"{fold(trade or last).replace(' ', '')[:18]}.com.br"
        origin = rng.choice(origins)
        customer = Customer(
            number=next_number("customer"),
            kind="company" if company else "person",
            name=name,
            trade_name=trade,
            document=document,
            email=f"contato@{domain}" if company else f"{fold(first)}.{fold(last)}@gmail.com",
            phone=_phone(rng),
            registered_on=date(2024, 1, 1) + timedelta(days=rng.randrange(0, 1050)),
            postal_code=f"{cep_prefix}{rng.randrange(10000, 99999)}",
            street=rng.choice(STREETS),
            street_number=str(rng.randrange(1, 3000)),
            district=rng.choice(districts),
            city=city,
            state=state,
            category=categories["Cliente" if index % 7 else rng.choice(CATEGORIES)],
            owner=rng.choice(sellers),
            origin_type=origin.origin_type,
            origin=origin,
            is_active=index % 17 != 0,
            subscriber_type="commercial" if company else "residential",
        )
        customer_sort_keys(customer)
        customer.save()
        for position in range(rng.randrange(1, 4) if company else rng.randrange(0, 2)):
            contact_first = rng.choice(FIRST)
            customer.contacts.create(
                name=f"{contact_first} {rng.choice(LAST)}",
                contact_type=rng.choice(list(contact_types.values())),
                role=rng.choice(["Gerente", "Diretor", "Analista", "Sócio"]) if company else "",
                mobile=_phone(rng, mobile=True),
                sms_consent=position == 0,
                email=f"{fold(contact_first)}@{domain}",
            )
        if index % 4 == 0:
            text, mandatory = rng.choice(NOTES)
            Observation.objects.create(customer=customer, text=text, is_mandatory_reading=mandatory)
        if index % 10 == 0:
            stored = stored_file_create(
                actor=None,
                uploaded_file=SimpleUploadedFile("contrato.pdf", _pdf(f"Contrato – {name}")),
                use=CUSTOMER_DOCUMENT,
            )
            CustomerDocument.objects.create(
                customer=customer,
                stored_file=stored,
                document_type=document_types["Contrato"],
                description="Contrato de prestação de serviços",
            )
        customer_refresh_search(customer)
    _portfolio_share(members)
    stdout.write(f"  {count - existing} clientes de demonstração em {organization.name}.")
