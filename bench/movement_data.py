"""Benchmark part: 20 years of pilots and their public sign-ups, bulk-created for
bench/http_pages.py, which measures the public pilot list and the busiest open pilot's page
as an anonymous visitor (the pages the newsletter's call for pilots sends people to).

200 pilots: most of them past and closed (spread over 20 years), some open for sign-ups
(starting in the coming months), a few drafts. 5,000 sign-ups in every status, spread over
the pilots that were published, first come first served as the portal fills places (never
more places taken than a pilot has); one busy open pilot holds 1,200 of them, most on its
waiting list.

On its own it checks itself, not the speed: it builds this data alone on a scratch database
(avk_bench_movement, or AVK_BENCH_MOVEMENT_DB), requests the two pages through Django's test
client as an anonymous visitor and prints their status, HTML bytes and SQL queries:
    .tools/bin/uv run --locked python bench/movement_data.py
"""

import datetime
import hashlib
import os
import sys
from pathlib import Path

PILOTS = 200
OPEN = 22
DRAFTS = 8
SIGNUPS = 5000
BUSY_SIGNUPS = 1200
BUSY_CAPACITY = 25
ORGANISATIONS = ["Cosis", "Lentis", "CMO STAMM", "Noorderpoort", "Leger des Heils", "GKB", ""]
MOTIVATION = "Ik wil de visie van de AVK vertalen naar het werk in ons team en onze buurt."


def _statuses(count: int, capacity: int, *, is_open: bool) -> list[str]:
    """The statuses of a pilot's sign-ups in the order they came: a few withdraw, a few
    are declined, on an open pilot some have not confirmed yet; the others take the places
    first come, first served (accepted, or still registered while it is open), and after
    that they wait."""
    from movement.models import SignupStatus as S

    statuses, held = [], 0
    for n in range(count):
        if n % 10 == 9:
            statuses.append(S.WITHDRAWN)
        elif is_open and n % 7 == 6:
            statuses.append(S.UNCONFIRMED)
        elif n % 11 == 10:
            statuses.append(S.DECLINED)
        elif held < capacity:
            held += 1
            statuses.append(S.REGISTERED if is_open and held % 3 == 0 else S.ACCEPTED)
        else:
            statuses.append(S.WAITLISTED)
    return statuses


def build_movement() -> dict:
    """Bulk-create the pilots and sign-ups; returns the busy pilot and the counts."""
    from django.db import transaction
    from django.utils import timezone

    from movement.models import Pilot, PilotSignup, SignupStatus
    from partners.models import Municipality

    today = timezone.localdate()
    now = timezone.now()
    municipalities = list(Municipality.objects.order_by("pk")[:12])
    past = PILOTS - OPEN - DRAFTS
    pilots = []
    for n in range(PILOTS):
        if n < past:  # past: spread over the last 20 years, the newest ended months ago
            start = today - datetime.timedelta(days=7300 - n * 7300 // past + 200)
            status = Pilot.Status.CLOSED
        else:  # open or a draft: starting in the coming months
            start = today + datetime.timedelta(days=14 + (n % 30) * 9)
            status = Pilot.Status.OPEN if n < PILOTS - DRAFTS else Pilot.Status.DRAFT
        pilots.append(
            Pilot(
                title=f"Visie vorming en vertaling in actie {n + 1:03d}",
                description=MOTIVATION * 3,
                place=f"Partner {n % 51 + 1}",
                starts_on=start,
                ends_on=start + datetime.timedelta(days=90 + n % 90),
                capacity=8 + n % 13,
                status=status,
            )
        )
    busy = pilots[PILOTS - DRAFTS - 1]  # the last open one: the newsletter's favourite
    busy.title = "Visie vorming en vertaling in actie: de drukste pilot"
    busy.capacity = BUSY_CAPACITY

    published = [p for p in pilots if p.status != Pilot.Status.DRAFT and p is not busy]
    share = {id(p): 0 for p in published}
    for n in range(SIGNUPS - BUSY_SIGNUPS):
        share[id(published[n % len(published)])] += 1
    share[id(busy)] = BUSY_SIGNUPS

    with transaction.atomic():
        Pilot.objects.bulk_create(pilots)
        signups, number = [], 0
        for pilot in [*published, busy]:
            statuses = _statuses(
                share[id(pilot)], pilot.capacity, is_open=pilot.status == Pilot.Status.OPEN
            )
            for order, status in enumerate(statuses):
                number += 1
                moment = min(
                    now,
                    timezone.make_aware(datetime.datetime.combine(pilot.starts_on, datetime.time()))
                    - datetime.timedelta(days=30)
                    + datetime.timedelta(minutes=order * 7),
                )
                signups.append(_signup(pilot, number, status, moment, municipalities))
        PilotSignup.objects.bulk_create(signups, batch_size=1000)

    by_status = {
        status: sum(1 for s in signups if s.status == status) for status in SignupStatus.values
    }
    return {
        "busy": busy,
        "counts": {
            "pilots": len(pilots),
            "open pilots": OPEN,
            "pilot sign-ups": len(signups),
            **{f"sign-ups {status}": count for status, count in by_status.items()},
        },
    }


def _signup(pilot, number: int, status: str, moment, municipalities):
    from movement.models import PilotSignup, SignupStatus

    if status == SignupStatus.WITHDRAWN:  # anonymised, as signup_withdraw leaves it
        return PilotSignup(
            pilot=pilot, name="", email="", consented_at=moment, token_hash=None,
            status=status, confirmed_at=moment, decided_at=moment,
        )  # fmt: skip
    confirmed = status != SignupStatus.UNCONFIRMED
    municipality = municipalities[number % len(municipalities)] if municipalities else None
    return PilotSignup(
        pilot=pilot,
        name=f"Deelnemer {number}",
        email=f"deelnemer{number}@bench.example",
        organisation=ORGANISATIONS[number % len(ORGANISATIONS)],
        municipality=municipality,
        municipality_text="" if municipality else "Veendam",
        motivation=MOTIVATION if number % 3 else "",
        consented_at=moment,
        token_hash=hashlib.sha256(f"bench-signup-{number}".encode()).hexdigest(),
        status=status,
        confirmed_at=moment if confirmed else None,
        decided_at=moment if confirmed else None,
        queued_at=moment if status == SignupStatus.WAITLISTED else None,
    )


def pages(movement: dict) -> list[tuple[str, str, str]]:
    """(label, path, who) of the public pilot pages, as bench/http_pages.py lists pages."""
    from django.urls import reverse

    busy = movement["busy"].pk
    return [
        ("public pilot list", reverse("movement:pilot_list"), "anonymous"),
        (f"public pilot page ({BUSY_SIGNUPS:,} sign-ups)",
         reverse("movement:pilot_detail", args=[busy]), "anonymous"),
    ]  # fmt: skip


def main() -> None:
    """Check the builder and the two pages on a scratch database (no timings)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    name = os.environ.get("AVK_BENCH_MOVEMENT_DB", "avk_bench_movement")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    run.create_database(name)
    import django

    django.setup()
    run.migrate()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from movement.models import PLACE_HOLDING, Pilot

    movement = build_movement()
    run.log(f"  {movement['counts']}")
    over_full = [
        p.pk
        for p in Pilot.objects.all()
        if p.signups.filter(status__in=PLACE_HOLDING).count() > p.capacity
    ]
    if over_full:
        raise SystemExit(f"over-full pilots: {over_full}")
    client = Client()
    for label, path, _who in pages(movement):
        client.get(path, secure=True)  # warm, as http_pages.count_queries does
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        run.log(f"  {label:40} {path:28} {len(queries):3d} queries  {len(response.content):7,} B")


if __name__ == "__main__":
    main()
