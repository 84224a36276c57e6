"""The opening mail: a voting opens -> each voter is told once, with a calendar entry."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from avk.models import NotificationPreference, OutgoingMail
from governance.models import ConflictOfInterest, Memo, Seat
from governance.services import voting as sv
from governance.services import voting_mail
from governance.tasks import voters_notify, voting_advance
from tests.factories import UserFactory
from tests.governance.factories import MemoFactory, ProposedDecisionFactory
from tests.governance.factories_voting import voter

pytestmark = pytest.mark.django_db


def _submitted(staff, body, *, decisions=2, opens=None):
    memo = MemoFactory(body=body, title="Jaarplan 2027")
    for k in range(decisions):
        ProposedDecisionFactory(memo=memo, order=k, text=f"Voorstel nummer {k + 1}")
    deadline = timezone.now() + datetime.timedelta(days=14)
    return sv.memo_submit(memo=memo, user=staff, voting_deadline=deadline, voting_opens_at=opens)


def test_each_voter_gets_one_mail_with_the_decisions_deadline_link_and_calendar_entry(
    staff, db_body, django_capture_on_commit_callbacks
):
    anna = voter(db_body, email="anna@example.org", name="Anna de Vries")
    bob = voter(db_body, email="bob@example.org")
    bob.language = "en"
    bob.save()
    voter(db_body, email="secretaris@example.org", role=Seat.Role.SECRETARY)  # does not vote
    voter(db_body, email="adviseur@example.org", role=Seat.Role.ADVISER)  # a guest
    UserFactory(email="buiten@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        memo = _submitted(staff, db_body)
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bob@example.org"]
    dutch = next(m for m in mail.outbox if m.to == [anna.email])
    assert dutch.subject == "Je kunt nu stemmen: Jaarplan 2027"
    html = dutch.alternatives[0][0]
    for body in (dutch.body, html):
        assert "Voorstel nummer 1" in body and "Voorstel nummer 2" in body
        assert f"/bestuur/memos/{memo.pk}/stemmen/" in body or f"{memo.pk}" in body
        assert "Dagelijks Bestuur" in body
    deadline = timezone.localtime(memo.voting_deadline)
    assert f"{deadline:%H:%M}" in dutch.body
    [(filename, content, mimetype)] = dutch.attachments
    assert filename == "stemming.ics" and mimetype.startswith("text/calendar")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("DTSTART") == memo.voting_deadline.replace(microsecond=0)
    assert str(event["UID"]).startswith(f"governance-memo-deadline-{memo.pk}@")
    english = next(m for m in mail.outbox if m.to == [bob.email])
    assert english.subject == "You can vote now: Jaarplan 2027"


def test_nobody_is_mailed_twice_for_one_opening(staff, db_body, django_capture_on_commit_callbacks):
    for i in range(3):
        voter(db_body, email=f"lid{i}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        memo = _submitted(staff, db_body)
    assert len(mail.outbox) == 3
    with django_capture_on_commit_callbacks(execute=True):
        # A retried task, a second task, and beat's safety net: nothing new.
        assert voters_notify(memo.pk) == 0
        assert voting_mail.voters_notify(memo_id=memo.pk) == 0
        later = timezone.now() + datetime.timedelta(minutes=5)
        assert voting_mail.voters_notify_missed(now=later) == 0
        voting_advance()
    assert len(mail.outbox) == 3
    assert OutgoingMail.objects.filter(template="vote_opened").count() == 3


def test_a_scheduled_opening_is_announced_when_beat_opens_it(
    staff, db_body, django_capture_on_commit_callbacks
):
    voter(db_body, email="anna@example.org")
    opens = timezone.now() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        memo = _submitted(staff, db_body, opens=opens)
    assert memo.status == Memo.Status.SUBMITTED and not mail.outbox  # not open yet
    with django_capture_on_commit_callbacks(execute=True):
        assert sv.voting_open_due(now=opens) == 1
        assert sv.voting_open_due(now=opens) == 0
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]


def test_a_voter_who_stepped_aside_on_every_decision_is_still_told(
    staff, db_body, django_capture_on_commit_callbacks
):
    """Decided: they are still a voter of the body; the mail tells them the memo is there."""
    anna = voter(db_body, email="anna@example.org")
    memo = MemoFactory(body=db_body, status=Memo.Status.VOTING)
    memo.voting_deadline = timezone.now() + datetime.timedelta(days=3)
    memo.save()
    seat = Seat.objects.get(person__user=anna)
    for k in range(2):
        decision = ProposedDecisionFactory(memo=memo, order=k)
        ConflictOfInterest.objects.create(decision=decision, seat=seat, reason="Eigen organisatie")
    with django_capture_on_commit_callbacks(execute=True):
        assert voting_mail.voters_notify(memo_id=memo.pk) == 1
    assert [m.to for m in mail.outbox] == [[anna.email]]


def test_a_closed_or_withdrawn_memo_is_not_announced(staff, db_body):
    voter(db_body, email="anna@example.org")
    memo = _submitted(staff, db_body)
    sv.memo_withdraw(memo=memo, user=staff)
    OutgoingMail.objects.all().delete()
    assert voting_mail.voters_notify(memo_id=memo.pk) == 0
    assert voting_mail.voters_notify(memo_id=10**9) == 0


@pytest.mark.parametrize(
    ("mode", "status"),
    [
        ("now", OutgoingMail.Status.SENT),
        ("daily", OutgoingMail.Status.HELD),
        ("weekly", OutgoingMail.Status.HELD),
        ("off", None),
    ],
)
def test_the_opening_mail_follows_the_votes_preference(
    staff, db_body, django_capture_on_commit_callbacks, mode, status
):
    anna = voter(db_body, email="anna@example.org")
    NotificationPreference.objects.create(user=anna, kind="votes", mode=mode)
    with django_capture_on_commit_callbacks(execute=True):
        _submitted(staff, db_body)
    rows = OutgoingMail.objects.filter(template="vote_opened")
    if status is None:
        assert not rows.exists() and not mail.outbox
        return
    [row] = rows
    assert row.status == status and row.kind == "votes" and row.user == anna
    assert len(mail.outbox) == (1 if mode == "now" else 0)
    if mode == "now":
        assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == (
            "List-Unsubscribe=One-Click"
        )


def test_a_substitute_is_told_for_the_seat_they_hold_and_the_seat_holder_is_not(
    staff, body, holder, seat, sanne, django_capture_on_commit_callbacks
):
    from governance.services.substitutes import substitution_name

    today = timezone.localdate()
    substitution_name(
        user=holder, seat=seat, substitute=sanne, starts_on=today, ends_on=today, today=today
    )
    with django_capture_on_commit_callbacks(execute=True):
        _submitted(staff, body)
    recipients = [m.to[0] for m in mail.outbox]
    assert sanne.email in recipients and holder.email not in recipients


def test_the_voters_of_a_body_take_the_same_queries_however_many_seats_are_represented(
    body, django_assert_num_queries
):
    """The substitutes' users come with the substitutions, not one query each."""
    from tests.governance.factories_substitutes import substitution
    from tests.governance.factories_voting import voting_memo

    def substituted_seat():
        user = voter(body)
        substitution(Seat.objects.get(person__user=user, body=body))

    memo = voting_memo(body)
    substituted_seat()
    with django_assert_num_queries(2):
        assert len(voting_mail._voters(memo, timezone.localdate())) == 1
    for _ in range(4):
        substituted_seat()
    voter(body)
    with django_assert_num_queries(2):
        assert len(voting_mail._voters(memo, timezone.localdate())) == 6
