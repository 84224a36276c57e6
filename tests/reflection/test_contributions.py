"""Contributions before a reflection session: the form, moderation, the calendar entry and
the invitations."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from icalendar import Calendar

from avk.models import AuditEntry, OutgoingMail
from partners.models import Person
from reflection.models import AttentionPoint, Contribution, ReflectionSession
from reflection.selectors import calendar as ical
from reflection.tasks import reflection_invitations
from tests.factories import PersonFactory, UserFactory

TODAY = timezone.localdate


def make_session(*, days=30, level=ReflectionSession.Level.PROGRAMMATEAM, participants=(), **kw):
    session = ReflectionSession.objects.create(
        year=2025, level=level, date=TODAY() + datetime.timedelta(days=days), **kw
    )
    session.participants.add(*participants)
    return session


def person_of(user, **kwargs):
    return Person.objects.filter(user=user).first() or PersonFactory(
        user=user, email=user.email, **kwargs
    )


@pytest.fixture
def participant(db):
    return UserFactory(email="deelnemer@example.org", full_name="Dirk Deelnemer")


@pytest.fixture
def session(participant):
    return make_session(participants=[person_of(participant)], facilitator="Fenna")


def contribute_url(session):
    return reverse("reflection:contribute", args=[session.pk])


# --- the form ------------------------------------------------------------------------------


def test_participant_answers_and_updates_own_answers(client, participant, session):
    client.force_login(participant)
    page = client.get(contribute_url(session))
    assert page.status_code == 200
    assert b'name="het"' in page.content and b'name="wij"' in page.content
    assert b'name="ik"' in page.content
    response = client.post(contribute_url(session), {"het": "Goede planning", "wij": "", "ik": ""})
    assert response.status_code == 302
    assert Contribution.objects.get(session=session, author=participant).text == "Goede planning"

    client.post(contribute_url(session), {"het": "Betere planning", "wij": "Samen", "ik": ""})
    texts = dict(
        Contribution.objects.filter(session=session, author=participant).values_list("side", "text")
    )
    assert texts == {"het": "Betere planning", "wij": "Samen"}
    # The saved answers come back in the form.
    assert b"Betere planning" in client.get(contribute_url(session)).content
    assert AuditEntry.objects.filter(group="reflection:2025").count() == 3


def test_clearing_an_answer_removes_only_that_one(client, participant, session):
    client.force_login(participant)
    client.post(contribute_url(session), {"het": "A", "wij": "B", "ik": "C"})
    client.post(contribute_url(session), {"het": "A", "wij": "", "ik": "C"})
    sides = set(Contribution.objects.filter(author=participant).values_list("side", flat=True))
    assert sides == {"het", "ik"}


def test_forged_author_and_other_peoples_rows_are_ignored(client, participant, session):
    other = UserFactory(email="ander@example.org")
    session.participants.add(person_of(other))
    theirs = Contribution.objects.create(session=session, author=other, side="wij", text="Van mij")
    client.force_login(participant)
    client.post(
        contribute_url(session),
        {"wij": "Overschreven?", "author": other.pk, "contribution": theirs.pk, "id": theirs.pk},
    )
    theirs.refresh_from_db()
    assert theirs.text == "Van mij" and theirs.author == other
    mine = Contribution.objects.get(session=session, author=participant)
    assert mine.text == "Overschreven?" and mine.side == "wij"


def test_staff_may_contribute_until_the_date(client, staff, session):
    client.force_login(staff)
    assert client.post(contribute_url(session), {"ik": "Ook ik"}).status_code == 302
    assert Contribution.objects.filter(author=staff, session=session).exists()


@pytest.mark.parametrize("persona", ["editor_a", "editor_b", "db_member", "outsider"])
def test_non_participants_get_403(client, session, personas, persona):
    client.force_login(personas[persona])
    url = contribute_url(session)
    assert client.get(url).status_code == 403
    assert client.post(url, {"het": "x"}).status_code == 403
    ical_url = reverse("reflection:session_ical", args=[session.pk])
    assert client.get(ical_url).status_code == 403
    assert not Contribution.objects.exists()


def test_unknown_session_is_404(client, participant):
    client.force_login(participant)
    assert client.get(reverse("reflection:contribute", args=[999999])).status_code == 404


@pytest.mark.parametrize("days", [0, -1, -400])
def test_nothing_can_be_written_from_the_session_date_on(client, participant, staff, days):
    session = make_session(days=days, participants=[person_of(participant)])
    Contribution.objects.create(session=session, author=participant, side="het", text="Oud")
    for user in (participant, staff):
        client.force_login(user)
        page = client.get(contribute_url(session))
        assert page.status_code == 200
        assert b"<textarea" not in page.content and b'role="status"' in page.content
        assert client.post(contribute_url(session), {"het": "Nieuw"}).status_code == 403
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Oud"]


def test_service_refuses_after_the_date_too(participant):
    from django.core.exceptions import PermissionDenied

    from reflection.services.contributions import contributions_save

    session = make_session(days=-1, participants=[person_of(participant)])
    with pytest.raises(PermissionDenied):
        contributions_save(session=session, author=participant, answers={"het": "Te laat"})


def test_empty_answers_give_a_message(client, participant, session):
    client.force_login(participant)
    response = client.post(contribute_url(session), {"het": "  ", "wij": "", "ik": "\n"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert b"alert" in response.content
    assert not Contribution.objects.exists()


def test_too_long_answer_gives_a_message(client, participant, session):
    client.force_login(participant)
    response = client.post(contribute_url(session), {"wij": "x" * 2001})
    assert response.status_code == 200
    assert "wij" in response.context["form"].errors
    assert not Contribution.objects.exists()
    # Exactly 2000 characters, with browser line endings counted as one, is fine.
    text = ("y" * 99 + "\r\n") * 20
    assert client.post(contribute_url(session), {"wij": text}).status_code == 302
    assert len(Contribution.objects.get().text) == 1999  # stripped of the last line break


def test_script_is_stored_as_text_and_escaped(client, participant, staff, session):
    client.force_login(participant)
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert client.post(contribute_url(session), {"ik": script}).status_code == 302
    own = client.get(contribute_url(session)).content
    assert b"<script>alert" not in own and b"&lt;script&gt;" in own
    client.force_login(staff)
    listing = client.get(reverse("reflection:contribution_list", args=[session.pk])).content
    assert b"<script>alert" not in listing and b"<img src=x" not in listing
    assert b"&lt;script&gt;" in listing


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(["het", "wij", "ik", "author", "session", "side", "status"]),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2100),
        max_size=7,
    )
)
def test_garbage_never_gives_a_server_error(client, participant, session, data):
    client.force_login(participant)
    response = client.post(contribute_url(session), data)
    assert response.status_code in (200, 302)
    assert all(c.author_id == participant.pk for c in Contribution.objects.all())


# --- moderation ----------------------------------------------------------------------------


def test_staff_see_contributions_by_side_and_moderate(client, staff, participant, session):
    used = Contribution.objects.create(session=session, author=participant, side="het", text="A")
    aside = Contribution.objects.create(session=session, author=participant, side="ik", text="B")
    client.force_login(staff)
    url = reverse("reflection:contribution_list", args=[session.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert [len(side["items"]) for side in page.context["sides"]] == [1, 0, 1]
    assert client.post(url, {"contribution": used.pk, "status": "used"}).status_code == 302
    client.post(url, {"contribution": aside.pk, "status": "set_aside"})
    used.refresh_from_db()
    aside.refresh_from_db()
    assert (used.status, aside.status) == ("used", "set_aside")
    # Nonsense keeps the status as it was.
    client.post(url, {"contribution": used.pk, "status": "deleted"})
    used.refresh_from_db()
    assert used.status == "used"


def test_moderation_of_another_sessions_contribution_is_404(client, staff, participant, session):
    other = make_session(level=ReflectionSession.Level.MANAGERS)
    theirs = Contribution.objects.create(session=other, author=participant, side="het", text="A")
    client.force_login(staff)
    url = reverse("reflection:contribution_list", args=[session.pk])
    assert client.post(url, {"contribution": theirs.pk, "status": "used"}).status_code == 404


def test_participants_cannot_moderate_or_promote(client, participant, session):
    own = Contribution.objects.create(session=session, author=participant, side="het", text="A")
    client.force_login(participant)
    url = reverse("reflection:contribution_list", args=[session.pk])
    assert client.post(url, {"contribution": own.pk, "status": "used"}).status_code == 403
    promote = reverse("reflection:contribution_promote", args=[own.pk])
    assert client.post(promote).status_code == 403
    own.refresh_from_db()
    assert own.status == "new" and not AttentionPoint.objects.exists()


def test_promoting_creates_the_next_numbered_attention_point(client, staff, participant, session):
    AttentionPoint.objects.create(session=session, side="wij", number=1, title="Eerste")
    AttentionPoint.objects.create(session=session, side="wij", number=3, title="Derde")
    AttentionPoint.objects.create(session=session, side="het", number=7, title="Ander kant")
    long_first_line = "Meer samen optrekken " * 20
    text = f"{long_first_line}\nMet de gemeenten.\n"
    contribution = Contribution.objects.create(
        session=session, author=participant, side="wij", text=text
    )
    client.force_login(staff)
    response = client.post(reverse("reflection:contribution_promote", args=[contribution.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reflection:contribution_list", args=[session.pk])
    # Numbered after the session's last point, whatever its side.
    point = AttentionPoint.objects.get(session=session, side="wij", number=8)
    assert len(point.title) <= 300 and point.title.startswith("Meer samen optrekken")
    assert "\n" not in point.title
    assert point.description == text
    contribution.refresh_from_db()
    assert contribution.attention_point == point and contribution.status == "used"
    # A second click makes no second point.
    client.post(reverse("reflection:contribution_promote", args=[contribution.pk]))
    assert AttentionPoint.objects.filter(session=session, side="wij").count() == 3
    # The next one, on a fresh side, goes on counting.
    first_ik = Contribution.objects.create(
        session=session, author=participant, side="ik", text="Rust"
    )
    client.post(reverse("reflection:contribution_promote", args=[first_ik.pk]))
    assert AttentionPoint.objects.get(session=session, side="ik").number == 9


def test_promote_is_post_only(client, staff, participant, session):
    contribution = Contribution.objects.create(
        session=session, author=participant, side="wij", text="A"
    )
    client.force_login(staff)
    url = reverse("reflection:contribution_promote", args=[contribution.pk])
    assert client.get(url).status_code == 405


# --- the calendar entry --------------------------------------------------------------------


def test_ical_entry_parses(client, participant):
    session = make_session(
        level=ReflectionSession.Level.OTHER,
        group_name="Werkgroep; armoede, en\\ zo",
        participants=[person_of(participant)],
        facilitator="Fenna van der Veen-Ëlders " * 4,
    )
    client.force_login(participant)
    response = client.get(reverse("reflection:session_ical", args=[session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.endswith(b"\r\n")
    physical = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(physical) and b"\r" not in b"".join(physical)
    assert all(len(line) <= 75 for line in physical)
    assert any(line.startswith(b" ") for line in physical)  # something was folded
    # Unfold (RFC 5545, 3.1) and read the properties.
    lines = raw.decode().replace("\r\n ", "").split("\r\n")[:-1]
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert any(line.startswith("PRODID:") for line in lines)
    assert lines[-2:] == ["END:VEVENT", "END:VCALENDAR"]
    assert "BEGIN:VEVENT" in lines
    assert f"DTSTART;VALUE=DATE:{session.date:%Y%m%d}" in lines
    assert f"DTEND;VALUE=DATE:{session.date + datetime.timedelta(days=1):%Y%m%d}" in lines
    assert any(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line) for line in lines)
    assert f"UID:{ical.session_uid(session)}" in lines
    assert "SUMMARY:Eiland van reflectie Werkgroep\\; armoede\\, en\\\\ zo 2025" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "\\n" in description and contribute_url(session) in description
    # The same session keeps the same UID.
    again = client.get(reverse("reflection:session_ical", args=[session.pk])).content.decode()
    assert f"UID:{ical.session_uid(session)}" in again


def test_ical_entry_links_to_the_configured_site_address(client, participant, settings):
    settings.SITE_URL = "https://portaal.avk.example"
    session = make_session(participants=[person_of(participant)])
    client.force_login(participant)
    raw = client.get(reverse("reflection:session_ical", args=[session.pk])).content
    (event,) = Calendar.from_ical(raw).events
    link = "https://portaal.avk.example" + contribute_url(session)
    assert event.url == link
    assert link in event.description
    assert "testserver" not in raw.decode()


def test_ical_entry_parses_back_to_the_same_text(participant):
    group = "Werkgroep; armoede, en\\ zo " + "Ëé€" * 20  # within the 100 characters of group_name
    session = make_session(level=ReflectionSession.Level.OTHER, group_name=group)
    description = "Vooraf: antwoorden, graag; op \\ drie vragen\nBegeleiding: Fenna"
    raw = ical.session_calendar(
        session=session, url="https://example.org/x", description=description
    )
    physical = raw.split(b"\r\n")
    assert physical[-1] == b""  # every line ends with CRLF, the last one too
    assert not any(b"\r" in line or b"\n" in line for line in physical)
    assert all(len(line) <= 75 for line in physical)
    (event,) = Calendar.from_ical(raw).events
    assert event.summary == f"Eiland van reflectie {group} 2025"
    assert event.description == description
    assert event.url == "https://example.org/x"
    assert (event.start, event.end) == (session.date, session.date + datetime.timedelta(days=1))


# --- invitations ---------------------------------------------------------------------------


def test_invitations_once_per_participant_even_when_run_twice(
    participant, django_capture_on_commit_callbacks
):
    no_mail = PersonFactory(email="")
    no_login = PersonFactory(email="zonder.account@example.org", name="Zonder Account")
    soon = make_session(days=14, participants=[person_of(participant), no_mail, no_login])
    make_session(
        days=60, level=ReflectionSession.Level.MANAGERS, participants=[person_of(participant)]
    )
    make_session(
        days=-3, level=ReflectionSession.Level.STUURGROEP, participants=[person_of(participant)]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reflection_invitations.delay().get() == 2
        assert reflection_invitations.delay().get() == 0
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "deelnemer@example.org",
        "zonder.account@example.org",
    ]
    assert OutgoingMail.objects.filter(key__startswith=f"reflection-invite:{soon.pk}:").count() == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        for body in (message.body, html):
            assert contribute_url(soon) in body
            assert reverse("reflection:session_ical", args=[soon.pk]) in body
            assert "2025" in body
        assert "2025" in message.subject
    # A participant added later still gets an invitation, the others not again.
    late = UserFactory(email="laat@example.org")
    soon.participants.add(person_of(late))
    with django_capture_on_commit_callbacks(execute=True):
        assert reflection_invitations.delay().get() == 1
    assert [m.to for m in mail.outbox[2:]] == [["laat@example.org"]]


def test_invitation_is_in_the_participants_language(
    participant, django_capture_on_commit_callbacks
):
    participant.language = "en"
    participant.save()
    session = make_session(days=10, participants=[person_of(participant)])
    with django_capture_on_commit_callbacks(execute=True):
        reflection_invitations.delay()
    assert OutgoingMail.objects.get().language == "en"
    assert "Eiland van reflectie" in mail.outbox[0].subject
    assert str(session.year) in mail.outbox[0].subject


def test_invitations_follow_the_reflection_preference(
    participant, django_capture_on_commit_callbacks
):
    from avk.models import NotificationPreference

    NotificationPreference.objects.create(user=participant, kind="reflection", mode="off")
    no_login = PersonFactory(email="zonder.account@example.org")
    make_session(days=10, participants=[person_of(participant), no_login])
    with django_capture_on_commit_callbacks(execute=True):
        assert reflection_invitations.delay().get() == 1
    assert [m.to for m in mail.outbox] == [["zonder.account@example.org"]]
