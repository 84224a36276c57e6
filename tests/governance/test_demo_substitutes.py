"""The demo's substitute: the DB lets a seat be represented; its chair named a substitute
for two weeks from tomorrow (the DB members still vote themselves today). Rebuilding the
demo adds no second one."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance.models import Body, Substitution

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_substitute_in_the_db():
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    assert set(
        Body.objects.filter(substitutes_allowed=True).values_list("short_name", flat=True)
    ) == {"DB"}
    (made,) = Substitution.objects.select_related("seat__person", "substitute")
    today = timezone.localdate()
    assert (made.seat.person.name, made.substitute.name) == ("Hilde Bakker", "Anouk Smit")
    assert made.starts_on == today + datetime.timedelta(days=1)
    assert made.ends_on == today + datetime.timedelta(days=14)
    assert made.named_by.email == "hilde.bakker@avk.example"
