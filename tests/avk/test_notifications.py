"""Notification preferences: the settings page, the one-click unsubscribe link, the
RFC 8058 headers, and the daily and weekly digests of held mails."""

import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk import digests, notifications
from avk.emails import mail_queue
from avk.models import AuditEntry, NotificationPreference, OutgoingMail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KINDS = ["votes", "meetings", "actions", "reflection", "partners", "monitoring"]


def _modes(user):
    return dict(NotificationPreference.objects.filter(user=user).values_list("kind", "mode"))


def _path(user, kinds=("actions",)):
    return reverse(
        "notification_unsubscribe", args=[notifications.unsubscribe_token(user.pk, kinds)]
    )


# --- the kinds and the settings page ----------------------------------------------------


def test_every_kind_of_the_issue_is_registered_by_its_app():
    assert [k.key for k in notifications.kinds()] == KINDS


def test_the_settings_page_shows_every_kind_with_its_current_choice(
    client, django_assert_max_num_queries
):
    user = UserFactory()
    NotificationPreference.objects.create(user=user, kind="actions", mode="weekly")
    client.force_login(user)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("notification_settings"))
    html = response.content.decode()
    assert response.status_code == 200
    for key in KINDS:
        assert f'name="{key}"' in html
    assert 'name="actions" value="weekly" id="id_actions_2" checked' in html
    assert 'name="votes" value="now" id="id_votes_0" checked' in html
    assert html.count(" checked") == len(KINDS)


def test_the_query_count_does_not_grow_with_the_preferences(client, django_assert_num_queries):
    user = UserFactory()
    client.force_login(user)
    client.get(reverse("notification_settings"))
    with django_assert_num_queries(4) as few:
        client.get(reverse("notification_settings"))
    for key in KINDS:
        NotificationPreference.objects.create(user=user, kind=key, mode="off")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("notification_settings"))


def test_saving_the_settings_stores_and_audits_the_changes(client):
    user = UserFactory()
    client.force_login(user)
    data = dict.fromkeys(KINDS, "now") | {"votes": "weekly", "partners": "off"}
    response = client.post(reverse("notification_settings"), data)
    assert response.status_code == 302
    assert _modes(user) == {"votes": "weekly", "partners": "off"}
    assert AuditEntry.objects.filter(action="notification_preference.changed").count() == 2
    client.post(reverse("notification_settings"), data)  # the same again: nothing to record
    assert AuditEntry.objects.filter(action="notification_preference.changed").count() == 2


def test_a_bad_choice_is_refused_on_the_form_and_nothing_is_saved(client):
    user = UserFactory()
    client.force_login(user)
    data = dict.fromkeys(KINDS, "now") | {"votes": "hourly"}
    response = client.post(reverse("notification_settings"), data)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert _modes(user) == {}


garbage = st.one_of(
    st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
    st.sampled_from(["", "now", "off", "daily", "weekly", "NOW", "x" * 500, "\u202e"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.dictionaries(st.sampled_from([*KINDS, "other", "csrf"]), garbage, max_size=8))
def test_the_settings_form_never_breaks(client, values):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("notification_settings"), values)
    assert response.status_code in (200, 302)
    for kind, mode in _modes(user).items():
        assert kind in KINDS and mode in NotificationPreference.Mode.values


# --- the unsubscribe link --------------------------------------------------------------


def test_get_shows_what_it_switches_off_and_changes_nothing(client):
    user = UserFactory()
    response = client.get(_path(user))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="unsubscribe-form"' in html and "Acties" in html
    assert _modes(user) == {}


def test_post_without_a_session_switches_the_kind_off_idempotently():
    """RFC 8058: the mail program posts `List-Unsubscribe=One-Click`, no cookie, no CSRF."""
    user = UserFactory()
    mail_program = Client(enforce_csrf_checks=True)
    for _ in range(2):
        response = mail_program.post(_path(user), {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert 'id="unsubscribe-done"' in response.content.decode()
    assert _modes(user) == {"actions": "off"}
    assert AuditEntry.objects.filter(action="notification_preference.changed").count() == 1


def test_a_digest_link_switches_off_every_kind_it_lists():
    user = UserFactory()
    Client().post(_path(user, ["votes", "partners"]))
    assert _modes(user) == {"votes": "off", "partners": "off"}


def _refused(client, path, status, user):
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == status
        assert 'id="unsubscribe-problem"' in response.content.decode()
    assert _modes(user) == {}


def test_a_forged_token_changes_nothing_and_says_so(client):
    user = UserFactory()
    other = UserFactory()
    token = notifications.unsubscribe_token(user.pk, ["actions"])
    value, signature = token.rsplit(":", 1)
    forged = signing.dumps({"u": other.pk, "k": ["actions"]}, salt="another salt")
    for bad in (f"{value}:{signature[::-1]}", forged, "x", token + "x"):
        _refused(client, reverse("notification_unsubscribe", args=[bad]), 400, user)
    assert _modes(other) == {}


def test_an_expired_token_changes_nothing_and_says_so(client, monkeypatch):
    user = UserFactory()
    days = notifications.UNSUBSCRIBE_MAX_AGE_DAYS + 1
    real = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() - days * 24 * 3600)
    path = _path(user)
    monkeypatch.undo()
    _refused(client, path, 400, user)


def test_another_persons_token_changes_nothing_and_says_so(client):
    owner, other = UserFactory(), UserFactory()
    client.force_login(other)
    _refused(client, _path(owner), 403, owner)
    assert _modes(other) == {}


def test_a_token_for_an_unknown_kind_or_gone_user_changes_nothing(client):
    user = UserFactory()
    unknown = signing.dumps({"u": user.pk, "k": ["spam"]}, salt=notifications.UNSUBSCRIBE_SALT)
    _refused(client, reverse("notification_unsubscribe", args=[unknown]), 400, user)
    gone = _path(user)
    user.is_active = False
    user.save()
    _refused(client, gone, 400, user)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(token=st.text(min_size=1, max_size=300).filter(lambda s: "/" not in s and "\x00" not in s))
def test_the_token_url_never_breaks_and_garbage_changes_nothing(client, token):
    user = UserFactory()
    path = reverse("notification_unsubscribe", args=[token])
    assert client.get(path).status_code in (400, 404)
    assert client.post(path).status_code in (400, 404)
    assert _modes(user) == {}


# --- the mails -------------------------------------------------------------------------


def _queue(user, kind="actions", key="k1"):
    return mail_queue(
        key=key,
        to=user.email,
        name="team_incomplete",
        context={"name": "Anna", "partner": "Cosis", "missing": [], "link": "https://x.example/t/"},
        user_id=user.pk,
        kind=kind,
    )


def test_a_governed_mail_carries_the_one_click_headers_and_footer(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _queue(user)
    [message] = mail.outbox
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body and link in message.alternatives[0][0]
    path = link.split("://", 1)[1].split("/", 1)[1]
    Client().post("/" + path)
    assert _modes(user) == {"actions": "off"}


def test_a_mail_without_a_kind_cannot_be_switched_off(django_capture_on_commit_callbacks):
    user = UserFactory()
    NotificationPreference.objects.create(user=user, kind="actions", mode="off")
    with django_capture_on_commit_callbacks(execute=True):
        mail_queue(
            key="invite",
            to=user.email,
            name="team_incomplete",
            context={"name": "Anna", "partner": "Cosis", "missing": [], "link": "x"},
        )
    [message] = mail.outbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert "/meldingen/uitschrijven/" not in message.body


def test_off_queues_nothing_and_a_digest_mode_holds_the_mail(django_capture_on_commit_callbacks):
    off, daily = UserFactory(), UserFactory()
    NotificationPreference.objects.create(user=off, kind="actions", mode="off")
    NotificationPreference.objects.create(user=daily, kind="actions", mode="daily")
    with django_capture_on_commit_callbacks(execute=True):
        assert _queue(off, key="a") is None
        held = _queue(daily, key="b")
    assert held.status == OutgoingMail.Status.HELD and held.digest == "daily"
    assert not mail.outbox
    assert OutgoingMail.objects.count() == 1


@pytest.mark.parametrize("mode", ["daily", "weekly"])
def test_a_digest_lists_the_held_mails_once(mode, django_capture_on_commit_callbacks):
    user = UserFactory(full_name="Anna de Vries")
    other = UserFactory()
    NotificationPreference.objects.create(user=user, kind="actions", mode=mode)
    NotificationPreference.objects.create(user=user, kind="partners", mode=mode)
    with django_capture_on_commit_callbacks(execute=True):
        _queue(user, key="a")
        _queue(user, kind="partners", key="b")
        _queue(other, key="c")  # at once
    assert [m.to for m in mail.outbox] == [[other.email]]
    mail.outbox.clear()
    other_mode = "weekly" if mode == "daily" else "daily"
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.digests_send(mode=other_mode) == 0
        assert digests.digests_send(mode=mode) == 1
        assert digests.digests_send(mode=mode) == 0  # a rerun: nothing twice
    [digest] = mail.outbox
    assert digest.to == [user.email]
    assert digest.body.count("https://x.example/t/") == 2
    assert "Anna de Vries" in digest.body
    assert set(
        OutgoingMail.objects.filter(key__in=["a", "b"]).values_list("status", flat=True)
    ) == {OutgoingMail.Status.BUNDLED}
    # Its one-click link switches off both kinds it lists.
    Client().post(digest.extra_headers["List-Unsubscribe"].strip("<>").split("8000", 1)[-1])
    assert _modes(user) == {"actions": "off", "partners": "off"}


def test_the_sweep_never_sends_a_held_mail(django_capture_on_commit_callbacks):
    from avk.emails import mail_sweep

    user = UserFactory()
    NotificationPreference.objects.create(user=user, kind="actions", mode="weekly")
    held = _queue(user)
    OutgoingMail.objects.filter(pk=held.pk).update(created_at=held.created_at.replace(year=2020))
    with django_capture_on_commit_callbacks(execute=True):
        assert mail_sweep() == 0
    assert not mail.outbox
