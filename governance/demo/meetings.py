"""Demo DB meetings: a past one on the seed memo with its actions, the latest one on the
open memo, and the next one with both memos. The first one's minutes were adopted at the
latest; the latest one's minutes are a draft. The location rotates among the partners.
"""

import datetime

from django.utils import timezone

from governance.demo.memo_texts import AMS, CHAIR_EMAIL, OPEN_TITLE, STAFF_EMAIL
from governance.models import ActionItem, AgendaItem, Attendance, Body, Meeting, Memo, Minutes
from governance.selectors.minutes import members_at
from governance.services.minutes import adoption_title
from partners.models import Partner, Person


def _meeting(*, body, starts_at, host, agenda) -> Meeting:
    meeting, created = Meeting.objects.get_or_create(
        body=body,
        starts_at=starts_at,
        defaults={
            "ends_at": starts_at + datetime.timedelta(hours=2),
            "location_partner": Partner.objects.filter(name=host).first(),
        },
    )
    if created:
        for order, (title, memo) in enumerate(agenda):
            AgendaItem.objects.create(meeting=meeting, order=order, title=title, memo=memo)
    return meeting


def build(*, body: Body, seed: Memo, current: Memo, staff) -> None:
    """A past DB meeting on the seed memo with its actions, the latest on the open memo,
    and the next one on both, with the minutes of the past two.

    The location rotates among the partners. Left alone when already there.
    """
    past = _meeting(
        body=body,
        starts_at=datetime.datetime(2023, 6, 29, 14, 0, tzinfo=AMS),
        host="Gemeente Veendam",
        agenda=[
            ("Opening en mededelingen", None),
            ("Randvoorwaarden voor het programma", seed),
            ("Rondvraag", None),
        ],
    )
    next_day = timezone.localdate() + datetime.timedelta(days=7)
    upcoming_at = datetime.datetime.combine(next_day, datetime.time(14, 0), tzinfo=AMS)
    if not Meeting.objects.filter(body=body, starts_at__gte=timezone.now()).exists():
        latest_at = upcoming_at - datetime.timedelta(days=21)
        latest = _meeting(
            body=body,
            starts_at=latest_at,
            host="Lentis",
            agenda=[
                ("Opening en mededelingen", None),
                (adoption_title(past), None),
                (OPEN_TITLE, current),
                ("Rondvraag", None),
            ],
        )
        _meeting(
            body=body,
            starts_at=upcoming_at,
            host="Cosis",
            agenda=[
                ("Opening en mededelingen", None),
                (OPEN_TITLE, current),
                ("Terugblik: " + seed.title, seed),
                ("Rondvraag", None),
            ],
        )
        _minutes(past, staff, adopted_in=latest, texts=PAST_TEXTS)
        _minutes(latest, staff, adopted_in=None, texts=LATEST_TEXTS)
    if ActionItem.objects.filter(meeting=past).exists():
        return
    saskia = Person.objects.get(email=STAFF_EMAIL)
    hilde = Person.objects.get(email=CHAIR_EMAIL)
    form = seed.decisions.get(order=2)  # "nadere uitwerking van de precieze vorm"
    ActionItem.objects.create(
        title="Ontwerpuitgangspunten voor de regievorm uitwerken (5-10 punten)",
        owner=saskia,
        due_date=timezone.localdate() + datetime.timedelta(days=3),
        decision=form,
        meeting=past,
        created_by=staff,
    )
    ActionItem.objects.create(
        title="Gesprek met de gemeenten over het beter richten van bestaande middelen",
        owner=hilde,
        due_date=datetime.date(2023, 9, 1),
        status=ActionItem.Status.DONE,
        completed_at=datetime.datetime(2023, 8, 30, 12, 0, tzinfo=AMS),
        meeting=past,
        created_by=staff,
    )


PAST_TEXTS = [
    "Hilde Bakker opent de vergadering en heet iedereen welkom. Er zijn geen mededelingen.",
    "Saskia licht de memo toe. Het DB stemt in met de randvoorwaarden. De precieze vorm van "
    "de regie wordt verder uitgewerkt.",
    "Er zijn geen vragen.",
]
LATEST_TEXTS = [
    "Hilde Bakker opent de vergadering. Lineke vertelt over de eilanden van reflectie.",
    "Het verslag van 29 juni 2023 wordt zonder wijzigingen vastgesteld.",
    "Saskia licht de ontwerpuitgangspunten toe. Het DB stemt er digitaal over.",
    "Er zijn geen vragen.",
]


def _minutes(meeting: Meeting, staff, *, adopted_in: Meeting | None, texts: list[str]) -> None:
    """Minutes written straight into the tables: the demo mails nobody."""
    if Minutes.objects.filter(meeting=meeting).exists():
        return
    stamp = meeting.starts_at + datetime.timedelta(days=3)
    minutes = Minutes.objects.create(
        meeting=meeting,
        notes="Notulist: Saskia Duursma.",
        drafted_by=staff,
        circulated_at=stamp if adopted_in else None,
        adopted_at=adopted_in.starts_at if adopted_in else None,
        adopted_by=staff if adopted_in else None,
        adopted_in=adopted_in,
    )
    for number, person in enumerate(members_at(meeting)):
        status = Attendance.Status.EXCUSED if number == 1 else Attendance.Status.PRESENT
        Attendance.objects.create(minutes=minutes, person=person, status=status)
    for item, text in zip(meeting.agenda.order_by("order", "id"), texts, strict=False):
        minutes.items.create(order=item.order, title=item.title, memo=item.memo, text=text)
