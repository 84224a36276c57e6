"""A commitment takes effect on its start date: before it, the previous one is current.

Every page, export and reminder that names "the package now" reads the same selector.
"""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partners.models import Package
from partners.selectors.commitment import current_commitment, timeline
from partners.services import commitment as services
from partners.services.reminders import commitment_renewal_remind
from tests.factories import PersonFactory
from tests.migrating import migrate, migrate_to_latest

DAY = datetime.timedelta(days=1)


@pytest.fixture
def packages(db):
    return {
        code: Package.objects.create(code=code, name=code, order=i) for i, code in enumerate("ABC")
    }


def record(partner, user, package, start):
    return services.commitment_change(
        partner=partner,
        user=user,
        package=package,
        period_start=start,
        signed_on=start,
        propose=False,
    )


@pytest.fixture
def planned_change(partner_a, editor_a, packages):
    """Package B since last year; package A planned from next month."""
    today = timezone.localdate()
    record(partner_a, editor_a, packages["B"], today.replace(day=1) - 365 * DAY)
    start = today + 30 * DAY
    record(partner_a, editor_a, packages["A"], start)
    return start


def test_a_change_takes_effect_on_its_start_date(partner_a, packages, planned_change):
    start = planned_change
    assert current_commitment(partner_a, on=start - DAY).package == packages["B"]
    assert current_commitment(partner_a, on=start).package == packages["A"]
    assert current_commitment(partner_a, on=start + DAY).package == packages["A"]
    for day in (start - DAY, start, start + DAY):
        states = [entry.state for entry in timeline(partner_a, on=day)]
        assert states.count("current") == 1, (day, states)
    assert [e.state for e in timeline(partner_a, on=start - DAY)] == ["planned", "current"]
    assert [e.state for e in timeline(partner_a, on=start)] == ["current", "replaced"]


def test_the_history_marks_one_entry_current_and_the_planned_one_from_its_date(
    client, editor_a, partner_a, packages, planned_change
):
    client.force_login(editor_a)
    page = client.get(reverse("partners:commitment", args=[partner_a.pk])).content.decode()
    assert page.count("Geldt nu") == 1
    assert f"vanaf {planned_change.day} " in page
    assert "Nu geldt: pakket B." in page


def test_a_planned_change_is_not_the_package_anywhere_yet(
    client, staff, editor_a, partner_a, packages, planned_change
):
    client.force_login(staff)
    partner_list = reverse("partners:partner_list")
    assert [row["name"] for row in client.get(partner_list, {"package": "B"}).context["rows"]] == [
        "Partner A"
    ]
    assert not client.get(partner_list, {"package": "A"}).context["rows"]
    detail = client.get(reverse("partners:partner_detail", args=[partner_a.pk]))
    assert "Pakket B" in detail.content.decode()
    export = client.get(reverse("partners:export_directory"))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][3] == "B"


def test_the_renewal_reminder_names_the_package_current_on_its_day(
    partner_a, editor_a, packages, django_capture_on_commit_callbacks
):
    record(partner_a, editor_a, packages["B"], datetime.date(2026, 1, 1))
    record(partner_a, editor_a, packages["A"], datetime.date(2027, 2, 1))
    partner_a.contact_person = PersonFactory(partner=partner_a, email="contact@example.org")
    partner_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        commitment_renewal_remind(today=datetime.date(2027, 1, 20))
        commitment_renewal_remind(today=datetime.date(2028, 1, 20))
    assert ["pakket B" in m.body for m in mail.outbox] == [True, False]
    assert "pakket A" in mail.outbox[1].body


def test_a_backdated_entry_does_not_replace_a_later_one(partner_a, editor_a, packages):
    record(partner_a, editor_a, packages["A"], datetime.date(2025, 1, 1))
    backdated = record(partner_a, editor_a, packages["C"], datetime.date(2024, 1, 1))
    assert backdated.previous_package is None
    assert current_commitment(partner_a, on=datetime.date(2025, 6, 1)).package == packages["A"]
    assert current_commitment(partner_a, on=datetime.date(2024, 6, 1)).package == packages["C"]
    assert current_commitment(partner_a, on=datetime.date(2023, 6, 1)) is None


def test_an_accepted_proposal_dated_ahead_waits_for_its_date(partner_a, editor_a, staff, packages):
    today = timezone.localdate()
    record(partner_a, editor_a, packages["C"], today - 10 * DAY)
    proposal = services.commitment_change(
        partner=partner_a,
        user=editor_a,
        package=packages["A"],
        period_start=today + 10 * DAY,
        propose=True,
    )
    services.commitment_decide(commitment=proposal, user=staff, accept=True)
    proposal.refresh_from_db()
    assert proposal.previous_package == packages["C"]
    assert current_commitment(partner_a).package == packages["C"]
    assert current_commitment(partner_a, on=today + 10 * DAY).package == packages["A"]


BEFORE = [("partners", "0001_initial")]
AFTER = [("partners", "0003_commitment_takes_effect_on_its_start_date")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_a_package_that_had_no_history():
    apps = migrate(BEFORE)
    Package = apps.get_model("partners", "Package")
    Partner = apps.get_model("partners", "Partner")
    Commitment = apps.get_model("partners", "Commitment")
    b = Package.objects.create(code="B", name="Meedoen")
    without_history = Partner.objects.create(name="Zonder geschiedenis", kind="zorg", package=b)
    with_history = Partner.objects.create(name="Met geschiedenis", kind="zorg", package=b)
    Commitment.objects.create(
        partner=with_history,
        package=b,
        period_start=datetime.date(2024, 1, 1),
        status="in_effect",
    )

    apps = migrate(AFTER)
    Commitment = apps.get_model("partners", "Commitment")
    assert Commitment.objects.filter(partner_id=with_history.pk).count() == 1
    kept = Commitment.objects.get(partner_id=without_history.pk)
    assert (kept.package_id, kept.status) == (b.pk, "in_effect")
    migrate_to_latest()
