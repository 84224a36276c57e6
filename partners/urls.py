from django.urls import path

from partners.views import (
    commitment,
    directory,
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
        commitment.commitment_decide,
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
    path("uitnodiging/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    *interventions.urlpatterns,
    *quickscan.urlpatterns,
    *imports.urlpatterns,
]
