from django.contrib import admin
from django.urls import include, path

from avk import views as avk_views
from avk import views_notifications
from monitoring.urls import showcase_urlpatterns

admin.site.site_header = "AVK-portaal"
admin.site.site_title = "AVK-portaal"

urlpatterns = [
    path("", include("monitoring.urls")),
    path("account/", include("allauth.urls")),
    path("partners/", include("partners.urls")),
    path("bestuur/", include("governance.urls")),
    path("etalage/", include(showcase_urlpatterns)),
    path("reflectie/", include("reflection.urls")),
    path("beweging/", include("movement.urls")),
    path("middelen/", include("resources.urls")),
    path("bibliotheek/", include("library.urls")),
    path("documenten/<slug:kind>/aanvragen/", avk_views.document_request, name="document_request"),
    path("documenten/<uuid:pk>/", avk_views.document_detail, name="document_detail"),
    path("documenten/<uuid:pk>/download/", avk_views.document_download, name="document_download"),
    path("documenten/<uuid:pk>/opnieuw/", avk_views.document_retry, name="document_retry"),
    path("meldingen/", views_notifications.notification_settings, name="notification_settings"),
    path(
        "meldingen/uitschrijven/<str:token>/",
        views_notifications.notification_unsubscribe,
        name="notification_unsubscribe",
    ),
    path("taal/", avk_views.language_switch, name="language_switch"),
    path("healthz/", avk_views.healthz, name="healthz"),
    path("favicon.ico", avk_views.favicon, name="favicon"),
    path("beheer/", admin.site.urls),
]
