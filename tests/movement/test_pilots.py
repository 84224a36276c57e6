"""Staff publish pilots and decide who takes part; the export; the public list's cost."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from movement.models import Pilot, PilotSignup, SignupStatus
from movement.services import pilots as services
from tests.fuzz import garbage
from tests.movement.factories_pilots import PilotFactory, PilotSignupFactory
from tests.reflection.factories_plans import EffortFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("movement:pilot_create")


def data(**changes):
    values = {
        "title": "Visie vorming en vertaling in actie",
        "description": "Samen handen en voeten geven aan de visie.",
        "place": "Cosis, Veendam",
        "starts_on": "2026-03-01",
        "ends_on": "2026-06-30",
        "capacity": "10",
        "status": "open",
    }
    values.update(changes)
    return values


def test_staff_publish_a_pilot_linked_to_an_effort(client, staff):
    client.force_login(staff)
    effort = EffortFactory()
    response = client.post(CREATE, data(effort=str(effort.pk)))
    assert response.status_code == 302
    pilot = Pilot.objects.get()
    assert (pilot.effort, pilot.capacity, pilot.status, pilot.created_by) == (
        effort,
        10,
        Pilot.Status.OPEN,
        staff,
    )
    assert AuditEntry.objects.filter(action="pilot.created").exists()
    assert "Visie vorming" in client.get(reverse("movement:pilot_list")).content.decode()

    edit = reverse("movement:pilot_edit", args=[pilot.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, data(title="Nieuwe titel", effort=str(effort.pk))).status_code == 302
    pilot.refresh_from_db()
    assert pilot.title == "Nieuwe titel"
    assert AuditEntry.objects.filter(action="pilot.changed").exists()


def test_a_period_that_ends_before_it_starts_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(CREATE, data(starts_on="2026-06-30", ends_on="2026-03-01"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is een probleem" in page  # the summary at the top, linking to the field
    assert "Het einde van de periode kan niet voor het begin liggen." in page
    assert "Visie vorming en vertaling in actie" in page  # nothing typed is lost
    assert not Pilot.objects.exists()
    with pytest.raises(ValidationError):
        services.pilot_create(
            actor=staff,
            title="x",
            description="x",
            place="x",
            starts_on=datetime.date(2026, 2, 1),
            ends_on=datetime.date(2026, 1, 1),
            capacity=1,
        )


@pytest.mark.parametrize("capacity", ["0", "-3"])
def test_a_pilot_has_at_least_one_place(client, staff, capacity):
    client.force_login(staff)
    response = client.post(CREATE, data(capacity=capacity))
    assert response.status_code == 200
    assert "Een pilot heeft minstens 1 plaats." in response.content.decode()
    assert not Pilot.objects.exists()


def test_places_cannot_drop_below_those_taken_and_extra_places_go_to_the_waiting_list(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    pilot = PilotFactory(capacity=2)
    PilotSignupFactory.create_batch(2, pilot=pilot)
    waiting = PilotSignupFactory(
        pilot=pilot, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    edit = reverse("movement:pilot_edit", args=[pilot.pk])
    response = client.post(edit, data(capacity="1"))
    assert response.status_code == 200
    assert "2 plaatsen zijn al bezet" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, data(capacity="3")).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.REGISTERED
    assert mail.outbox[-1].to == [waiting.email]


def test_staff_pages_are_for_staff_only(client, outsider, editor_a):
    pilot = PilotFactory()
    signup = PilotSignupFactory(pilot=pilot)
    pages = [
        reverse("movement:pilot_manage"),
        CREATE,
        reverse("movement:pilot_edit", args=[pilot.pk]),
        reverse("movement:pilot_participants", args=[pilot.pk]),
        reverse("movement:pilot_participants_csv", args=[pilot.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("account_login")
        )
    decide = reverse("movement:pilot_signup_decide", args=[signup.pk])
    assert client.post(decide, {"decision": "decline"}).status_code == 302
    for user in (outsider, editor_a):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == 403
        assert client.post(CREATE, data()).status_code == 403
        assert client.post(decide, {"decision": "decline"}).status_code == 403
    signup.refresh_from_db()
    assert signup.status == SignupStatus.REGISTERED
    assert Pilot.objects.count() == 1


def test_unknown_ids_are_404_for_staff(client, staff):
    client.force_login(staff)
    for name in ("movement:pilot_edit", "movement:pilot_participants"):
        assert client.get(reverse(name, args=[999999])).status_code == 404
        assert client.get(reverse(name, args=[2**70])).status_code == 404
    assert client.get(reverse("movement:pilot_detail", args=[2**70])).status_code == 404


@pytest.mark.parametrize(
    ("decision", "status", "subject", "sentence"),
    [
        ("accept", "accepted", "Je hebt een plek in", "heeft je aangenomen"),
        ("waitlist", "waitlisted", "Je staat op de wachtlijst voor", "op de wachtlijst"),
        ("decline", "declined", "Over je aanmelding voor", "Het spijt ons"),
    ],
)
def test_staff_decide_and_the_person_is_told_in_dutch(
    client, staff, django_capture_on_commit_callbacks, decision, status, subject, sentence
):
    client.force_login(staff)
    pilot = PilotFactory(capacity=2)
    signup = PilotSignupFactory(pilot=pilot)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("movement:pilot_signup_decide", args=[signup.pk]), {"decision": decision}
        )
    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.status == status
    (message,) = mail.outbox
    assert message.to == [signup.email]
    assert message.subject.startswith(subject)
    html = message.alternatives[0][0]
    assert sentence in message.body and sentence in html
    assert "/beweging/pilots/aanmelding/" in message.body  # the withdraw link
    assert "afmelden" in html
    assert AuditEntry.objects.filter(action=f"signup.{decision}", actor=staff).exists()


def test_accepting_someone_from_a_full_waiting_list_is_refused(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    pilot = PilotFactory(capacity=1)
    PilotSignupFactory(pilot=pilot)
    waiting = PilotSignupFactory(pilot=pilot, status=SignupStatus.WAITLISTED)
    url = reverse("movement:pilot_signup_decide", args=[waiting.pk])
    response = client.post(url, {"decision": "accept"}, follow=True)
    assert "Er is geen plek vrij" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.WAITLISTED
    assert client.post(url, {"decision": "nonsense"}).status_code == 302
    assert PilotSignup.objects.filter(status__in=["registered", "accepted"]).count() == 1


def test_declining_someone_with_a_place_moves_the_waiting_list_up(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    pilot = PilotFactory(capacity=1)
    holder = PilotSignupFactory(pilot=pilot)
    waiting = PilotSignupFactory(
        pilot=pilot, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("movement:pilot_signup_decide", args=[holder.pk]), {"decision": "decline"}
        )
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.REGISTERED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([holder.email, waiting.email])


def test_an_unconfirmed_sign_up_cannot_be_decided(client, staff):
    client.force_login(staff)
    signup = PilotSignupFactory(status=SignupStatus.UNCONFIRMED, confirmed_at=None)
    client.post(reverse("movement:pilot_signup_decide", args=[signup.pk]), {"decision": "accept"})
    signup.refresh_from_db()
    assert signup.status == SignupStatus.UNCONFIRMED


def test_the_participants_page_and_the_export(client, staff):
    client.force_login(staff)
    pilot = PilotFactory(capacity=1)
    PilotSignupFactory(pilot=pilot, name="Anna Accepted", status=SignupStatus.ACCEPTED)
    PilotSignupFactory(
        pilot=pilot, name="=HYPERLINK(1)", status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    PilotSignupFactory(pilot=pilot, name="Niet Bevestigd", status=SignupStatus.UNCONFIRMED)
    page = client.get(reverse("movement:pilot_participants", args=[pilot.pk])).content.decode()
    assert "Anna Accepted" in page and "Niet Bevestigd" not in page
    assert "1 van 1 plaatsen bezet · 1 op de wachtlijst · 1 nog niet bevestigd" in page

    response = client.get(reverse("movement:pilot_participants_csv", args=[pilot.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffNaam;E-mailadres;Organisatie;Gemeente;Motivatie;Status;")
    lines = text.strip().split("\r\n")
    assert len(lines) == 3  # header, the accepted one, the waiting one
    assert lines[1].startswith("Anna Accepted;")
    assert "Geaccepteerd" in lines[1]
    assert lines[2].startswith("'=HYPERLINK(1);")  # a formula is defused
    assert "Op de wachtlijst" in lines[2]


def _count(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def _many(pilots: int, signups: int):
    made = Pilot.objects.bulk_create(
        [
            Pilot(
                title=f"Pilot {i}",
                description="x",
                place="Veendam",
                starts_on=datetime.date(2026, 1, 1),
                ends_on=datetime.date(2026, 12, 31),
                capacity=30,
                status=Pilot.Status.OPEN,
            )
            for i in range(pilots)
        ]
    )
    now = timezone.now()
    first_pilot = made[0].pk
    statuses = [SignupStatus.REGISTERED, SignupStatus.WAITLISTED, SignupStatus.UNCONFIRMED]
    PilotSignup.objects.bulk_create(
        [
            PilotSignup(
                pilot=made[i % len(made)],
                name=f"Persoon {i}",
                email=f"p{i}@example.org",
                consented_at=now,
                token_hash=f"{first_pilot}-{i}",
                status=statuses[i % 3],
            )
            for i in range(signups)
        ]
    )
    return made


def test_public_list_and_page_stay_flat_with_200_pilots_and_5000_sign_ups(client, staff):
    first = _many(3, 10)[0]
    urls = [
        reverse("movement:pilot_list"),
        reverse("movement:pilot_list") + "?page=2",
        reverse("movement:pilot_detail", args=[first.pk]),
    ]
    small = [len(_count(client, url)) for url in urls]
    _many(200, 5000)
    large = [_count(client, url) for url in urls]
    assert [len(queries) for queries in large] == small
    for queries in large:
        # The places are counted in one aggregate query; no sign-up row is ever read.
        touching = [sql for sql in queries if "movement_pilotsignup" in sql]
        assert len(touching) == 1
        assert "COUNT(" in touching[0]

    client.force_login(staff)
    staff_urls = [
        reverse("movement:pilot_manage"),
        reverse("movement:pilot_participants", args=[first.pk]),
    ]
    before = [len(_count(client, url)) for url in staff_urls]
    _many(20, 1000)
    assert [len(_count(client, url)) for url in staff_urls] == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {
            "name": garbage(),
            "email": garbage("a@example.org", "x@" + "a" * 300 + ".org"),
            "organisation": garbage(),
            "municipality": garbage("1", str(2**70)),
            "municipality_text": garbage(),
            "motivation": st.one_of(garbage(), st.just("m" * 2500)),
            "consent": st.sampled_from(["", "on", "false", "1"]),
            "website": st.sampled_from(["", "x"]),
        }
    )
)
def test_the_public_sign_up_form_never_breaks(client, values):
    cache.clear()  # the rate limit is not what this test is about
    pilot = Pilot.objects.first() or PilotFactory()
    before = PilotSignup.objects.count()
    response = client.post(reverse("movement:pilot_detail", args=[pilot.pk]), values)
    assert response.status_code in (200, 302)
    if response.status_code == 200 or values["website"]:
        assert PilotSignup.objects.count() == before


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    starts_on=garbage("2026-01-01"),
    ends_on=garbage("2025-01-01", "2027-01-01"),
    capacity=garbage("0", "1", "100001"),
    effort=garbage("1"),
)
def test_the_pilot_form_never_breaks(client, staff, starts_on, ends_on, capacity, effort):
    client.force_login(staff)
    before = Pilot.objects.count()
    response = client.post(
        CREATE, data(starts_on=starts_on, ends_on=ends_on, capacity=capacity, effort=effort)
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Pilot.objects.count() == before
