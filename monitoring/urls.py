from django.urls import path

from monitoring.views import dashboard, dossier, results

# No namespace: the start page is "home" everywhere.
urlpatterns = [
    path("", dashboard.home, name="home"),
]

# What the programme achieves, and the loop back into the next reflection.
urlpatterns += [
    path("wat-bereiken-we/", results.programme_dashboard, name="programme_results"),
    path("etalage/wat-bereiken-we/", results.public_dashboard, name="public_results"),
    path("wat-bereiken-we/dossier/<int:pk>/", dossier.session_dossier, name="reflection_dossier"),
]
