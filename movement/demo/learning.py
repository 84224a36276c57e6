"""The demo learning offer, from the memo of 2 June 2025: “Opzet van het leeraanbod: meer
kennis over minder armoede is daarin een goed voorbeeld” and “Meer doorvoelen waar we het
over hebben als het gaat over generatiearmoede”, related to the half moon.

A learning meeting five weeks ago, with who attended recorded for people of the demo
partners' AVK teams (so Cosis's, Lentis's and Gemeente Veendam's pages show it), and a
course in two weeks with a few sign-ups. The dates follow today, so the one stays past and
the other upcoming. The team members are the demo people of partners.demo; the one person
from the network is made up and says so by an @example.org address.

Idempotent: a course is found by its title, a sign-up by its course and address.
"""

import datetime
import secrets

from django.utils import timezone

from movement.models import Course, CourseSignup, SignupStatus
from movement.services.signup_links import token_hash
from partners.models import Person

HALF_MOON = "De halve maan: generatiearmoede samen beter begrijpen"
MORE_KNOWLEDGE = "Meer kennis over minder armoede"

# (title, kind, description, place, days from today, start, end, capacity, status)
COURSES = [
    (
        HALF_MOON,
        Course.Kind.MEETING,
        "Een leerbijeenkomst om meer door te voelen waar we het over hebben als het gaat over "
        "generatiearmoede. We leggen wat we zien naast de halve maan: geen shaming of "
        "blaming, maar met elkaar beeld en inzicht krijgen van hoe de beweging zich "
        "ontwikkelt. Van en met elkaar leren wat wel en niet werkt, en waarom.",
        "Cosis, Veendam",
        -35,
        datetime.time(13, 30),
        datetime.time(16, 30),
        25,
        Course.Status.CLOSED,
    ),
    (
        MORE_KNOWLEDGE,
        Course.Kind.COURSE,
        "De eerste cursus van het leeraanbod van de AVK. Wat weten we over armoede in de "
        "Veenkoloniën, en wat betekent dat voor je eigen werk? Met de cijfers over de "
        "omvang van generatiearmoede (Trendbureau Drenthe en Sociaal Planbureau Groningen) "
        "en de ervaringen van ervaringsdeskundigen. Voor iedereen uit de AVK-teams en het "
        "netwerk.",
        "Noorderpoort, Stadskanaal",
        14,
        datetime.time(9, 30),
        datetime.time(12, 30),
        16,
        Course.Status.OPEN,
    ),
]

# (title, name, e-mail, organisation, status, attended)
SIGNUPS = [
    (HALF_MOON, "Anouk Smit", "stuurgroep@avk.example", "Cosis", SignupStatus.ACCEPTED, True),
    (
        HALF_MOON,
        "Sanne Visser",
        "redacteur.cosis@avk.example",
        "Cosis",
        SignupStatus.REGISTERED,
        True,
    ),
    (HALF_MOON, "Bas Meijer", "bas.meijer@avk.example", "Cosis", SignupStatus.REGISTERED, True),
    (HALF_MOON, "Joost Bos", "joost.bos@avk.example", "Lentis", SignupStatus.REGISTERED, True),
    (
        HALF_MOON,
        "Noor Willems",
        "noor.willems@avk.example",
        "Lentis",
        SignupStatus.REGISTERED,
        False,
    ),
    (
        HALF_MOON,
        "Karin Smits",
        "karin.smits@avk.example",
        "Gemeente Veendam",
        SignupStatus.ACCEPTED,
        True,
    ),
    (
        MORE_KNOWLEDGE,
        "Lotte Brouwer",
        "lotte.brouwer@avk.example",
        "Cosis",
        SignupStatus.REGISTERED,
        None,
    ),
    (
        MORE_KNOWLEDGE,
        "Iris Hendriks",
        "iris.hendriks@avk.example",
        "Lentis",
        SignupStatus.ACCEPTED,
        None,
    ),
    (
        MORE_KNOWLEDGE,
        "Demo-deelnemer Gijs",
        "gijs.demo@example.org",
        "Buurtteam Pekela",
        SignupStatus.REGISTERED,
        None,
    ),
]


def _moment(days: int, time: datetime.time) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, time))


def build() -> list[Course]:
    """The two courses and their sign-ups (after partners: the sign-ups link to people)."""
    courses = {}
    for title, kind, description, place, days, start, end, capacity, status in COURSES:
        courses[title], _created = Course.objects.update_or_create(
            title=title,
            defaults={
                "kind": kind,
                "description": description,
                "place": place,
                "starts_at": _moment(days, start),
                "ends_at": _moment(days, end),
                "capacity": capacity,
                "status": status,
            },
        )
    people = {p.email.lower(): p for p in Person.objects.filter(email__endswith="@avk.example")}
    now = timezone.now()
    for number, (title, name, email, organisation, status, attended) in enumerate(SIGNUPS):
        course = courses[title]
        moment = min(now, course.starts_at) - datetime.timedelta(days=len(SIGNUPS) - number)
        signup = CourseSignup.objects.filter(course=course, email=email).first()
        if signup is None:
            signup = CourseSignup(
                course=course, email=email, token_hash=token_hash(secrets.token_urlsafe(32))
            )
        signup.name = name
        signup.organisation = organisation
        signup.person = people.get(email)
        signup.consented_at = signup.confirmed_at = signup.decided_at = moment
        signup.status = status
        signup.attended = attended
        signup.save()
    return list(courses.values())
