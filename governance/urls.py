from django.urls import path

from governance.views import decisions, meetings, memos, overview, voting

app_name = "governance"
urlpatterns = [
    path("", overview.overview, name="overview"),
    *memos.urlpatterns,
    *voting.urlpatterns,
    *decisions.urlpatterns,
    *meetings.urlpatterns,
]
