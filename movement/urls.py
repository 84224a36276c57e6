from django.urls import path

from movement.views import stakeholders

app_name = "movement"
urlpatterns = []

# --- stakeholders
urlpatterns += [
    path("", stakeholders.stakeholder_overview_view, name="stakeholder_overview"),
    path(
        "partners/<int:pk>/",
        stakeholders.record_stakeholder_stage,
        name="partner_stakeholders",
    ),
]
# --- end of stakeholders
