"""CEP lookup behind an adapter: ViaCEP in production, any local server in tests.

The lookup is an outside boundary, so it is slow or down sometimes: a short timeout, and the
caller treats `CepUnavailable` as "type the address yourself", never as an error page.
Redirects are not followed: a 3xx pointing at an internal address would make the server fetch
it for an outsider (SSRF), so a redirect counts as the service being unavailable.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from atende.core.text import digits

DEFAULT_VIACEP_URL = "https://viacep.com.br/ws"
DEFAULT_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class CepAddress:
    postal_code: str
    street: str
    district: str
    city: str
    state: str
    complement: str = ""


class CepUnavailable(Exception):
    """The service did not answer in time or answered something we cannot read."""


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # None: urllib then raises HTTPError with the 3xx code instead of following it.
        return None


_opener = urllib.request.build_opener(_RefuseRedirects)


class ViaCepLookup:
    """https://viacep.com.br/ws/<cep>/json/ → CepAddress, None for an unknown CEP."""

    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def lookup(self, cep: str) -> CepAddress | None:
        cep = digits(cep)
        if len(cep) != 8:
            return None
        url = f"{self.base_url}/{cep}/json/"
        try:
            with _opener.open(url, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code == 400:  # ViaCEP's answer to a malformed CEP
                return None
            raise CepUnavailable(str(exc)) from exc  # 3xx (not followed) and 5xx alike
        except (OSError, ValueError) as exc:  # timeouts, refused connections, bad JSON
            raise CepUnavailable(str(exc)) from exc
        if not isinstance(payload, dict) or payload.get("erro"):
            return None
        return CepAddress(
            postal_code=cep,
            street=payload.get("logradouro", ""),
            district=payload.get("bairro", ""),
            city=payload.get("localidade", ""),
            state=payload.get("uf", ""),
            complement=payload.get("complemento", ""),
        )


def cep_lookup() -> ViaCepLookup:
    """The configured lookup (VIACEP_URL and CEP_TIMEOUT_SECONDS settings)."""
    return ViaCepLookup(
        getattr(settings, "VIACEP_URL", DEFAULT_VIACEP_URL),
        getattr(settings, "CEP_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS),
    )
