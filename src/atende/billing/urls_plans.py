"""Plans (Configurações → Planos) and subscriptions (Financeiro → Assinaturas)."""

from django.urls import path

from atende.billing.views import plans

urlpatterns = [
    path("configuracoes/planos/", plans.plan_list_view, name="plans"),
    path("configuracoes/planos/novo/", plans.plan_edit_view, name="plan_new"),
    path("configuracoes/planos/parametros/", plans.plans_settings_view, name="plans_settings"),
    path("configuracoes/planos/<id:pk>/", plans.plan_edit_view, name="plan_edit"),
    path("financeiro/assinaturas/", plans.subscription_list_view, name="subscriptions"),
    path(
        "financeiro/assinaturas/nova/",
        plans.subscription_create_view,
        name="subscription_new",
    ),
    path(
        "financeiro/assinaturas/<id:number>/",
        plans.subscription_detail_view,
        name="subscription",
    ),
    path(
        "financeiro/assinaturas/<id:number>/alterar/",
        plans.subscription_edit_view,
        name="subscription_edit",
    ),
    path(
        "financeiro/assinaturas/<id:number>/cancelar/",
        plans.subscription_cancel_view,
        name="subscription_cancel",
    ),
]
