from django.urls import include, path

from monitoring.views import (
    dashboard,
    dossier,
    experiences,
    indicators,
    results,
    showcase,
    spotlights,
)
from monitoring.views import imports as indicator_imports

# --- stories (ervaringen) and spotlights --------------------------------------------------
experience_urlpatterns = [
    path("ervaringen/", experiences.experience_list_view, name="experience_list"),
    path("ervaringen/nieuw/", experiences.experience_create_view, name="experience_create"),
    path("ervaringen/<int:pk>/", experiences.experience_detail, name="experience_detail"),
    path("ervaringen/<int:pk>/bewerken/", experiences.experience_edit, name="experience_edit"),
    path("ervaringen/<int:pk>/toestemming/", experiences.consent_create, name="consent_create"),
    path(
        "ervaringen/<int:pk>/toestemming/<int:consent_pk>/intrekken/",
        experiences.withdraw_consent,
        name="consent_withdraw",
    ),
    path("ervaringen/beoordelen/", experiences.review_list, name="review_list"),
    path("ervaringen/<int:pk>/beoordelen/", experiences.review, name="experience_review"),
    path("uitgelicht/", spotlights.spotlight_list_view, name="spotlight_list"),
    path("uitgelicht/nieuw/", spotlights.spotlight_create, name="spotlight_create"),
    path("uitgelicht/<int:pk>/", spotlights.spotlight_edit, name="spotlight_edit"),
    path("uitgelicht/<int:pk>/beeindigen/", spotlights.end_spotlight, name="spotlight_end"),
]
# --- end of stories and spotlights --------------------------------------------------------

# No namespace: the start page is "home" everywhere; the rest is under "monitoring:".
urlpatterns = [
    path("", dashboard.home, name="home"),
    path("", include((experience_urlpatterns, "monitoring"))),
]

# The public showcase has its own address (/etalage/) and namespace, wired in avk/urls.py.
showcase_urlpatterns = (
    [path("", showcase.index, name="index")],
    "showcase",
)

# What the programme achieves, and the loop back into the next reflection.
urlpatterns += [
    path("wat-bereiken-we/", results.programme_dashboard, name="programme_results"),
    path("etalage/wat-bereiken-we/", results.public_dashboard, name="public_results"),
    path("wat-bereiken-we/dossier/<int:pk>/", dossier.session_dossier, name="reflection_dossier"),
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
