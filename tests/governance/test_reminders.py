"""The daily reminder digest: what is missing, to whom, at most once a day, never twice."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from avk.links import absolute_reverse
from avk.models import OutgoingMail
from governance.models import ActionItem, Seat
from governance.services import reminders
from governance.tasks import reminder_digests
from tests.factories import PersonFactory, SeatFactory, UserFactory
from tests.governance.factories import (
    ActionItemFactory,
    MemoFactory,
    ProposedDecisionFactory,
    VoteFactory,
    VotingMemoFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _reminder_settings(settings):
    settings.AVK_VOTE_REMINDER_DAYS = [3, 1]
    settings.AVK_ACTION_REMINDER_DAYS = 3
    settings.SITE_URL = "https://portaal.avk.example"


def _morning(days=0):
    """08:00 in Amsterdam, `days` from today: when beat runs the digest."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 0)))


def _deadline(days):
    """17:00 in Amsterdam, `days` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))


def _voter(body, email, *, language="nl", role=Seat.Role.MEMBER, name=None):
    user = UserFactory(email=email, language=language, full_name=name or email.split("@")[0])
    seat = SeatFactory(person=PersonFactory(email=email, user=user), body=body, role=role)
    return user, seat


def _voting_memo(body, *, days, decisions=3, title="Randvoorwaarden programma"):
    memo = VotingMemoFactory(
        body=body,
        title=title,
        voting_opens_at=_morning(-7),
        voting_deadline=_deadline(days),
    )
    return memo, [ProposedDecisionFactory(memo=memo, order=k) for k in range(decisions)]


def _send(days=0):
    now = _morning(days)
    return reminders.reminder_digests_send(now=now, today=timezone.localdate(now))


def test_digest_says_what_is_missing_in_the_recipients_language(
    db_body, django_capture_on_commit_callbacks
):
    _anna, anna_seat = _voter(db_body, "anna@example.org", name="Anna")
    _bob, _seat = _voter(db_body, "bob@example.org", language="en", name="Bob")
    memo, decisions = _voting_memo(db_body, days=3)
    VoteFactory(decision=decisions[0], seat=anna_seat)
    ActionItemFactory(
        owner=anna_seat.person,
        title="Begroting 2027 opstellen",
        due_date=timezone.localdate() + 2 * DAY,
    )
    ActionItemFactory(
        owner=anna_seat.person, title="Notulen rondsturen", due_date=timezone.localdate() - 4 * DAY
    )
    ActionItemFactory(
        owner=anna_seat.person, title="Later", due_date=timezone.localdate() + 20 * DAY
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 3  # Anna: one about votes, one about actions (two kinds); Bob
    by_to = {(m.to[0], "actie" in m.subject): m for m in mail.outbox}
    assert set(by_to) == {
        ("anna@example.org", False),
        ("anna@example.org", True),
        ("bob@example.org", False),
    }

    dutch = by_to[("anna@example.org", False)]
    html = dutch.alternatives[0][0]
    assert dutch.subject == "Er wacht een memo op jouw stem"
    deadline = memo.voting_deadline.astimezone(timezone.get_current_timezone())
    for body in (dutch.body, html):
        assert "Hallo Anna" in body
        assert "Randvoorwaarden programma" in body and "Dagelijks Bestuur" in body
        assert "Op 2 van de 3 voorgestelde besluiten wacht nog jouw stem." in body
        assert f"{deadline.day} {_dutch_month(deadline.month)} {deadline.year}, 17:00" in body
        assert "https://portaal.avk.example/bestuur/" in body
        assert "Begroting 2027 opstellen" not in body
    assert "<li" in html and "&lt;" not in dutch.body
    actions = by_to[("anna@example.org", True)]
    for body in (actions.body, actions.alternatives[0][0]):
        assert "Begroting 2027 opstellen" in body
        assert "Notulen rondsturen" in body and "te laat" in body
        assert "Later" not in body
        assert "Randvoorwaarden programma" not in body

    english = by_to[("bob@example.org", False)]
    assert english.subject == "A memo awaits your vote"
    for body in (english.body, english.alternatives[0][0]):
        assert "Hello Bob" in body
        assert "3 of 3 proposed decisions still await your vote." in body
        assert "Deadline:" in body
        assert "actions" not in body.split("Deadline:")[0]


def _dutch_month(month):
    return [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ][month - 1]


def test_the_link_leads_to_the_voting_page(db_body, django_capture_on_commit_callbacks):
    _voter(db_body, "anna@example.org")
    memo, _decisions = _voting_memo(db_body, days=1)
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    digest = OutgoingMail.objects.get()
    [item] = digest.context["votes"]
    from django.urls import NoReverseMatch, reverse

    try:
        expected = reverse("governance:memo_vote", args=[memo.pk])
    except NoReverseMatch:  # the voting page is not there yet: the overview
        expected = reverse("governance:overview")
    assert item["link"] == "https://portaal.avk.example" + expected
    assert item["link"] in mail.outbox[0].body


def test_nobody_with_nothing_pending_or_without_a_login_gets_a_mail(
    db_body, sg_body, django_capture_on_commit_callbacks
):
    _done, done_seat = _voter(db_body, "klaar@example.org")
    _voter(db_body, "adviseur@example.org", role=Seat.Role.ADVISER)  # does not vote
    _ended, ended_seat = _voter(db_body, "oud@example.org")
    ended_seat.term_end = timezone.localdate() - 10 * DAY
    ended_seat.save()
    SeatFactory(person=PersonFactory(email="geen-login@example.org"), body=db_body)
    inactive, _seat = _voter(db_body, "inactief@example.org")
    inactive.is_active = False
    inactive.save()
    _voter(sg_body, "andere-body@example.org")

    _memo, decisions = _voting_memo(db_body, days=2, decisions=2)
    for decision in decisions:
        VoteFactory(decision=decision, seat=done_seat)
    _voting_memo(db_body, days=6, title="Nog ver weg")  # outside the window
    MemoFactory(body=db_body, title="Concept")  # draft: no voting
    ActionItemFactory(
        owner=done_seat.person, status=ActionItem.Status.DONE, due_date=timezone.localdate()
    )
    ActionItemFactory(owner=PersonFactory(), due_date=timezone.localdate())  # no login

    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 0
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_at_most_one_digest_a_day_and_a_retry_never_sends_twice(
    db_body, django_capture_on_commit_callbacks
):
    user, _seat = _voter(db_body, "anna@example.org")
    _voting_memo(db_body, days=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 1
        # A second run the same day, even with something new in it, queues nothing.
        _voting_memo(db_body, days=1, title="Nieuw")
        assert _send() == 0
        reminder_digests.apply()  # the beat task itself, retried
    assert len(mail.outbox) == 1
    mail_row = OutgoingMail.objects.get()
    assert mail_row.key == f"governance-digest:{user.pk}:{timezone.localdate().isoformat()}"
    assert mail_row.status == OutgoingMail.Status.SENT and mail_row.attempts == 1


def test_reminded_three_and_one_day_before_and_after_a_missed_beat(
    db_body, django_capture_on_commit_callbacks
):
    _voter(db_body, "anna@example.org")
    _voting_memo(db_body, days=3)
    sent = []
    with django_capture_on_commit_callbacks(execute=True):
        for day in range(4):  # 3, 2, 1 and 0 days before the deadline
            sent.append(_send(day))
    assert sent == [1, 0, 1, 0]
    assert len(mail.outbox) == 2

    # Beat missed the "3 days" morning: the memo is reminded with 2 days left instead.
    mail.outbox.clear()
    OutgoingMail.objects.all().delete()
    _late, _decisions = _voting_memo(db_body, days=5, title="Later gezien")
    with django_capture_on_commit_callbacks(execute=True):
        assert [_send(day) for day in (3, 4)] == [1, 1]
    assert ["Later gezien" in m.body for m in mail.outbox] == [True, True]


def test_a_vote_cast_in_between_stops_the_reminders(db_body, django_capture_on_commit_callbacks):
    _user, seat = _voter(db_body, "anna@example.org")
    _memo, decisions = _voting_memo(db_body, days=3, decisions=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send(0) == 1
        VoteFactory(decision=decisions[0], seat=seat)
        assert _send(2) == 0


def test_action_stages():
    assert reminders.action_stage(5, 3) is None
    assert reminders.action_stage(3, 3) == "soon"
    assert reminders.action_stage(0, 3) == "today"
    assert reminders.action_stage(-1, 3) == "overdue-0"
    assert reminders.action_stage(-30, 3) == "overdue-0"
    assert reminders.action_stage(-31, 3) == "overdue-1"
    assert reminders.vote_stage(4, [3, 1]) is None
    assert reminders.vote_stage(2, [3, 1]) == 3
    assert reminders.vote_stage(0, [3, 1]) == 1


def test_actions_are_reminded_when_due_soon_today_and_overdue(
    db_body, django_capture_on_commit_callbacks
):
    owner = PersonFactory(user=UserFactory(email="eigenaar@example.org"))
    ActionItemFactory(
        owner=owner, title="Faseplan bespreken", due_date=timezone.localdate() + 3 * DAY
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = [_send(day) for day in range(6)]
    # 3 days ahead (soon), 2 and 1 (nothing new), due today, overdue, still overdue.
    assert sent == [1, 0, 0, 1, 1, 0]
    assert mail.outbox[0].subject == "Je actiepunt moet bijna af zijn"


def _many_voters(body, n, start=0):
    for i in range(start, start + n):
        _user, seat = _voter(body, f"lid{i}@example.org")
        ActionItemFactory(owner=seat.person, due_date=timezone.localdate() + DAY)


def _queries_for_digests():
    OutgoingMail.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        queued = _send()
    return queued, len(queries)


def test_the_number_of_queries_does_not_grow_with_the_recipients(db_body, sg_body):
    _voting_memo(db_body, days=1)
    _voting_memo(sg_body, days=2)
    _many_voters(db_body, 2)
    _many_voters(sg_body, 1, start=100)
    few = _queries_for_digests()
    _many_voters(db_body, 25, start=200)
    _many_voters(sg_body, 15, start=300)
    many = _queries_for_digests()
    assert few[0] == 6 and many[0] == 86  # a mail about votes and one about actions each
    assert few[1] == many[1]


def test_digests_are_queued_in_slices_each_once(
    db_body, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(reminders, "QUEUE_SLICE", 5)
    _voting_memo(db_body, days=1)
    for i in range(12):
        _voter(db_body, f"lid{i}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 12
        assert _send() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"lid{i}@example.org" for i in range(12))


def test_a_digest_that_could_not_be_sent_does_not_count_as_reminded(
    db_body, django_capture_on_commit_callbacks
):
    _voter(db_body, "anna@example.org")
    _voting_memo(db_body, days=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert _send(0) == 1
    tomorrow = _morning(1)

    def due_tomorrow():
        return len(reminders.digests_build(now=tomorrow, today=timezone.localdate(tomorrow)))

    assert due_tomorrow() == 0  # sent: the "3 days" stage is done
    # Still waiting to go out (the queue was down; the sweep will send it): on its way.
    OutgoingMail.objects.update(status=OutgoingMail.Status.PENDING)
    assert due_tomorrow() == 0
    # Given up after its attempts (e.g. the mail server refused it): it never arrived.
    OutgoingMail.objects.update(status=OutgoingMail.Status.FAILED)
    assert due_tomorrow() == 1


def test_each_kind_of_digest_follows_its_preference(db_body, django_capture_on_commit_callbacks):
    from avk.models import NotificationPreference

    anna, anna_seat = _voter(db_body, "anna@example.org")
    _voting_memo(db_body, days=1)
    ActionItemFactory(owner=anna_seat.person, due_date=timezone.localdate() + DAY)
    NotificationPreference.objects.create(user=anna, kind="votes", mode="weekly")
    NotificationPreference.objects.create(user=anna, kind="actions", mode="off")
    with django_capture_on_commit_callbacks(execute=True):
        assert _send() == 1  # the votes digest, held for the weekly summary
        assert _send() == 0
    assert not mail.outbox
    [row] = OutgoingMail.objects.all()
    assert (row.kind, row.status, row.digest) == ("votes", OutgoingMail.Status.HELD, "weekly")
    assert row.context["link"] == absolute_reverse("governance:my_votes")
