from django.urls import path

from governance.views import decisions, meetings, memo_versions, memos, overview, voting

app_name = "governance"
urlpatterns = [
    path("", overview.overview, name="overview"),
    *memos.urlpatterns,
    *memo_versions.urlpatterns,
    *voting.urlpatterns,
    *decisions.urlpatterns,
    *meetings.urlpatterns,
]
