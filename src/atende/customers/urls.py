"""Customer registry routes under `/<slug>/clientes/`."""

from django.urls import path

from atende.customers.views import (
    addresses,
    bulk,
    cep,
    contacts,
    debit,
    detail,
    documents,
    export,
    lists,
    messages,
    settings,
)

app_name = "customers"

urlpatterns = [
    path("clientes/", lists.customer_list_view, name="list"),
    path("clientes/novo/", detail.customer_create_view, name="create"),
    path("clientes/exportar.csv", export.customer_export_view, name="export"),
    path("cep/", cep.cep_lookup_view, name="cep"),
    path("clientes/mensagem-em-massa/", bulk.bulk_new_view, name="bulk_new"),
    path("clientes/mensagem-em-massa/<id:pk>/", bulk.bulk_detail_view, name="bulk_detail"),
    path("clientes/<id:number>/editar/", detail.customer_edit_view, name="edit"),
    path("clientes/<id:number>/campos-extras/", detail.customer_extra_view, name="extra_fields"),
    path("clientes/<id:number>/situacao/", detail.customer_active_view, name="set_active"),
    path("clientes/<id:number>/favorito/", detail.favorite_toggle_view, name="favorite"),
    path(
        "clientes/<id:number>/observacoes/lidas/",
        detail.observations_read_view,
        name="observations_read",
    ),
    path("clientes/<id:number>/enderecos/novo/", addresses.address_edit_view, name="address_new"),
    path(
        "clientes/<id:number>/enderecos/<id:pk>/",
        addresses.address_edit_view,
        name="address_edit",
    ),
    path(
        "clientes/<id:number>/enderecos/<id:pk>/excluir/",
        addresses.address_delete_view,
        name="address_delete",
    ),
    path("clientes/<id:number>/debito/", debit.direct_debit_edit_view, name="direct_debit"),
    path(
        "clientes/<id:number>/debito/autorizacao.pdf",
        debit.direct_debit_pdf_view,
        name="direct_debit_pdf",
    ),
    path(
        "clientes/<id:number>/documentos/enviar/",
        documents.document_upload_view,
        name="document_upload",
    ),
    path(
        "clientes/<id:number>/documentos/<id:pk>/excluir/",
        documents.document_delete_view,
        name="document_delete",
    ),
    path("clientes/<id:number>/emails/enviar/", messages.email_send_view, name="email_send"),
    path(
        "clientes/<id:number>/emails/<id:pk>/reenviar/",
        messages.email_resend_view,
        name="email_resend",
    ),
    path("clientes/<id:number>/sms/enviar/", messages.sms_send_view, name="sms_send"),
    path("clientes/<id:number>/contatos/novo/", contacts.contact_edit_view, name="contact_new"),
    path("clientes/<id:number>/contatos/<id:pk>/", contacts.contact_edit_view, name="contact_edit"),
    path(
        "clientes/<id:number>/contatos/<id:pk>/excluir/",
        contacts.contact_delete_view,
        name="contact_delete",
    ),
    path(
        "clientes/<id:number>/observacoes/nova/",
        contacts.observation_edit_view,
        name="observation_new",
    ),
    path(
        "clientes/<id:number>/observacoes/<id:pk>/",
        contacts.observation_edit_view,
        name="observation_edit",
    ),
    path("configuracoes/clientes/", settings.catalog_list_view, name="settings_home"),
    path("configuracoes/clientes/<slug:catalog>/", settings.catalog_list_view, name="settings"),
    path(
        "configuracoes/clientes/<slug:catalog>/novo/",
        settings.catalog_edit_view,
        name="settings_new",
    ),
    path(
        "configuracoes/clientes/<slug:catalog>/<id:pk>/",
        settings.catalog_edit_view,
        name="settings_edit",
    ),
    path(
        "configuracoes/setores/<id:pk>/categorias/",
        settings.sector_categories_view,
        name="sector_categories",
    ),
    path("clientes/<id:number>/", detail.customer_tab_view, name="detail"),
    path("clientes/<id:number>/<slug:tab>/", detail.customer_tab_view, name="tab"),
]
