"""Demo DB meetings: a past one on the seed memo with its actions, and the next one on the
open memo. The location rotates among the partners.
"""

import datetime

from django.utils import timezone

from governance.demo.memo_texts import AMS, CHAIR_EMAIL, OPEN_TITLE, STAFF_EMAIL
from governance.models import ActionItem, AgendaItem, Body, Meeting, Memo
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
    """A past DB meeting on the seed memo with its actions, and the next one on the open memo.

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
        _meeting(
            body=body,
            starts_at=upcoming_at,
            host="Cosis",
            agenda=[
                ("Opening en mededelingen", None),
                (OPEN_TITLE, current),
                ("Rondvraag", None),
            ],
        )
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
