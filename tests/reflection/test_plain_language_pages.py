"""The page where a participant gives input for an Eiland van reflectie is plain Dutch and
says once what an Eiland van reflectie is."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reflection.models import ReflectionSession
from tests.factories import PersonFactory, UserFactory
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db


def test_the_contribute_page_is_plain_and_explains_the_island(client):
    user = UserFactory(email="deelnemer@example.org")
    session = ReflectionSession.objects.create(
        year=2025,
        level=ReflectionSession.Level.PROGRAMMATEAM,
        date=timezone.localdate() + datetime.timedelta(days=30),
        facilitator="Fenna",
    )
    session.participants.add(PersonFactory(user=user, email=user.email))
    client.force_login(user)
    html = client.get(reverse("reflection:contribute", args=[session.pk])).content.decode()
    text = assert_plain_page(html)
    assert "Eén keer per jaar kijken we dan samen terug op ons werk." in text
