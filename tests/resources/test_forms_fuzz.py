"""No input breaks the application form or the SROI outcome form: a page with a clear
message (200) or a saved row (302), never a 500."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources.models import FundingApplication, SroiOutcome
from tests.fuzz import garbage
from tests.reflection.factories_plans import EffortFactory
from tests.resources.factories import FundingSourceFactory

pytestmark = pytest.mark.django_db

AMOUNTS = ("1.250.000,50", "1250000.50", "-0,01", "1e400", "NaN", "Infinity", "€ 5", "9" * 20)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(
    title=garbage(),
    status=garbage("idea", "granted", "submitted"),
    asked=garbage(*AMOUNTS),
    granted=garbage(*AMOUNTS),
    submitted_on=st.one_of(st.dates().map(str), garbage()),
    decided_on=st.one_of(st.dates().map(str), garbage()),
    source=garbage("1", str(2**70)),
)
def test_the_application_form_never_breaks(
    client, staff, title, status, asked, granted, submitted_on, decided_on, source
):
    client.force_login(staff)
    real = FundingSourceFactory()
    before = FundingApplication.objects.count()
    response = client.post(
        reverse("resources:application_create"),
        {
            "source": source if source != "1" else str(real.pk),
            "title": title,
            "status": status,
            "amount_asked": asked,
            "amount_granted": granted,
            "submitted_on": submitted_on,
            "decided_on": decided_on,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert FundingApplication.objects.count() == before


@FUZZ
@given(
    description=garbage(),
    quantity=garbage(*AMOUNTS),
    value=garbage(*AMOUNTS),
    source=garbage(),
)
def test_the_sroi_outcome_form_never_breaks(client, staff, description, quantity, value, source):
    client.force_login(staff)
    effort = EffortFactory()
    response = client.post(
        reverse("resources:sroi_outcome_add", args=[effort.pk]),
        {"description": description, "quantity": quantity, "value_per_unit": value,
         "source": source},
    )  # fmt: skip
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert not SroiOutcome.objects.filter(effort=effort).exists()
    else:
        # Whatever was saved, the worksheet still shows (huge values included).
        page = client.get(reverse("resources:effort_money", args=[effort.pk]))
        assert page.status_code == 200
