"""Routes outside any organization: sign in, two-factor, sign out, password reset, and the
page an invitation links to (the invited person is in no organization yet)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from atende.accounts.views import invitations, signin

app_name = "auth"

urlpatterns = [
    path("entrar/", signin.login_view, name="login"),
    path("entrar/verificacao/", signin.totp_verify_view, name="totp_verify"),
    path("sair/", signin.logout_view, name="logout"),
    # Under /conta/, a reserved slug, so no organization's address can shadow it.
    path(
        "conta/convite/<str:token>/",
        invitations.invitation_accept_view,
        name="invitation_accept",
    ),
    path("senha/redefinir/", signin.password_reset_view, name="password_reset"),
    path(
        "senha/redefinir/enviado/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "senha/definir/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("auth:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "senha/definida/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
