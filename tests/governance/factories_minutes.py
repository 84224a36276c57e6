"""Factories and a builder for minutes: a past meeting of a body with its agenda, the next
meeting, and the body's secretary."""

import datetime

import factory
from django.utils import timezone

from governance.models import Attendance, Minutes, MinutesItem, Seat
from tests.factories import PersonFactory, SeatFactory, UserFactory
from tests.governance.factories import AgendaItemFactory, MeetingFactory, MemoFactory


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    notes = "De voorzitter opent de vergadering."


class MinutesItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinutesItem

    minutes = factory.SubFactory(MinutesFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    text = "Besproken en akkoord."


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    minutes = factory.SubFactory(MinutesFactory)
    person = factory.SubFactory(PersonFactory)
    status = Attendance.Status.PRESENT


def secretary_of(body, email="secretaris@example.org"):
    user = UserFactory(email=email, full_name="Sanne Secretaris")
    SeatFactory(
        person=PersonFactory(name="Sanne Secretaris", email=email, user=user),
        body=body,
        role=Seat.Role.SECRETARY,
    )
    return user


def past_and_next(body, *, memo_title="Randvoorwaarden"):
    """A meeting of `body` a week ago (opening, a memo, any other business) and the next
    one in a week."""
    now = timezone.now()
    past = MeetingFactory(body=body, starts_at=now - datetime.timedelta(days=7), notes="")
    AgendaItemFactory(meeting=past, order=1, title="Opening")
    AgendaItemFactory(
        meeting=past, order=2, title=memo_title, memo=MemoFactory(body=body, title=memo_title)
    )
    AgendaItemFactory(meeting=past, order=3, title="Rondvraag")
    upcoming = MeetingFactory(body=body, starts_at=now + datetime.timedelta(days=7))
    return past, upcoming


def texts(meeting, text="Besproken."):
    return {item.pk: text for item in meeting.agenda.all()}
