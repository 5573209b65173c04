"""The NinjaAPI instance mounted at /api/v1/ (docs at /api/v1/docs)."""

from ninja import NinjaAPI

from atende.accounts.api import router as accounts_router
from atende.api.auth import MemberTokenAuth
from atende.api.errors import document_errors, install_error_handlers
from atende.billing.api import router as billing_router
from atende.customers.api import router as customers_router
from atende.desk.api import router as desk_router
from atende.desk.api_requests import router as requests_router
from atende.portal.api import router as portal_router


class AtendeAPI(NinjaAPI):
    """The one API; its OpenAPI document lists every error answer of every operation."""

    def get_openapi_schema(self, *args, **kwargs):
        return document_errors(super().get_openapi_schema(*args, **kwargs))


api = AtendeAPI(
    title="Atende API",
    version="1",
    description="API REST do Atende. Autentique com um token pessoal: `Authorization: Bearer …` "
    "(crie o token no seu perfil). Cada token pertence a uma empresa. As rotas `/portal/…` são "
    "dos clientes: autentique com o token criado no portal (Webdesk → Acesso pela API).",
    auth=MemberTokenAuth(),
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/", customers_router)
api.add_router("/", desk_router)
api.add_router("/", requests_router)
api.add_router("/", billing_router)
api.add_router("/portal", portal_router)
