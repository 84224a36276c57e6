from django.urls import path

from monitoring.views import dashboard

# No namespace: the start page is "home" everywhere.
urlpatterns = [
    path("", dashboard.home, name="home"),
]
