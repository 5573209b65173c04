from django.urls import path

from atende.files import views

app_name = "files"

urlpatterns = [path("arquivos/<uuid:key>/", views.download_view, name="download")]
