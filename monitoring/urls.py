from django.urls import include, path

from monitoring.views import dashboard, dossier, experiences, results, showcase, spotlights

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
