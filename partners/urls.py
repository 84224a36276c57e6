from django.urls import path

from partners.views import (
    commitment,
    directory,
    exports,
    imports,
    interventions,
    invitations,
    quickscan,
    team,
)

app_name = "partners"
urlpatterns = [
    path("", directory.partner_list, name="partner_list"),
    path("<int:pk>/", directory.partner_detail, name="partner_detail"),
    path("<int:pk>/convenant/", commitment.commitment, name="commitment"),
    path(
        "convenant/<int:commitment_pk>/besluit/",
        commitment.answer_proposal,
        name="commitment_decide",
    ),
    path("convenant/", commitment.commitment_changes, name="commitment_changes"),
    path("pakketten/", commitment.package_list, name="package_list"),
    path("pakketten/<int:package_pk>/", commitment.package_edit, name="package_edit"),
    path("<int:pk>/team/", team.team, name="team"),
    path("teams/", team.team_overview, name="team_overview"),
    path("<int:pk>/collega-uitnodigen/", team.colleague_invite, name="colleague_invite"),
    path("<int:pk>/wijzigingen/", team.audit, name="audit"),
    path("uitnodigingen/", invitations.invitation_list, name="invitation_list"),
    path("uitnodiging/<str:token>/", invitations.accept_invitation, name="invitation_accept"),
    path("interventies/", interventions.intervention_list, name="intervention_list"),
    path(
        "interventies/per-gemeente/",
        interventions.intervention_by_municipality,
        name="intervention_by_municipality",
    ),
    path(
        "<int:pk>/interventies/nieuw/",
        interventions.intervention_create,
        name="intervention_create",
    ),
    path(
        "<int:pk>/interventies/<int:intervention_pk>/",
        interventions.intervention_edit,
        name="intervention_edit",
    ),
    path(
        "interventies/<int:intervention_pk>/etalage/",
        interventions.publish_intervention,
        name="intervention_publish",
    ),
    path("quickscan/", quickscan.quickscan_overview_view, name="quickscan_overview"),
    path("quickscan/criteria/", quickscan.quickscan_criteria, name="quickscan_criteria"),
    path(
        "quickscan/criteria/<int:criterion_pk>/",
        quickscan.quickscan_criterion_edit,
        name="quickscan_criterion_edit",
    ),
    path("<int:pk>/quickscan/", quickscan.quickscan_fill, name="quickscan_fill"),
    path("<int:pk>/quickscan/<int:year>/", quickscan.quickscan_detail, name="quickscan_detail"),
    path("<int:pk>/quickscan/alle/", quickscan.quickscan_history, name="quickscan_history"),
    path("import/", imports.import_start, name="import_start"),
    path("import/<str:batch>/", imports.import_preview, name="import_preview"),
    path("export/partners.csv", exports.export_directory, name="export_directory"),
    path("export/teams.csv", exports.export_teams, name="export_teams"),
]
