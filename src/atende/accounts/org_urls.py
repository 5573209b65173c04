"""Routes inside an organization (`/<slug>/…`): profile, members, sectors."""

from django.urls import path

from atende.accounts.views import members, profile, sectors

app_name = "accounts"

urlpatterns = [
    path("perfil/", profile.profile_view, name="profile"),
    path("perfil/duas-etapas/", profile.totp_setup_view, name="totp_setup"),
    path("perfil/tokens/", profile.api_token_create_view, name="token_create"),
    path("perfil/tokens/<id:pk>/revogar/", profile.api_token_revoke_view, name="token_revoke"),
    path("configuracoes/usuarios/", members.member_list_view, name="members"),
    path("configuracoes/usuarios/convidar/", members.member_invite_view, name="member_invite"),
    path("configuracoes/usuarios/<id:pk>/", members.member_edit_view, name="member_edit"),
    path(
        "configuracoes/usuarios/convites/<id:pk>/",
        members.invitation_edit_view,
        name="invitation_edit",
    ),
    path(
        "configuracoes/usuarios/convites/<id:pk>/reenviar/",
        members.invitation_resend_view,
        name="invitation_resend",
    ),
    path(
        "configuracoes/usuarios/convites/<id:pk>/cancelar/",
        members.invitation_cancel_view,
        name="invitation_cancel",
    ),
    path("configuracoes/setores/", sectors.sector_list_view, name="sectors"),
    path("configuracoes/setores/novo/", sectors.sector_edit_view, name="sector_new"),
    path("configuracoes/setores/<id:pk>/", sectors.sector_edit_view, name="sector_edit"),
    path(
        "configuracoes/setores/<id:pk>/excluir/", sectors.sector_delete_view, name="sector_delete"
    ),
]
