from django.urls import path

from partners import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="partner_list"),
    path("<int:pk>/", views.partner_detail, name="partner_detail"),
    path("uitnodigingen/", views.invitation_list, name="invitation_list"),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
