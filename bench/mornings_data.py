"""Benchmark part: 20 years of the programme team's open Wednesday mornings and the people
who joined them, bulk-created for bench/http_pages.py, which measures the public list of
mornings, a busy coming morning's page and the public iCal feed as an anonymous visitor.

A morning every Wednesday for 20 years (about 1,040, hosted in turn by the partners, one
in forty cancelled) and the next 26 weeks planned; 5,000 people joined them, in every
status, never more places taken than a morning has; the next morning holds 300 of them,
most on its waiting list.
"""

import datetime
import hashlib

YEARS = 20
AHEAD_WEEKS = 26
SIGNUPS = 5000
BUSY_SIGNUPS = 300
CAPACITY = 15


def build_mornings() -> dict:
    """Bulk-create the mornings and their sign-ups; returns the busy morning and counts."""
    from django.db import transaction
    from django.utils import timezone

    from movement.models import MorningSignup, SignupStatus, TeamMorning
    from partners.models import Partner

    today = timezone.localdate()
    now = timezone.now()
    hosts = list(Partner.objects.order_by("pk")[:51])
    first = today - datetime.timedelta(days=YEARS * 365)
    first += datetime.timedelta(days=(2 - first.weekday()) % 7)  # a Wednesday
    mornings, day, n = [], first, 0
    while day <= today + datetime.timedelta(weeks=AHEAD_WEEKS):
        host = hosts[n % len(hosts)] if hosts else None
        mornings.append(
            TeamMorning(
                date=day,
                host=host,
                place=f"{host.name if host else 'Partner'}, Veendam",
                capacity=CAPACITY,
                status=TeamMorning.Status.CANCELLED if n % 40 == 39 else TeamMorning.Status.PLANNED,
            )
        )
        day += datetime.timedelta(weeks=1)
        n += 1
    coming = [m for m in mornings if m.date >= today and m.status == TeamMorning.Status.PLANNED]
    busy = coming[0]
    past = [m for m in mornings if m.date < today and m.status == TeamMorning.Status.PLANNED]
    share = {id(m): 0 for m in past}
    for k in range(SIGNUPS - BUSY_SIGNUPS):
        share[id(past[k % len(past)])] += 1
    share[id(busy)] = BUSY_SIGNUPS

    with transaction.atomic():
        TeamMorning.objects.bulk_create(mornings)
        signups, number = [], 0
        for morning in [*past, busy]:
            for order in range(share[id(morning)]):
                number += 1
                if order < morning.capacity:
                    status = (
                        SignupStatus.ACCEPTED if morning is not busy else SignupStatus.REGISTERED
                    )
                elif order % 9 == 0:
                    status = SignupStatus.WITHDRAWN
                elif morning is busy and order % 7 == 0:
                    status = SignupStatus.UNCONFIRMED
                else:
                    status = SignupStatus.WAITLISTED if morning is busy else SignupStatus.DECLINED
                moment = min(
                    now,
                    timezone.make_aware(datetime.datetime.combine(morning.date, datetime.time()))
                    - datetime.timedelta(days=6)
                    + datetime.timedelta(minutes=order * 3),
                )
                signups.append(_signup(morning, number, status, moment))
        MorningSignup.objects.bulk_create(signups, batch_size=1000)
    return {
        "busy": busy,
        "counts": {"mornings": len(mornings), "morning sign-ups": len(signups)},
    }


def _signup(morning, number: int, status: str, moment):
    from movement.models import MorningSignup, SignupStatus

    if status == SignupStatus.WITHDRAWN:  # anonymised, as signup_withdraw leaves it
        return MorningSignup(
            morning=morning, name="", email="", consented_at=moment, token_hash=None,
            status=status, confirmed_at=moment, decided_at=moment,
        )  # fmt: skip
    confirmed = status != SignupStatus.UNCONFIRMED
    return MorningSignup(
        morning=morning,
        name=f"Bezoeker {number}",
        email=f"bezoeker{number}@bench.example",
        organisation="Cosis" if number % 2 else "",
        municipality_text="Veendam",
        consented_at=moment,
        token_hash=hashlib.sha256(f"bench-morning-{number}".encode()).hexdigest(),
        status=status,
        confirmed_at=moment if confirmed else None,
        decided_at=moment if confirmed else None,
        queued_at=moment if status == SignupStatus.WAITLISTED else None,
    )


def pages(mornings: dict) -> list[tuple[str, str, str]]:
    """(label, path, who) of the public morning pages, as bench/http_pages.py lists pages."""
    from django.urls import reverse

    return [
        ("public list of open mornings", reverse("movement:morning_list"), "anonymous"),
        (f"public morning page ({BUSY_SIGNUPS} joined)",
         reverse("movement:morning_detail", args=[mornings["busy"].pk]), "anonymous"),
        ("public iCal feed of the mornings", reverse("movement:morning_feed"), "anonymous"),
    ]  # fmt: skip
