from django.urls import path

from movement.views import learning, mornings, mornings_manage, network, pilots, stakeholders

app_name = "movement"
urlpatterns = []

# --- stakeholders
urlpatterns += [
    path("", stakeholders.stakeholder_overview_view, name="stakeholder_overview"),
    path(
        "partners/<int:pk>/",
        stakeholders.record_stakeholder_stage,
        name="partner_stakeholders",
    ),
]
# --- end of stakeholders
# --- pilots
urlpatterns += [
    path("pilots/", pilots.pilot_list, name="pilot_list"),
    path("pilots/<int:pk>/", pilots.pilot_detail, name="pilot_detail"),
    path("pilots/<int:pk>/aangemeld/", pilots.pilot_signup_sent, name="pilot_signup_sent"),
    path(
        "pilots/aanmelding/<slug:token>/bevestigen/",
        pilots.pilot_signup_confirm,
        name="pilot_signup_confirm",
    ),
    path(
        "pilots/aanmelding/<slug:token>/afmelden/",
        pilots.pilot_signup_withdraw,
        name="pilot_signup_withdraw",
    ),
    path("pilots/beheer/", pilots.pilot_manage, name="pilot_manage"),
    path("pilots/beheer/nieuw/", pilots.pilot_create, name="pilot_create"),
    path("pilots/beheer/<int:pk>/", pilots.pilot_edit, name="pilot_edit"),
    path(
        "pilots/beheer/<int:pk>/deelnemers/",
        pilots.pilot_participants,
        name="pilot_participants",
    ),
    path(
        "pilots/beheer/<int:pk>/deelnemers.csv",
        pilots.pilot_participants_csv,
        name="pilot_participants_csv",
    ),
    path(
        "pilots/aanmeldingen/<int:pk>/besluit/",
        pilots.decide_signup,
        name="pilot_signup_decide",
    ),
]
# --- pilots end
# --- network
urlpatterns += [
    path("lezers/", network.reader_list, name="reader_list"),
    path("lezers/importeren/", network.reader_import, name="reader_import"),
    path(
        "lezers/importeren/<slug:batch>/",
        network.reader_import_preview,
        name="reader_import_preview",
    ),
    path("lezers/<int:pk>/verwijderen/", network.reader_remove, name="reader_remove"),
    path("lezers/afmelden/<slug:token>/", network.reader_unsubscribe, name="reader_unsubscribe"),
    path("mailings/", network.mailing_list, name="mailing_list"),
    path("mailings/nieuw/", network.mailing_create, name="mailing_create"),
    path("mailings/<int:pk>/", network.mailing_detail, name="mailing_detail"),
    path("mailings/<int:pk>/bewerken/", network.mailing_edit, name="mailing_edit"),
    path("mailings/<int:pk>/versturen/", network.mailing_send, name="mailing_send"),
]
# --- network end
# --- learning
urlpatterns += [
    path("leren/", learning.course_list, name="course_list"),
    path("leren/<int:pk>/", learning.course_detail, name="course_detail"),
    path("leren/<int:pk>/aangemeld/", learning.course_signup_sent, name="course_signup_sent"),
    path("leren/<int:pk>/agenda.ics", learning.course_ical, name="course_ical"),
    path(
        "leren/aanmelding/<slug:token>/bevestigen/",
        learning.course_signup_confirm,
        name="course_signup_confirm",
    ),
    path(
        "leren/aanmelding/<slug:token>/afmelden/",
        learning.course_signup_withdraw,
        name="course_signup_withdraw",
    ),
    path("leren/beheer/", learning.course_manage, name="course_manage"),
    path("leren/beheer/nieuw/", learning.course_create, name="course_create"),
    path("leren/beheer/<int:pk>/", learning.course_edit, name="course_edit"),
    path(
        "leren/beheer/<int:pk>/deelnemers/",
        learning.course_participants,
        name="course_participants",
    ),
    path(
        "leren/beheer/<int:pk>/deelnemers.csv",
        learning.course_participants_csv,
        name="course_participants_csv",
    ),
    path(
        "leren/beheer/<int:pk>/aanwezigheid/",
        learning.course_attendance,
        name="course_attendance",
    ),
    path(
        "leren/aanmeldingen/<int:pk>/besluit/",
        learning.course_signup_decide,
        name="course_signup_decide",
    ),
]
# --- learning end
# --- mornings
urlpatterns += [
    path("ochtenden/", mornings.morning_list, name="morning_list"),
    path("ochtenden/agenda.ics", mornings.morning_feed, name="morning_feed"),
    path("ochtenden/<int:pk>/", mornings.morning_detail, name="morning_detail"),
    path("ochtenden/<int:pk>/aangemeld/", mornings.morning_signup_sent, name="morning_signup_sent"),
    path(
        "ochtenden/aanmelding/<slug:token>/bevestigen/",
        mornings.morning_signup_confirm,
        name="morning_signup_confirm",
    ),
    path(
        "ochtenden/aanmelding/<slug:token>/afmelden/",
        mornings.morning_signup_withdraw,
        name="morning_signup_withdraw",
    ),
    path("ochtenden/beheer/", mornings_manage.morning_manage, name="morning_manage"),
    path("ochtenden/beheer/plannen/", mornings_manage.morning_plan, name="morning_plan"),
    path(
        "ochtenden/beheer/<int:pk>/",
        mornings_manage.morning_participants,
        name="morning_participants",
    ),
    path("ochtenden/beheer/<int:pk>/bewerken/", mornings_manage.morning_edit, name="morning_edit"),
    path(
        "ochtenden/beheer/<int:pk>/annuleren/",
        mornings_manage.morning_cancel,
        name="morning_cancel",
    ),
    path(
        "ochtenden/aanmeldingen/<int:pk>/besluit/",
        mornings_manage.decide_morning_signup,
        name="morning_signup_decide",
    ),
]
# --- mornings end
