from django.urls import path

from governance.views import (
    actions,
    calendar,
    decisions,
    meetings,
    memo_versions,
    memos,
    overview,
    voting,
)

app_name = "governance"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("memos/", memos.memo_list, name="memo_list"),
    path("memos/nieuw/", memos.write_memo, name="memo_create"),
    path("memos/<int:pk>/", memos.memo_detail, name="memo_detail"),
    path("memos/<int:pk>/bewerken/", memos.memo_edit, name="memo_edit"),
    path("memos/bijlage/<int:pk>/", memos.memo_annex_image, name="memo_annex_image"),
    path("memos/<int:pk>/secties/nieuw/", memos.memo_section_add, name="memo_section_add"),
    path(
        "memos/<int:pk>/secties/<int:item_pk>/", memos.memo_section_edit, name="memo_section_edit"
    ),
    path(
        "memos/<int:pk>/secties/<int:item_pk>/verwijderen/",
        memos.memo_section_delete,
        name="memo_section_delete",
    ),
    path(
        "memos/<int:pk>/secties/<int:item_pk>/verplaatsen/",
        memos.memo_section_move,
        name="memo_section_move",
    ),
    path("memos/<int:pk>/besluiten/nieuw/", memos.memo_decision_add, name="memo_decision_add"),
    path(
        "memos/<int:pk>/besluiten/<int:item_pk>/",
        memos.memo_decision_edit,
        name="memo_decision_edit",
    ),
    path(
        "memos/<int:pk>/besluiten/<int:item_pk>/verwijderen/",
        memos.memo_decision_delete,
        name="memo_decision_delete",
    ),
    path(
        "memos/<int:pk>/besluiten/<int:item_pk>/verplaatsen/",
        memos.memo_decision_move,
        name="memo_decision_move",
    ),
    path("memos/<int:pk>/figuren/nieuw/", memos.memo_annex_add, name="memo_annex_add"),
    path("memos/<int:pk>/figuren/<int:item_pk>/", memos.memo_annex_edit, name="memo_annex_edit"),
    path(
        "memos/<int:pk>/figuren/<int:item_pk>/verwijderen/",
        memos.memo_annex_delete,
        name="memo_annex_delete",
    ),
    path(
        "memos/<int:pk>/figuren/<int:item_pk>/verplaatsen/",
        memos.memo_annex_move,
        name="memo_annex_move",
    ),
    path("memos/<int:pk>/versies/", memo_versions.memo_versions, name="memo_versions"),
    path("memos/<int:pk>/versies/vergelijken/", memo_versions.memo_compare, name="memo_compare"),
    path(
        "memos/<int:pk>/versies/<int:number>/terugzetten/",
        memo_versions.restore_version,
        name="memo_restore",
    ),
    path("memos/<int:pk>/indienen/", voting.submit_memo, name="memo_submit"),
    path("memos/<int:pk>/stemmen/", voting.memo_vote, name="memo_vote"),
    path("memos/<int:pk>/sluiten/", voting.memo_close, name="memo_close"),
    path("memos/<int:pk>/intrekken/", voting.withdraw_memo, name="memo_withdraw"),
    path("memos/<int:pk>/archiveren/", voting.archive_memo, name="memo_archive"),
    path("voorstellen/<int:pk>/stem/", voting.vote, name="vote_cast"),
    path("mijn-stemmen/", voting.my_votes, name="my_votes"),
    path("organen/<int:pk>/stemregels/", voting.body_rules, name="body_rules"),
    path("organen/<int:pk>/besluitenlijst/", decisions.decision_list, name="decision_list"),
    path(
        "organen/<int:pk>/besluitenlijst.csv", decisions.decision_list_csv, name="decision_list_csv"
    ),
    path("vergaderingen/", meetings.meeting_list, name="meeting_list"),
    path("vergaderingen/nieuw/", meetings.meeting_create, name="meeting_create"),
    path("vergaderingen/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("vergaderingen/<int:pk>/bewerken/", meetings.meeting_edit, name="meeting_edit"),
    path("acties/", actions.action_list, name="action_list"),
    path("acties/nieuw/", actions.add_action, name="action_create"),
    path("acties/<int:pk>/bewerken/", actions.action_edit, name="action_edit"),
    path("acties/<int:pk>/status/", actions.action_status, name="action_status"),
    path("mijn-acties/", actions.my_actions, name="my_actions"),
    path("agenda/", calendar.calendar_feed, name="calendar_feed"),
    path("agenda/<str:token>.ics", calendar.calendar_ics, name="calendar_ics"),
]
