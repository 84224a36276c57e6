from django.urls import path

from partners.views import directory, imports, interventions, invitations, quickscan

app_name = "partners"
urlpatterns = [
    path("", directory.partner_list, name="partner_list"),
    path("<int:pk>/", directory.partner_detail, name="partner_detail"),
    path("uitnodigingen/", invitations.invitation_list, name="invitation_list"),
    path("uitnodiging/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    *interventions.urlpatterns,
    *quickscan.urlpatterns,
    *imports.urlpatterns,
]
