from django.urls import path

from reflection.views import contributions, plans, progress, sessions

app_name = "reflection"
urlpatterns = [
    path("", sessions.newest_year, name="year_overview"),
    path("<int:year>/", sessions.year_detail, name="year_detail"),
    path("sessies/nieuw/", sessions.session_create, name="session_create"),
    path("sessies/<int:pk>/", sessions.session_edit, name="session_edit"),
    path(
        "sessies/<int:pk>/aandachtspunten/nieuw/",
        sessions.add_attention_point,
        name="attention_point_create",
    ),
    path("aandachtspunten/<int:pk>/", sessions.attention_point_edit, name="attention_point_edit"),
    path(
        "aandachtspunten/<int:pk>/verplaatsen/",
        sessions.move_attention_point,
        name="attention_point_move",
    ),
    path("faseplannen/", plans.plan_list, name="plan_list"),
    path("faseplannen/nieuw/", plans.start_plan, name="plan_create"),
    path("faseplannen/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("faseplannen/<int:pk>/bewerken/", plans.plan_edit, name="plan_edit"),
    path("faseplannen/<int:pk>/vaststellen/", plans.adopt_plan, name="plan_adopt"),
    path("faseplannen/<int:pk>/nieuwe-versie/", plans.start_new_version, name="plan_new_version"),
    path("faseplannen/<int:pk>/inspanningen/nieuw/", plans.effort_create, name="effort_create"),
    path("inspanningen/<int:pk>/", progress.effort_detail, name="effort_detail"),
    path("inspanningen/<int:pk>/bewerken/", plans.effort_edit, name="effort_edit"),
    path(
        "aandachtspunten/<int:pk>/naar-faseplan/",
        plans.carry_attention_point,
        name="attention_point_carry",
    ),
    path("sessies/<int:pk>/inbreng/", contributions.contribute, name="contribute"),
    path(
        "sessies/<int:pk>/inbreng/overzicht/",
        contributions.contribution_list,
        name="contribution_list",
    ),
    path(
        "inbreng/<int:pk>/aandachtspunt/",
        contributions.promote_contribution,
        name="contribution_promote",
    ),
    path("sessies/<int:pk>/agenda.ics", contributions.session_ical, name="session_ical"),
]
