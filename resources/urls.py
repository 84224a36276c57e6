from django.urls import path

from resources.views import budget, deleting, efforts, funding

app_name = "resources"
urlpatterns = [
    path("", funding.overview, name="overview"),
    path("bronnen/nieuw/", funding.create_source, name="source_create"),
    path("bronnen/<int:pk>/", funding.source_detail, name="source_detail"),
    path("bronnen/<int:pk>/bewerken/", funding.edit_source, name="source_edit"),
    path("bronnen/<int:pk>/verwijderen/", deleting.delete_source, name="source_delete"),
    path("aanvragen/nieuw/", funding.create_application, name="application_create"),
    path("aanvragen/<int:pk>/bewerken/", funding.edit_application, name="application_edit"),
    path("aanvragen/<int:pk>/verwijderen/", deleting.delete_application, name="application_delete"),
    path("begroting/", budget.budget, name="budget"),
    path("begroting/nieuw/", budget.create_budget_line, name="budget_line_create"),
    path("begroting/<int:pk>/bewerken/", budget.edit_budget_line, name="budget_line_edit"),
    path("begroting/<int:pk>/verwijderen/", deleting.delete_budget_line, name="budget_line_delete"),
    path("inspanningen/", efforts.effort_list, name="effort_list"),
    path("inspanningen/<int:pk>/", efforts.effort_money, name="effort_money"),
    path("inspanningen/<int:pk>/geld/", efforts.add_allocation, name="allocation_add"),
    path("inspanningen/<int:pk>/inzet/", efforts.add_sroi_input, name="sroi_input_add"),
    path("inspanningen/<int:pk>/opbrengst/", efforts.add_sroi_outcome, name="sroi_outcome_add"),
    path("geld/<int:pk>/bewerken/", efforts.edit_allocation, name="allocation_edit"),
    path("inzet/<int:pk>/bewerken/", efforts.edit_sroi_input, name="sroi_input_edit"),
    path("opbrengst/<int:pk>/bewerken/", efforts.edit_sroi_outcome, name="sroi_outcome_edit"),
    path("geld/<int:pk>/verwijderen/", efforts.remove_allocation, name="allocation_remove"),
    path("inzet/<int:pk>/verwijderen/", efforts.remove_sroi_input, name="sroi_input_remove"),
    path(
        "opbrengst/<int:pk>/verwijderen/", efforts.remove_sroi_outcome, name="sroi_outcome_remove"
    ),
]
