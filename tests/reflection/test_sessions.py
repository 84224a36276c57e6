import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from reflection.models import (
    AttentionPoint,
    Effort,
    Ingredient,
    PhasePlan,
    ReflectionSession,
    SessionSide,
    Side,
)
from reflection.selectors import sessions as selectors
from reflection.services import sessions as services_sessions
from tests.factories import PersonFactory
from tests.reflection.factories import (
    AttentionPointFactory,
    IngredientFactory,
    ReflectionSessionFactory,
    SessionSideFactory,
)

Level = ReflectionSession.Level
NON_STAFF = ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def session_data(**overrides):
    data = {
        "year": "2024",
        "level": Level.PROGRAMMATEAM,
        "group_name": "",
        "date": "2024-06-02",
        "facilitator": "Lauren Algra",
        "introduction": "Drie vragen",
        "het-observations": "Er is een helder ritme",
        "het-other_points": "Doelen vastklikken\nGoede voorbeelden",
        "het-summary": "",
        "wij-observations": "",
        "wij-other_points": "",
        "wij-summary": "Samen",
        "ik-observations": "",
        "ik-other_points": "",
        "ik-summary": "",
    }
    data.update(overrides)
    return data


def make_year(year=2024, points_per_side=1, ingredients=2):
    """Three islands of a year, each side with its content and attention points."""
    sessions = []
    for day, level in enumerate([Level.PROGRAMMATEAM, Level.MANAGERS, Level.STUURGROEP], 2):
        session = ReflectionSessionFactory(
            year=year, level=level, group_name="", date=datetime.date(year, 6, day)
        )
        session.participants.set([PersonFactory(), PersonFactory()])
        number = 0
        for side in Side.values:
            SessionSideFactory(session=session, side=side)
            for _n in range(points_per_side):
                number += 1
                point = AttentionPointFactory(session=session, side=side, number=number)
                for order in range(ingredients):
                    IngredientFactory(attention_point=point, order=order)
        sessions.append(session)
    return sessions


# --- the year page ----------------------------------------------------------------------


def test_year_page_shows_the_islands_side_by_side(client_for, outsider):
    sessions = make_year()
    programme, managers, _sg = sessions
    point = programme.attention_points.get(side=Side.WIJ)
    recognised = managers.attention_points.get(side=Side.WIJ)
    point.related.add(recognised)
    response = client_for(outsider).get(reverse("reflection:year_detail", args=[2024]))
    assert response.status_code == 200
    assert [s.pk for s in response.context["sessions"]] == [s.pk for s in sessions]
    html = response.content.decode()
    sides = [html.index(f'id="session-{programme.pk}-{side}"') for side in ("het", "wij", "ik")]
    assert sides == sorted(sides)
    # The point is in the WIJ block of its island.
    assert sides[1] < html.index(f'id="point-{point.pk}"') < sides[2]
    for session in sessions:
        assert f'id="session-{session.pk}"' in html
    assert f'id="point-{point.pk}-recognised"' in html
    assert f'href="#point-{recognised.pk}"' in html  # and at which level, by its label
    assert programme.sides.get(side=Side.HET).other_points in html
    assert Ingredient.objects.filter(attention_point=point).first().text in html
    assert 'id="session-create"' not in html  # readers get no edit buttons


def test_year_page_folds_its_islands_except_one_that_asks_for_your_input(client_for, outsider):
    sessions = make_year()
    html = client_for(outsider).get(reverse("reflection:year_detail", args=[2024])).content
    html = html.decode()
    assert html.count('<details class="card reflection-island"') == 3
    assert " open>" not in html
    assert "2 juni 2024 · 3 aandachtspunten" in html  # the summary: date and points

    # A participant of an island still to come finds it open, with the button to give input.
    later = sessions[1]
    later.date = datetime.date.today() + datetime.timedelta(days=30)
    later.save()
    later.participants.add(PersonFactory(user=outsider))
    response = client_for(outsider).get(reverse("reflection:year_detail", args=[2024]))
    assert [s.unfolded for s in response.context["sessions"]] == [False, False, True]
    assert f'id="session-{later.pk}" open>' in response.content.decode()


def test_the_only_island_of_a_year_is_open(client_for, outsider):
    session = ReflectionSessionFactory(year=2023)
    html = client_for(outsider).get(reverse("reflection:year_detail", args=[2023])).content
    assert f'id="session-{session.pk}" open>'.encode() in html


def test_year_page_lists_the_attention_points_no_effort_answers(client_for, outsider):
    answered, open_point = AttentionPointFactory.create_batch(2)
    AttentionPointFactory(session__year=2023)  # another year: not listed
    plan = PhasePlan.objects.create(
        number=3,
        title="Faseplan 3",
        period_start=datetime.date(2025, 9, 1),
        period_end=datetime.date(2026, 8, 31),
    )
    effort = Effort.objects.create(
        plan=plan, title="Monitoring", start=plan.period_start, end=plan.period_end
    )
    effort.attention_points.add(answered)
    response = client_for(outsider).get(reverse("reflection:year_detail", args=[2024]))
    assert response.context["unanswered"] == [open_point]
    assert selectors.year_overview(2024)["unanswered"] == [open_point]


def test_overview_redirects_to_the_newest_year(client_for, outsider):
    url = reverse("reflection:year_overview")
    response = client_for(outsider).get(url)
    assert response.status_code == 200
    assert 'id="no-sessions"' in response.content.decode()
    ReflectionSessionFactory(year=2023)
    ReflectionSessionFactory(year=2024)
    response = client_for(outsider).get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("reflection:year_detail", args=[2024])


def test_year_out_of_range_is_404(client_for, outsider):
    url = reverse("reflection:year_detail", args=[99999999999999999999999])
    assert client_for(outsider).get(url).status_code == 404


def test_year_page_runs_a_fixed_number_of_queries(client_for, outsider):
    make_year(2024, points_per_side=1, ingredients=1)
    make_year(2025, points_per_side=8, ingredients=4)
    for point in AttentionPoint.objects.filter(session__year=2025, number__lte=2):
        point.related.set(AttentionPoint.objects.filter(session__year=2025, number=3)[:2])
    client = client_for(outsider)
    # The first request ever also starts the cache's generation counters (avk.cache).
    client.get(reverse("reflection:year_detail", args=[2023]))
    counts, kept = [], []  # the first request builds the islands, the next one reads them
    for year in (2024, 2025):
        for measured in (counts, kept):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse("reflection:year_detail", args=[year]))
            assert response.status_code == 200
            measured.append(len(queries))
    assert AttentionPoint.objects.filter(session__year=2025).count() == 72
    assert counts[0] == counts[1], counts
    assert counts[1] <= 20, counts
    assert kept[0] == kept[1], kept
    assert kept[1] <= 6, kept


def test_script_in_texts_is_escaped(client_for, outsider):
    script = "<script>alert(1)</script>"
    point = AttentionPointFactory(title=script, description=script)
    IngredientFactory(attention_point=point, text=script)
    SessionSideFactory(session=point.session, side=Side.WIJ, observations=script, summary=script)
    html = client_for(outsider).get(reverse("reflection:year_detail", args=[2024])).content
    assert b"<script>alert" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- sessions --------------------------------------------------------------------------


def test_staff_create_a_session_with_its_sides(staff_client, staff):
    people = [PersonFactory(), PersonFactory()]
    data = session_data(participants=[p.pk for p in people])
    response = staff_client.post(reverse("reflection:session_create"), data)
    assert response.status_code == 302
    session = ReflectionSession.objects.get()
    assert response["Location"] == reverse("reflection:session_edit", args=[session.pk])
    assert set(session.participants.all()) == set(people)
    assert session.sides.count() == 3
    het = session.sides.get(side=Side.HET)
    assert het.other_point_items == ["Doelen vastklikken", "Goede voorbeelden"]
    entry = AuditEntry.objects.get(action="reflection_session.created")
    assert entry.group == "reflection:2024"
    assert entry.actor == staff
    assert "het.observations" in entry.changes

    response = staff_client.post(
        reverse("reflection:session_edit", args=[session.pk]),
        session_data(**{"ik-summary": "Urgentie", "facilitator": "Someone else"}),
    )
    assert response.status_code == 302
    assert session.sides.get(side=Side.IK).summary == "Urgentie"
    assert SessionSide.objects.count() == 3
    entry = AuditEntry.objects.get(action="reflection_session.updated")
    assert set(entry.changes) >= {"ik.summary", "facilitator", "participants"}


def test_a_level_has_one_session_per_year_and_another_group_needs_a_name(staff_client):
    ReflectionSessionFactory(year=2024, level=Level.MANAGERS, group_name="")
    url = reverse("reflection:session_create")
    response = staff_client.post(url, session_data(level=Level.MANAGERS, group_name="x"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = staff_client.post(url, session_data(level=Level.OTHER))
    assert response.status_code == 200
    assert "group_name" in response.context["form"].errors
    assert ReflectionSession.objects.count() == 1


@pytest.mark.parametrize("name", ["session_create", "session_edit", "attention_point_create"])
def test_non_staff_cannot_write_sessions(name, personas, client_for):
    session = ReflectionSessionFactory(facilitator="Original")
    kwargs = {} if name == "session_create" else {"pk": session.pk}
    url = reverse(f"reflection:{name}", kwargs=kwargs)
    data = session_data(side=Side.WIJ, title="Intruder", facilitator="Intruder")
    for persona in NON_STAFF:
        assert client_for(personas[persona]).post(url, data).status_code == 403
    assert client_for(None).post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.facilitator == "Original"
    assert ReflectionSession.objects.count() == 1
    assert not AttentionPoint.objects.exists()
    assert not AuditEntry.objects.exists()


def test_non_staff_cannot_edit_an_attention_point(personas, client_for):
    point = AttentionPointFactory(title="Original")
    url = reverse("reflection:attention_point_edit", args=[point.pk])
    for persona in NON_STAFF:
        response = client_for(personas[persona]).post(
            url, {"title": "Intruder", "ingredients": "x"}
        )
        assert response.status_code == 403
    point.refresh_from_db()
    assert point.title == "Original"
    assert not point.ingredients.exists()


# --- attention points ------------------------------------------------------------------


def test_numbering_is_per_session_across_sides_and_gapless(staff_client, staff):
    session, other = ReflectionSessionFactory.create_batch(2)
    url = reverse("reflection:attention_point_create", args=[session.pk])
    for title in ["Een", "Twee"]:
        response = staff_client.post(url, {"side": Side.WIJ, "title": title})
        assert response.status_code == 302
    staff_client.post(url, {"side": Side.HET, "title": "Drie"})
    services_sessions.attention_point_create(session=other, side=Side.WIJ, title="X", user=staff)
    numbers = {(p.session_id, p.side, p.title): p.number for p in AttentionPoint.objects.all()}
    assert numbers == {
        (session.pk, "wij", "Een"): 1,
        (session.pk, "wij", "Twee"): 2,
        (session.pk, "het", "Drie"): 3,
        (other.pk, "wij", "X"): 1,
    }
    point = AttentionPoint.objects.get(title="Twee")
    assert response["Location"] == reverse("reflection:attention_point_edit", args=[point.pk])
    entry = AuditEntry.objects.filter(action="attention_point.created").first()
    assert entry.group == "reflection:2024"


def test_staff_edit_ingredients_and_links_across_levels(staff_client):
    programme = ReflectionSessionFactory(level=Level.PROGRAMMATEAM, group_name="")
    managers = ReflectionSessionFactory(level=Level.MANAGERS, group_name="")
    point = AttentionPointFactory(session=programme, number=1)
    IngredientFactory(attention_point=point, text="Oud")
    same_session = AttentionPointFactory(session=programme, number=2)
    recognised = AttentionPointFactory(session=managers, number=1)
    url = reverse("reflection:attention_point_edit", args=[point.pk])
    page = staff_client.get(url)
    assert list(page.context["form"].fields["related"].queryset) == [recognised]
    assert same_session not in page.context["form"].fields["related"].queryset

    response = staff_client.post(
        url,
        {
            "title": "Monitoring",
            "description": "",
            "ingredients": "Framework maken\n\n  Interventies inventariseren \nOud",
            "related": [recognised.pk],
        },
    )
    assert response.status_code == 302
    assert [i.text for i in point.ingredients.all()] == [
        "Framework maken",
        "Interventies inventariseren",
        "Oud",
    ]
    assert list(recognised.related.all()) == [point]  # symmetrical
    entry = AuditEntry.objects.get(action="attention_point.updated")
    assert set(entry.changes) == {"title", "ingredients", "related"}
    assert entry.group == "reflection:2024"

    # Reorder and remove.
    staff_client.post(url, {"title": "Monitoring", "ingredients": "Oud\nFramework maken"})
    assert [i.text for i in point.ingredients.all()] == ["Oud", "Framework maken"]
    assert not point.related.exists()


def test_linking_a_point_of_another_year_is_refused(staff_client, staff):
    point = AttentionPointFactory(session__year=2024)
    elsewhere = AttentionPointFactory(session__year=2023)
    url = reverse("reflection:attention_point_edit", args=[point.pk])
    response = staff_client.post(url, {"title": "T", "related": [elsewhere.pk]})
    assert response.status_code == 200
    assert "related" in response.context["form"].errors
    assert not point.related.exists()

    with pytest.raises(ValidationError):
        services_sessions.attention_point_update(
            point=point, user=staff, title="T", ingredients=[], related=[elsewhere]
        )
    with pytest.raises(ValidationError):
        same = AttentionPointFactory(session=point.session)
        services_sessions.attention_point_update(
            point=point, user=staff, title="T", ingredients=[], related=[same]
        )
    assert not point.related.exists()


def test_ingredient_lines_are_limited(staff_client):
    point = AttentionPointFactory()
    url = reverse("reflection:attention_point_edit", args=[point.pk])
    response = staff_client.post(url, {"title": "T", "ingredients": "x" * 501})
    assert response.status_code == 200
    assert "ingredients" in response.context["form"].errors
    assert not point.ingredients.exists()


# --- garbage never breaks --------------------------------------------------------------

garbage = st.text(max_size=400).map(lambda s: s.replace("\x00", ""))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    year=st.one_of(st.text(max_size=30), st.integers()),
    level=st.one_of(st.sampled_from(Level.values), garbage),
    group_name=garbage,
    date=st.one_of(st.text(max_size=30), st.dates().map(str)),
    participants=st.lists(st.one_of(st.integers(), st.text(max_size=10)), max_size=3),
    text=garbage,
)
def test_session_form_garbage_never_breaks(
    staff_client, year, level, group_name, date, participants, text
):
    data = session_data(
        year=str(year),
        level=level,
        group_name=group_name,
        date=date.replace("\x00", ""),
        participants=[str(p).replace("\x00", "") for p in participants],
        introduction=text,
        **{"wij-summary": text},
    )
    response = staff_client.post(reverse("reflection:session_create"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        form = response.context["form"]
        assert form.errors or any(f.errors for _s, _l, f in response.context["side_forms"])


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    side=st.one_of(st.sampled_from(Side.values), garbage),
    title=garbage,
    ingredients=st.text(max_size=2000).map(lambda s: s.replace("\x00", "")),
    related=st.lists(st.one_of(st.integers(), st.text(max_size=10)), max_size=3),
)
def test_attention_point_forms_garbage_never_breaks(
    staff_client, side, title, ingredients, related
):
    session = ReflectionSession.objects.first() or ReflectionSessionFactory()
    point = AttentionPoint.objects.first() or AttentionPointFactory(session=session)
    response = staff_client.post(
        reverse("reflection:attention_point_create", args=[session.pk]),
        {"side": side, "title": title, "description": title},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
    response = staff_client.post(
        reverse("reflection:attention_point_edit", args=[point.pk]),
        {
            "title": title,
            "ingredients": ingredients,
            "related": [str(r).replace("\x00", "") for r in related],
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors


def test_staff_see_the_edit_links_on_the_year_page(staff_client):
    point = AttentionPointFactory()
    html = staff_client.get(reverse("reflection:year_detail", args=[2024])).content.decode()
    assert 'id="session-create"' in html
    assert reverse("reflection:session_edit", args=[point.session.pk]) in html
    assert reverse("reflection:attention_point_edit", args=[point.pk]) in html
    assert (
        reverse("reflection:attention_point_create", args=[point.session.pk]) + "?side=wij" in html
    )


def test_a_group_name_that_differs_only_by_bidi_controls_is_a_duplicate_not_a_500(staff_client):
    ReflectionSessionFactory(year=2024, level=Level.OTHER, group_name="Werkgroep")
    response = staff_client.post(
        reverse("reflection:session_create"),
        session_data(level=Level.OTHER, group_name="\u202eWerkgroep"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert ReflectionSession.objects.count() == 1


def test_the_year_list_stays_short_however_many_years(client_for, outsider):
    for year in range(2001, 2027):
        ReflectionSessionFactory(year=year)
    html = client_for(outsider).get(reverse("reflection:year_detail", args=[2015])).content
    nav = html.decode().split('id="year-nav"')[1].split("</ul>")[0]
    shown = [y for y in range(2001, 2027) if reverse("reflection:year_detail", args=[y]) in nav]
    assert shown == [2001, *range(2010, 2021), 2026]
