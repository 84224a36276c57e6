"""The year page and the effort page are kept rendered (avk.cache): every change to a row
they show is on the page at the next request."""

import datetime

import pytest
from django.urls import reverse

from reflection.models import Side
from tests.factories import PartnerFactory, PersonFactory, UserFactory
from tests.reflection.factories import (
    AttentionPointFactory,
    IngredientFactory,
    ReflectionSessionFactory,
    SessionSideFactory,
)
from tests.reflection.factories_plans import (
    EffortFactory,
    EffortUpdateFactory,
    PhasePlanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(client, outsider):
    client.force_login(outsider)
    session = ReflectionSessionFactory(year=2024, group_name="Werkgroep")
    other = ReflectionSessionFactory(year=2024, group_name="Andere groep")
    point = AttentionPointFactory(session=session, title="Eerste punt")
    side = SessionSideFactory(session=session, side=Side.HET, summary="Oude samenvatting")
    url = reverse("reflection:year_detail", args=[2024])

    def page() -> str:
        return client.get(url).content.decode()

    page()  # kept from here on
    return {"session": session, "other": other, "point": point, "side": side, "page": page}


def _change_session(y):
    y["session"].introduction = "Nieuwe inleiding"
    y["session"].save()
    return "Nieuwe inleiding"


def _add_participant(y):
    y["session"].participants.add(PersonFactory(name="Nieuwe Deelnemer"))
    return "Nieuwe Deelnemer"


def _rename_participant(y):
    person = PersonFactory(name="Oude Naam")
    y["session"].participants.add(person)
    y["page"]()
    person.name = "Hernoemde Deelnemer"
    person.save()
    return "Hernoemde Deelnemer"


def _change_side(y):
    y["side"].summary = "Nieuwe samenvatting"
    y["side"].save()
    return "Nieuwe samenvatting"


def _change_point(y):
    y["point"].title = "Hernoemd punt"
    y["point"].save()
    return "Hernoemd punt"


def _add_ingredient(y):
    IngredientFactory(attention_point=y["point"], text="Vers ingrediënt")
    return "Vers ingrediënt"


def _relate_points(y):
    other = AttentionPointFactory(session=y["other"], title="Herkend elders")
    y["page"]()
    y["point"].related.add(other)
    return f'id="point-{y["point"].pk}-recognised"'


def _answer_point(y):
    EffortFactory(attention_points=[y["point"]])
    return "Elk aandachtspunt van dit jaar heeft een inspanning."


def _delete_effort(y):
    effort = EffortFactory(attention_points=[y["point"]])
    y["page"]()
    effort.delete()
    return "1 aandachtspunt heeft nog geen inspanning"


@pytest.mark.parametrize(
    "change",
    [
        _change_session,
        _add_participant,
        _rename_participant,
        _change_side,
        _change_point,
        _add_ingredient,
        _relate_points,
        _answer_point,
        _delete_effort,
    ],
)
def test_the_year_page_shows_each_change_at_once(year, change):
    expected = change(year)
    assert expected in year["page"]()


@pytest.fixture
def effort(client, outsider):
    client.force_login(outsider)
    plan = PhasePlanFactory(status="adopted", progress_interval=3)
    author = UserFactory(full_name="Eerste Schrijver")
    owner = PersonFactory(name="Eigenaar", partner=PartnerFactory(name="Partner Oud"))
    effort = EffortFactory(plan=plan, owner=owner, partners=[owner.partner])
    point = AttentionPointFactory(title="Punt bij inspanning")
    effort.attention_points.add(point)
    update = EffortUpdateFactory(
        effort=effort, author=author, period_start=datetime.date(2025, 10, 1), narrative="Oud"
    )
    url = reverse("reflection:effort_detail", args=[effort.pk])

    def page() -> str:
        return client.get(url).content.decode()

    page()  # kept from here on
    return {
        "plan": plan,
        "effort": effort,
        "owner": owner,
        "point": point,
        "update": update,
        "author": author,
        "page": page,
    }


def _effort_status(e):
    e["effort"].status = "done"
    e["effort"].save()
    return "Klaar"


def _owner_renamed(e):
    e["owner"].name = "Nieuwe Eigenaar"
    e["owner"].save()
    return "Nieuwe Eigenaar"


def _partner_renamed(e):
    partner = e["owner"].partner
    partner.name = "Partner Nieuw"
    partner.save()
    return "Partner Nieuw"


def _partner_added(e):
    e["effort"].partners.add(PartnerFactory(name="Extra Partner"))
    return "Extra Partner"


def _update_changed(e):
    e["update"].narrative = "Een nieuw verhaal"
    e["update"].save()
    return "Een nieuw verhaal"


def _update_added(e):
    EffortUpdateFactory(effort=e["effort"], period_start=datetime.date(2026, 1, 1))
    return 'data-period="2026-01-01"'


def _author_renamed(e):
    e["author"].full_name = "Andere Schrijver"
    e["author"].save()
    return "Andere Schrijver"


def _point_renamed(e):
    e["point"].title = "Hernoemd punt"
    e["point"].save()
    return "Hernoemd punt"


def _point_linked(e):
    e["effort"].attention_points.add(AttentionPointFactory(title="Nieuw gekoppeld punt"))
    return "Nieuw gekoppeld punt"


def _session_moved(e):
    session = e["point"].session
    session.year = 2023
    session.save()
    return reverse("reflection:year_detail", args=[2023])


def _plan_interval(e):
    e["plan"].progress_interval = 12
    e["plan"].save()
    return '<h3 class="h6 mb-1">2025</h3>'


@pytest.mark.parametrize(
    "change",
    [
        _effort_status,
        _owner_renamed,
        _partner_renamed,
        _partner_added,
        _update_changed,
        _update_added,
        _author_renamed,
        _point_renamed,
        _point_linked,
        _session_moved,
        _plan_interval,
    ],
)
def test_the_effort_page_shows_each_change_at_once(effort, change):
    expected = change(effort)
    assert expected in effort["page"]()


def test_older_updates_are_a_page_on(client, outsider):
    effort = EffortFactory(plan=PhasePlanFactory(status="adopted"))
    for n in range(10):
        EffortUpdateFactory(effort=effort, period_start=datetime.date(2020 + n, 1, 1))
    client.force_login(outsider)
    url = reverse("reflection:effort_detail", args=[effort.pk])
    first = client.get(url).content.decode()
    assert first.count('class="progress-update"') == 8
    assert 'data-period="2029-01-01"' in first and 'data-period="2021-01-01"' not in first
    assert 'href="?pagina=2"' in first
    second = client.get(url, {"pagina": "2"}).content.decode()
    assert second.count('class="progress-update"') == 2
    assert 'data-period="2020-01-01"' in second and 'href="?pagina=1"' in second
    for garbage in ("0", "-3", "abc", "9" * 40, "999999"):
        assert client.get(url, {"pagina": garbage}).status_code == 200
