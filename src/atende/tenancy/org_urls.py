from django.urls import path

from atende.tenancy import views

app_name = "tenancy"

urlpatterns = [path("", views.home_view, name="home")]
