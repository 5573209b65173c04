"""Service-desk routes under `/<slug>/atendimentos/`."""

from django.urls import path

from atende.desk.views import areas, queue, request_types, requests, service_orders, ticket

app_name = "desk"

urlpatterns = [
    path("atendimentos/", queue.queue_view, name="queue"),
    path("atendimentos/novo/", ticket.ticket_create_view, name="create"),
    path("atendimentos/responsaveis/", ticket.assignee_options_view, name="assignees"),
    path("atendimentos/em-lote/", queue.bulk_change_view, name="bulk"),
    path("atendimentos/filtros/", queue.saved_filter_create_view, name="filter_create"),
    path("atendimentos/filtros/<id:pk>/", queue.saved_filter_apply_view, name="filter_apply"),
    path(
        "atendimentos/filtros/<id:pk>/excluir/",
        queue.saved_filter_delete_view,
        name="filter_delete",
    ),
    path("atendimentos/<id:number>/", ticket.ticket_detail_view, name="ticket"),
    path("atendimentos/<id:number>/comentar/", ticket.ticket_comment_view, name="ticket_comment"),
    path("atendimentos/<id:number>/alterar/", ticket.ticket_change_view, name="ticket_change"),
    path("atendimentos/<id:number>/tempo/", ticket.time_entry_view, name="ticket_time"),
    path("atendimentos/<id:number>/etapa/", requests.request_stage_view, name="request_stage"),
    path(
        "atendimentos/<id:number>/entendimento/",
        requests.understanding_view,
        name="request_understanding",
    ),
    path("atendimentos/<id:number>/excluir/", requests.ticket_delete_view, name="ticket_delete"),
    path(
        "atendimentos/<id:number>/ordens-de-servico/nova/",
        service_orders.service_order_create_view,
        name="service_order_create",
    ),
    path(
        "atendimentos/ordens-de-servico/<id:number>/",
        service_orders.service_order_detail_view,
        name="service_order",
    ),
    path(
        "atendimentos/ordens-de-servico/<id:number>/alterar/",
        service_orders.service_order_edit_view,
        name="service_order_edit",
    ),
    path(
        "atendimentos/ordens-de-servico/<id:number>/pdf/",
        service_orders.service_order_pdf_view,
        name="service_order_pdf",
    ),
    path(
        "configuracoes/ordens-de-servico/",
        service_orders.service_order_settings_view,
        name="service_order_settings",
    ),
    path("configuracoes/atendimentos/", areas.area_list_view, name="areas"),
    path("configuracoes/atendimentos/nova/", areas.area_edit_view, name="area_new"),
    path("configuracoes/atendimentos/<id:pk>/", areas.area_edit_view, name="area_edit"),
    path("configuracoes/solicitacoes/", request_types.request_type_list_view, name="request_types"),
    path(
        "configuracoes/solicitacoes/atendente/",
        request_types.request_settings_view,
        name="request_settings",
    ),
    path(
        "configuracoes/solicitacoes/grupos/",
        request_types.request_groups_view,
        name="request_groups",
    ),
    path(
        "configuracoes/solicitacoes/novo/",
        request_types.request_type_new_view,
        name="request_type_new",
    ),
    path(
        "configuracoes/solicitacoes/<id:pk>/",
        request_types.request_type_edit_view,
        name="request_type_edit",
    ),
    path(
        "configuracoes/solicitacoes/<id:pk>/etapas/",
        request_types.request_type_stages_view,
        name="request_type_stages",
    ),
    path(
        "configuracoes/solicitacoes/<id:pk>/campos/",
        request_types.request_type_fields_view,
        name="request_type_fields",
    ),
    path(
        "configuracoes/solicitacoes/<id:pk>/regras/",
        request_types.request_type_rules_view,
        name="request_type_rules",
    ),
]
