"""Fixtures of the substitute tests (test_substitutes*.py): the DB letting a seat be
represented, its seat-holder Joost Jansen and his seat, and Sanne de Vries, a person with
a login and no seat, who can be named his substitute."""

import pytest

from governance.models import Seat
from tests.governance.factories_substitutes import allow_substitutes, person_with_login
from tests.governance.factories_voting import voter


@pytest.fixture
def body(db_body):
    return allow_substitutes(db_body)


@pytest.fixture
def holder(body):
    return voter(body, name="Joost Jansen")


@pytest.fixture
def seat(holder, body):
    return Seat.objects.get(person__user=holder, body=body)


@pytest.fixture
def sanne():
    return person_with_login(name="Sanne de Vries")
