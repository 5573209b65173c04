"""The organization's accounts at the banks (B1): what a boleto, a remessa and a return file
need to know about the beneficiary, plus the account's own charge defaults."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.billing.models.common import MONEY, PERCENT, ZERO, Bank
from atende.tenancy.models import TenantModel


class BankAccount(TenantModel):
    name = models.CharField(_("name"), max_length=80)
    bank = models.CharField(_("bank"), max_length=3, choices=Bank.choices)
    agency = models.CharField(_("agency"), max_length=5)
    agency_digit = models.CharField(_("agency digit"), max_length=1, blank=True)
    account = models.CharField(_("account"), max_length=12, blank=True)
    account_digit = models.CharField(_("account digit"), max_length=1, blank=True)
    # Convênio (BB), código do beneficiário/cedente (Caixa, Santander, Sicoob, Sicredi),
    # código do cliente (Itaú's 15-position carteiras); Bradesco needs none.
    agreement = models.CharField(_("agreement (convênio / beneficiary code)"), max_length=20,
                                 blank=True)  # fmt: skip
    agreement_digit = models.CharField(_("agreement digit"), max_length=1, blank=True)
    wallet = models.CharField(_("wallet (carteira)"), max_length=5)
    wallet_variation = models.CharField(_("wallet variation"), max_length=5, blank=True)
    # Bank-specific switches the banking core reads (Caixa/Sicoob modalidade, Sicredi posto).
    modality = models.CharField(_("modality"), max_length=4, blank=True)
    posto = models.CharField(_("Sicredi posto"), max_length=2, blank=True)
    next_nosso_numero = models.PositiveBigIntegerField(_("next nosso número"), default=1)
    beneficiary_name = models.CharField(_("beneficiary name"), max_length=150)
    beneficiary_document = models.CharField(_("beneficiary CPF/CNPJ"), max_length=14)
    beneficiary_address = models.CharField(_("beneficiary address"), max_length=200, blank=True)
    beneficiary_city = models.CharField(_("beneficiary city"), max_length=80, blank=True)
    beneficiary_state = models.CharField(_("beneficiary state"), max_length=2, blank=True)
    beneficiary_postal_code = models.CharField(_("beneficiary CEP"), max_length=8, blank=True)
    boleto_fee = models.DecimalField(_("boleto fee"), **MONEY, default=ZERO)
    fine_percent = models.DecimalField(_("fine (%)"), **PERCENT, default=ZERO)
    monthly_interest_percent = models.DecimalField(
        _("interest per month (%)"), **PERCENT, default=ZERO
    )
    instructions = models.TextField(_("boleto instructions"), blank=True)
    pix_key = models.CharField(_("PIX key"), max_length=77, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        ordering = ["name"]
        indexes = [models.Index(fields=["organization", "name"], name="billing_bankaccount_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_bank_display()})"

    @property
    def agency_text(self) -> str:
        return f"{self.agency}-{self.agency_digit}" if self.agency_digit else self.agency

    @property
    def account_text(self) -> str:
        return f"{self.account}-{self.account_digit}" if self.account_digit else self.account
