import datetime

from django.core import mail

from avk.emails import mail_deliver
from avk.models import OutgoingMail
from partners.models import Package, TeamMember
from partners.services import reminders
from tests.factories import PartnerFactory, PersonFactory

JAN_20 = datetime.date(2026, 1, 20)


def _partner_with_contact(name, email, **kwargs):
    partner = PartnerFactory(name=name, **kwargs)
    partner.contact_person = PersonFactory(partner=partner, name=f"Contact {name}", email=email)
    partner.save()
    return partner


def test_renewal_reminder_once_per_partner_per_year(db, django_capture_on_commit_callbacks):
    package = Package.objects.create(code="B", name="Meedoen")
    _partner_with_contact("Cosis", "contact@cosis.example", package=package)
    PartnerFactory(name="Zonder aanspreekpunt")
    assert reminders.commitment_renewal_remind(today=datetime.date(2026, 1, 10)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.commitment_renewal_remind(today=JAN_20) == 1
        assert reminders.commitment_renewal_remind(today=JAN_20 + datetime.timedelta(days=30)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["contact@cosis.example"]
    assert "Cosis" in message.subject
    assert "pakket B" in message.body and "pakket B" in message.alternatives[0][0]
    assert "/partners/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.commitment_renewal_remind(today=datetime.date(2027, 2, 1)) == 1


def test_incomplete_team_reminder_monthly_and_says_what_is_missing(
    db, django_capture_on_commit_callbacks
):
    partner = _partner_with_contact("Lentis", "contact@lentis.example")
    TeamMember.objects.create(partner=partner, person=partner.contact_person, role="manager")
    complete = _partner_with_contact("Compleet", "contact@compleet.example")
    for role in ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]:
        TeamMember.objects.create(partner=complete, person=PersonFactory(), role=role)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.team_incomplete_remind(today=JAN_20) == 1
        assert reminders.team_incomplete_remind(today=JAN_20) == 0
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "nog 1 bestuurder nodig" in body and "nog 1 manager nodig" in body
    assert "nog 2 uitvoerenden nodig" in body
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.team_incomplete_remind(today=datetime.date(2026, 2, 1)) == 1


def test_a_retried_delivery_never_sends_twice(db):
    partner = _partner_with_contact("GKB", "contact@gkb.example")
    reminders.team_incomplete_remind(today=JAN_20)  # callbacks not run: still pending
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.PENDING
    assert mail_deliver(mail_id=queued.pk) is True
    assert mail_deliver(mail_id=queued.pk) is False  # the retry finds it sent
    assert len(mail.outbox) == 1
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and queued.attempts == 1
    assert partner.pk


def test_partner_reminders_follow_the_contact_persons_preference(
    db, django_capture_on_commit_callbacks
):
    from avk.models import NotificationPreference
    from tests.factories import UserFactory

    package = Package.objects.create(code="B", name="Meedoen")
    muted = _partner_with_contact("Cosis", "stil@cosis.example", package=package)
    muted.contact_person.user = UserFactory(email="stil@cosis.example")
    muted.contact_person.save()
    NotificationPreference.objects.create(
        user=muted.contact_person.user, kind="partners", mode="off"
    )
    told = _partner_with_contact("Accare", "contact@accare.example", package=package)
    told.contact_person.user = UserFactory(email="contact@accare.example")
    told.contact_person.save()
    _partner_with_contact("Zonder login", "geen@login.example", package=package)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.commitment_renewal_remind(today=JAN_20) == 2
        assert reminders.team_incomplete_remind(today=JAN_20) == 2
    assert sorted({m.to[0] for m in mail.outbox}) == [
        "contact@accare.example",
        "geen@login.example",
    ]
    by_login = [m for m in mail.outbox if m.to == ["contact@accare.example"]]
    assert all(m.extra_headers["List-Unsubscribe-Post"] for m in by_login)
    # Someone without a login has no preferences to tune: no unsubscribe link.
    assert all(
        "List-Unsubscribe" not in m.extra_headers
        for m in mail.outbox
        if m.to == ["geen@login.example"]
    )
