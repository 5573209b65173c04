"""Load the demo organizations (demo, acme) with one user per role; safe to run again.

Development only: every demo user has the published password. With DEBUG off (production) the
command refuses unless given --force, and even then it never creates the platform superuser.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from atende.accounts.models import Sector, User
from atende.accounts.permissions import can
from atende.core.navigation import sections, settings_sections
from atende.tenancy.context import activate, dangerously_unscoped
from atende.tenancy.models import Member, Organization

DEMO_PASSWORD = "atende-demo-2026"  # noqa: S105  printed on purpose: demo data only
PLATFORM_EMAIL = "plataforma@atende.local"
ORGANIZATIONS = [("demo", "Demo Telecom Ltda"), ("acme", "Acme Serviços S.A.")]
# What each demo sector may do, as its name suggests ("app_label.codename"). RH grants no
# module: its member meets the home page that says so and names whom to ask.
_CUSTOMERS_READ = ["customers.view_customer", "customers.change_customer"]
_TICKETS = ["desk.view_ticket", "desk.add_ticket", "desk.change_ticket"]
SECTORS: dict[str, list[str]] = {
    "Financeiro": [*_CUSTOMERS_READ, "customers.export_customer", "customers.send_email_customer",
                   *_TICKETS, "billing.view_invoice", "billing.add_invoice",
                   "billing.change_invoice", "billing.change_bankaccount", "billing.change_plan"],
    "Suporte": [*_CUSTOMERS_READ, "customers.send_email_customer", "customers.send_sms_customer",
                *_TICKETS, "desk.change_area"],
    "Comercial": [*_CUSTOMERS_READ, "customers.add_customer", "customers.export_customer",
                  "customers.send_email_customer", "customers.send_sms_customer",
                  "desk.view_ticket", "desk.add_ticket"],
    "RH": [],
}  # fmt: skip
ROLES = [
    # (e-mail local part, full name, sector or None, administrator, only their own portfolio)
    ("admin", "Ana Administradora", None, True, False),
    ("financeiro", "Fábio Financeiro", "Financeiro", False, False),
    ("suporte", "Sônia Suporte", "Suporte", False, False),
    ("comercial", "Caio Comercial", "Comercial", False, False),
    ("vendas", "Vera Vendedora", "Comercial", False, True),
    ("rh", "Rui Recursos Humanos", "RH", False, False),
]


class Command(BaseCommand):
    help = "Create or update the demo organizations and users (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off; the platform superuser is not created then.",
        )

    def handle(self, *args: object, force: bool = False, **options: object) -> None:
        # PRODUCTION (DEBUG as the environment set it), not DEBUG: the test runner turns DEBUG
        # off in every test process.
        production = settings.PRODUCTION
        if production and not force:
            raise CommandError(
                "DEBUG está desligado (produção): os usuários de demonstração têm uma senha "
                "publicada. Para carregar os dados de demonstração mesmo assim, use --force "
                "(o superusuário da plataforma não é criado)."
            )
        logins: list[tuple[str, str, str]] = []
        notes: list[str] = []
        extra_lines: list[str] = []  # what the apps' demo data adds (portal logins…)
        with transaction.atomic():
            if production:
                notes.append(self._withhold_platform_user())
                notes.append(
                    "Atenção: DEBUG está desligado e os usuários das empresas de demonstração "
                    "têm a senha publicada acima."
                )
            else:
                platform = self._user(PLATFORM_EMAIL, "Equipe da Plataforma", staff=True)
                logins.append(("(admin da plataforma: /admin/)", platform.email, "superusuário"))
            shared = self._user("multi@atende.local", "Márcia Multiempresa")
            for slug, name in ORGANIZATIONS:
                with dangerously_unscoped():
                    organization, _ = Organization.objects.update_or_create(
                        slug=slug, defaults={"name": name, "is_active": True}
                    )
                with activate(organization):
                    sectors: dict[str | None, Sector] = {
                        sector_name: self._sector(sector_name, codenames)
                        for sector_name, codenames in SECTORS.items()
                    }
                    for local, full_name, sector_name, is_admin, own_portfolio in ROLES:
                        user = self._user(f"{local}@{slug}.local", full_name)
                        member = self._member(
                            user, sectors.get(sector_name), is_admin, own_portfolio
                        )
                        role = "administrador" if is_admin or sector_name is None else sector_name
                        logins.append((name, user.email, f"{role}: {self._sees(member)}"))
                    member = self._member(shared, sectors["Suporte"], False)
                    logins.append((name, shared.email, f"Suporte: {self._sees(member)}"))
                    members = list(Member.objects.select_related("user", "sector"))
                    extra_lines += self._load_app_demo_data(organization, members)
        self._print(logins)
        for line in extra_lines:
            self.stdout.write(line)
        for note in notes:
            self.stdout.write(self.style.WARNING(note))

    def _withhold_platform_user(self) -> str:
        """Production: no superuser with the published password, even one left from before."""
        user = User.objects.filter(email=PLATFORM_EMAIL).first()
        if user is not None and user.check_password(DEMO_PASSWORD):
            user.set_unusable_password()
            user.save(update_fields=["password"])
            return (
                f"{PLATFORM_EMAIL} tinha a senha de demonstração: a senha foi inutilizada "
                f"(defina outra com `manage.py changepassword {PLATFORM_EMAIL}`)."
            )
        return (
            f"{PLATFORM_EMAIL} não foi criado: DEBUG está desligado. Crie o superusuário da "
            "plataforma com `manage.py createsuperuser`."
        )

    def _user(self, email: str, full_name: str, *, staff: bool = False) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
            user.is_staff = user.is_superuser = staff
            user.save(update_fields=["is_staff", "is_superuser"])
        return user

    def _sector(self, name: str, codenames: list[str]) -> Sector:
        """The sector with its demo permissions; an administrator's later changes are kept
        (permissions are only given to a sector that has none)."""
        sector, _ = Sector.objects.get_or_create(name=name)
        if codenames and not sector.permissions.exists():
            wanted = {tuple(codename.split(".")) for codename in codenames}
            sector.permissions.set(
                [
                    permission
                    for permission in Permission.objects.select_related("content_type")
                    if (permission.content_type.app_label, permission.codename) in wanted
                ]
            )
        return sector

    def _member(
        self, user: User, sector: Sector | None, is_admin: bool, own_portfolio: bool = False
    ) -> Member:
        member, _ = Member.objects.update_or_create(
            user=user,
            defaults={
                "sector": sector,
                "is_admin": is_admin,
                "is_active": True,
                "only_own_portfolio": own_portfolio,
            },
        )
        return member

    def _sees(self, member: Member) -> str:
        """What this login finds in the menu, read from the same permissions the pages use."""
        modules = [
            section.label
            for section in sections()
            if section.permission and can(member, section.permission)
        ]
        if any(section.permission and can(member, section.permission)
               for section in settings_sections()):  # fmt: skip
            modules.append("Configurações")
        if not modules:
            return "nenhum módulo (a página inicial diz a quem pedir acesso)"
        seen = ", ".join(dict.fromkeys(modules))
        return f"{seen} (só a própria carteira)" if member.only_own_portfolio else seen

    def _load_app_demo_data(self, organization: Organization, members: list[Member]) -> list[str]:
        """Each app may ship `<app>/demo.py` with `load(organization, members)`; it must be
        idempotent too, and may return lines to print after the logins."""
        lines: list[str] = []
        for config in apps.get_app_configs():
            if not config.name.startswith("atende."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            lines += (
                module.load(organization=organization, members=members, stdout=self.stdout) or []
            )
        return lines

    def _print(self, logins: list[tuple[str, str, str]]) -> None:
        self.stdout.write(self.style.SUCCESS("Dados de demonstração prontos."))
        self.stdout.write(f"Senha de todos os usuários de demonstração: {DEMO_PASSWORD}")
        for organization, email, role in logins:
            self.stdout.write(f"  {email:<28} {organization:<20} {role}")
