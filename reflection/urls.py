from reflection.views import contributions, plans, sessions

app_name = "reflection"
urlpatterns = [
    *sessions.urlpatterns,
    *plans.urlpatterns,
    *contributions.urlpatterns,
]
