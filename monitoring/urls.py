from django.urls import path

from monitoring.views import dashboard, indicators
from monitoring.views import imports as indicator_imports

# No namespace: the start page is "home" everywhere.
urlpatterns = [
    path("", dashboard.home, name="home"),
]

# --- indicators: areas, indicators, measurements, targets, stories, import and export ------
urlpatterns += [
    path("indicatoren/", indicators.indicator_list, name="indicator_list"),
    path("indicatoren/nieuw/", indicators.indicator_create, name="indicator_create"),
    path("indicatoren/<int:pk>/", indicators.indicator_detail, name="indicator_detail"),
    path("indicatoren/<int:pk>/wijzigen/", indicators.indicator_edit, name="indicator_edit"),
    path(
        "indicatoren/<int:pk>/metingen/",
        indicators.indicator_measurements,
        name="indicator_measurements",
    ),
    path(
        "indicatoren/<int:pk>/metingen/nieuw/",
        indicators.measurement_create,
        name="measurement_create",
    ),
    path(
        "indicatoren/metingen/<int:measurement_pk>/wijzigen/",
        indicators.measurement_edit,
        name="measurement_edit",
    ),
    path(
        "indicatoren/metingen/<int:measurement_pk>/verwijderen/",
        indicators.measurement_delete,
        name="measurement_delete",
    ),
    path("indicatoren/<int:pk>/doelen/", indicators.target_set, name="target_set"),
    path(
        "indicatoren/doelen/<int:target_pk>/verwijderen/",
        indicators.target_delete,
        name="target_delete",
    ),
    path("indicatoren/<int:pk>/verhalen/nieuw/", indicators.story_create, name="story_create"),
    path(
        "indicatoren/verhalen/<int:story_pk>/wijzigen/",
        indicators.story_edit,
        name="story_edit",
    ),
    path(
        "indicatoren/<int:pk>/inspanningen/",
        indicators.effort_link_add,
        name="effort_link_add",
    ),
    path(
        "indicatoren/<int:pk>/inspanningen/<int:link_pk>/verwijderen/",
        indicators.effort_link_remove,
        name="effort_link_remove",
    ),
    path(
        "indicatoren/importeren/",
        indicator_imports.measurement_import,
        name="measurement_import",
    ),
    path(
        "indicatoren/importeren/<str:batch>/",
        indicator_imports.measurement_import_preview,
        name="measurement_import_preview",
    ),
    path(
        "indicatoren/exporteren/",
        indicator_imports.measurement_export,
        name="measurement_export",
    ),
]
# --- end of indicators ---------------------------------------------------------------------
