"""The Webdesk under `/<slug>/webdesk/` (the `portal_slug` kwarg: the organization middleware
resolves it without asking for a staff membership)."""

from django.urls import path

from atende.portal.views import auth, billing, requests, tokens

app_name = "portal"

urlpatterns = [
    path("", requests.home_view, name="home"),
    path("entrar/", auth.login_view, name="login"),
    path("sair/", auth.logout_view, name="logout"),
    path("senha/<str:token>/", auth.password_set_view, name="password_set"),
    path("solicitacoes/", requests.request_list_view, name="requests"),
    path("acesso-api/", tokens.tokens_view, name="tokens"),
    path("financeiro/", billing.invoice_list_view, name="invoices"),
    path("financeiro/boletos/<id:number>/pdf/", billing.boleto_pdf_view, name="boleto_pdf"),
    path("acesso-api/<id:pk>/revogar/", tokens.token_revoke_view, name="token_revoke"),
    path("solicitacoes/nova/", requests.request_new_view, name="request_new"),
    path("solicitacoes/<id:number>/", requests.request_detail_view, name="request"),
    path(
        "solicitacoes/<id:number>/mensagem/",
        requests.request_message_view,
        name="request_message",
    ),
    path("solicitacoes/<id:number>/campos/", requests.request_fields_view, name="request_fields"),
    path("solicitacoes/<id:number>/acao/", requests.request_move_view, name="request_move"),
    path(
        "solicitacoes/<id:number>/arquivos/<uuid:key>/",
        requests.request_file_view,
        name="request_file",
    ),
    path(
        "solicitacoes/<id:number>/entendimento/",
        requests.understanding_view,
        name="request_understanding",
    ),
]
