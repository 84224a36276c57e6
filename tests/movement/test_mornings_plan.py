"""Staff plan several open mornings at once: the next free dates on a weekday, each with
the partner whose turn it is; all or nothing, with a clear message per morning."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movement.models import TeamMorning
from tests.factories import PartnerFactory
from tests.fuzz import garbage
from tests.movement.factories_mornings import TeamMorningFactory
from tests.movement.test_mornings import PLAN, TODAY, days, plan_data
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db


def test_the_plan_page_proposes_the_next_free_wednesdays_with_rotating_hosts(client, staff):
    client.force_login(staff)
    a, b, c = (PartnerFactory(name=n) for n in ("Afeer", "Borg", "Cosis"))
    page = client.get(PLAN)
    assert page.status_code == 200
    formset = page.context["formset"]
    assert len(formset.forms) == 8
    dates = [form.initial["date"] for form in formset]
    assert all(day.weekday() == 2 and day >= TODAY() for day in dates)
    assert [form.initial["host"] for form in formset][:4] == [a.pk, b.pk, c.pk, a.pk]
    html = page.content.decode()
    assert "Afeer (nog nooit gastheer)" in html
    assert_plain_page(html)
    # Another weekday and number of weeks.
    page = client.get(PLAN, {"weekday": "0", "weeks": "3"})
    assert [f.initial["date"].weekday() for f in page.context["formset"]] == [0, 0, 0]
    # Nonsense in the query string: the defaults, and a message.
    page = client.get(PLAN, {"weekday": "9", "weeks": "500"})
    assert len(page.context["formset"].forms) == 8
    assert "Er is een probleem" in page.content.decode()


def test_staff_plan_the_ticked_mornings_in_one_go(client, staff):
    client.force_login(staff)
    cosis, lentis = PartnerFactory(name="Cosis"), PartnerFactory(name="Lentis")
    rows = [
        {"date": days(7).isoformat(), "host": str(cosis.pk), "place": "Cosis, Veendam"},
        {"date": days(14).isoformat(), "host": str(lentis.pk), "plan": ""},  # left out
        {"date": days(21).isoformat(), "host": "", "place": "Gemeentehuis, Emmen"},
    ]
    response = client.post(PLAN, plan_data(rows))
    assert response.status_code == 302
    assert response["Location"] == reverse("movement:morning_manage")
    mornings = list(TeamMorning.objects.order_by("date"))
    assert [(m.date, m.host, m.place) for m in mornings] == [
        (days(7), cosis, "Cosis, Veendam"),
        (days(21), None, "Gemeentehuis, Emmen"),
    ]
    assert all(m.created_by == staff for m in mornings)
    manage = client.get(reverse("movement:morning_manage"), follow=True).content.decode()
    assert "2 ochtenden zijn gepland." in manage


def test_planning_is_all_or_nothing_with_a_clear_message_per_morning(client, staff):
    client.force_login(staff)
    TeamMorningFactory(date=days(14))
    host = str(PartnerFactory().pk)
    # First what the form sees for itself ...
    rows = [
        {"date": days(7).isoformat(), "host": host},
        {"date": days(21).isoformat(), "host": host, "ends_at": "08:00"},
        {"date": days(28).isoformat(), "host": "", "place": ""},
    ]
    html = client.post(PLAN, plan_data(rows)).content.decode()
    assert "Er is een probleem" in html
    assert "Rij 2: Tot: De ochtend moet eindigen na het begin." in html
    assert "Rij 3: Adres: Kies een gastpartner of vul een adres in." in html
    # ... then the rules of the planning itself.
    rows = [
        {"date": days(7).isoformat(), "host": host},
        {"date": days(14).isoformat(), "host": host},  # taken
        {"date": days(-7).isoformat(), "host": host},
        {"date": days(35).isoformat(), "host": host},
        {"date": days(35).isoformat(), "host": host},  # twice the same date
    ]
    response = client.post(PLAN, plan_data(rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is een probleem" in html
    assert "Rij 2: Datum: Er is al een ochtend op" in html
    assert "Rij 3: Datum: Je kunt geen ochtend in het verleden plannen." in html
    assert "Rij 5: Datum: Er is al een ochtend op" in html
    assert "Rij 1:" not in html and "Rij 4:" not in html
    assert TeamMorning.objects.count() == 1  # only the one that was there


def test_nothing_ticked_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(PLAN, plan_data([{"date": days(7).isoformat(), "plan": ""}]))
    assert response.status_code == 200
    assert "Vink minstens één ochtend aan om te plannen." in response.content.decode()
    assert not TeamMorning.objects.exists()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    date=garbage("2031-01-15"),
    starts_at=garbage("09:00", "25:00"),
    ends_at=garbage("12:30", "08:00"),
    host=garbage("1", str(2**70)),
    capacity=garbage("0", "1", "1001"),
    total=st.sampled_from(["1", "0", "-1", "27", "1000000", "x"]),
)
def test_the_plan_form_never_breaks(client, staff, date, starts_at, ends_at, host, capacity, total):
    client.force_login(staff)
    data = plan_data(
        [
            {
                "date": date,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "host": host,
                "capacity": capacity,
            }
        ]
    )
    data["form-TOTAL_FORMS"] = total
    before = TeamMorning.objects.count()
    response = client.post(PLAN, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert TeamMorning.objects.count() == before
