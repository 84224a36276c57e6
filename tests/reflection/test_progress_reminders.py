"""Reminders to effort owners when a progress update is due: once per effort per period,
in the owner's language, with a link to the effort's page."""

import datetime

import pytest
from django.core import mail

from avk.models import OutgoingMail
from reflection.models import Effort, PhasePlan
from reflection.services.progress import effort_update_remind
from reflection.tasks import effort_update_reminders
from tests.factories import PersonFactory, UserFactory
from tests.reflection.factories_plans import EffortFactory, EffortUpdateFactory, PhasePlanFactory

pytestmark = pytest.mark.django_db

D = datetime.date
# The quarter July to September 2026 ends on 30 September: due from 17 September on.
DUE = D(2026, 9, 20)


def make_effort(language="nl", email="eigenaar@example.org", **kwargs):
    user = UserFactory(email=email, language=language)
    kwargs.setdefault("plan", PhasePlanFactory(status=PhasePlan.Status.ADOPTED))
    return EffortFactory(
        owner=PersonFactory(name="Femke Dijkstra", email=email, user=user),
        start=D(2025, 9, 1),
        end=D(2026, 12, 31),
        **kwargs,
    )


def run(today, capture):
    with capture(execute=True):
        return effort_update_remind(today=today)


def test_a_reminder_goes_out_once_per_effort_per_period(django_capture_on_commit_callbacks):
    effort = make_effort()
    assert run(DUE, django_capture_on_commit_callbacks) == 1
    assert run(DUE, django_capture_on_commit_callbacks) == 0  # a retry or a second beat run
    assert run(D(2026, 9, 30), django_capture_on_commit_callbacks) == 0  # later in the window
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get().key == f"effort-update-due:{effort.pk}:2026-07"
    # The next period has its own reminder.
    assert run(D(2026, 12, 25), django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2


def test_the_task_calls_the_service(django_capture_on_commit_callbacks, monkeypatch):
    make_effort()
    from reflection.services import progress

    monkeypatch.setattr(progress.timezone, "localdate", lambda: DUE)
    with django_capture_on_commit_callbacks(execute=True):
        assert effort_update_reminders.delay().get() == 1
        assert effort_update_reminders.delay().get() == 0
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "day",
    [D(2026, 9, 16), D(2026, 7, 1), D(2026, 10, 1)],
)
def test_no_reminder_outside_the_last_two_weeks(day, django_capture_on_commit_callbacks):
    make_effort()
    assert run(day, django_capture_on_commit_callbacks) == 0


def test_the_first_day_of_the_window_and_the_last_day_of_the_period(
    django_capture_on_commit_callbacks,
):
    make_effort()
    assert run(D(2026, 9, 17), django_capture_on_commit_callbacks) == 1
    make_effort(email="ander@example.org")
    assert run(D(2026, 9, 30), django_capture_on_commit_callbacks) == 1


def test_no_reminder_when_not_due(django_capture_on_commit_callbacks):
    written = make_effort(email="klaar@example.org")
    EffortUpdateFactory(effort=written, period_start=D(2026, 7, 1))
    make_effort(email="concept@example.org", plan=PhasePlanFactory())  # a draft plan
    make_effort(email="oud@example.org", plan=PhasePlanFactory(status=PhasePlan.Status.SUPERSEDED))
    make_effort(email="gestopt@example.org", status=Effort.Status.STOPPED)
    make_effort(email="gedaan@example.org", status=Effort.Status.DONE)
    later = make_effort(email="later@example.org")
    Effort.objects.filter(pk=later.pk).update(start=D(2026, 10, 1))
    earlier = make_effort(email="eerder@example.org")
    Effort.objects.filter(pk=earlier.pk).update(start=D(2025, 9, 1), end=D(2026, 6, 30))
    no_mail = make_effort(email="geen-mail@example.org")
    no_mail.owner.email = ""
    no_mail.owner.save()
    EffortFactory(plan=PhasePlanFactory(status=PhasePlan.Status.ADOPTED), owner=None)
    assert run(DUE, django_capture_on_commit_callbacks) == 0
    assert not mail.outbox


def test_the_reminder_is_in_the_owners_language_with_a_link(django_capture_on_commit_callbacks):
    dutch = make_effort(title="Etalage", email="nl@example.org")
    english = make_effort(language="en", title="Showcase", email="en@example.org")
    run(DUE, django_capture_on_commit_callbacks)
    messages = {m.to[0]: m for m in mail.outbox}
    nl, en = messages["nl@example.org"], messages["en@example.org"]
    assert nl.subject == "Hoe gaat het met “Etalage”? Je update is nodig"
    assert en.subject == "How is “Showcase” going? Your update is due"
    assert "30 september 2026" in nl.body and "Sept. 30, 2026" in en.body
    for message, effort in ((nl, dutch), (en, english)):
        link = f"/reflectie/inspanningen/{effort.pk}/"
        html = message.alternatives[0][0]
        assert link in message.body and link in html
        assert message.body.split("\n--\n")[0].count("http") == 1  # then the unsubscribe footer
    assert "Femke Dijkstra" in nl.body
    assert OutgoingMail.objects.get(to="en@example.org").language == "en"


@pytest.mark.parametrize(("mode", "sent"), [("off", 0), ("weekly", 0), ("now", 1)])
def test_the_reminder_follows_the_owners_monitoring_preference(
    django_capture_on_commit_callbacks, mode, sent
):
    from avk.models import NotificationPreference

    effort = make_effort()
    NotificationPreference.objects.create(user=effort.owner.user, kind="monitoring", mode=mode)
    run(DUE, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == sent
    rows = OutgoingMail.objects.filter(kind="monitoring")
    assert rows.count() == (0 if mode == "off" else 1)
