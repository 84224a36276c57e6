import html
import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from partners.models import Intervention
from partners.selectors.interventions import INTERVENTIONS_READ
from tests.factories import MembershipFactory, PartnerFactory, PersonFactory
from tests.partners.factories_interventions import InterventionFactory, MunicipalityFactory
from tests.partners.queries import page_queries

SCRIPT = "<script>alert('x')</script>"


def create_url(partner):
    return reverse("partners:intervention_create", args=[partner.pk])


def edit_url(partner, intervention):
    return reverse("partners:intervention_edit", args=[partner.pk, intervention.pk])


def publish_url(intervention):
    return reverse("partners:intervention_publish", args=[intervention.pk])


def valid_data(**overrides):
    data = {
        "title": "Kansrijke start",
        "description": "Ouders, consultatiebureau en school werken samen.",
        "target_group": Intervention.TargetGroup.FAMILIES,
        "status": Intervention.Status.RUNNING,
    }
    return data | overrides


def titles(response):
    """The interventions in the list, read from the HTML: a list kept rendered (avk.cache)
    has no rows in its context."""
    page = response.content.decode()
    return [html.unescape(t) for t in re.findall(r'<span class="fw-semibold">([^<]*)</span>', page)]


def group(partner):
    return f"partner:{partner.pk}"


# --- recording an intervention -----------------------------------------------------------


def test_editor_adds_an_intervention_of_their_own_partner(client, editor_a, partner_a, partner_b):
    pekela = MunicipalityFactory(name="Pekela")
    veendam = MunicipalityFactory(name="Veendam")
    contact = PersonFactory(partner=partner_a, name="Hennie")
    client.force_login(editor_a)
    assert client.get(create_url(partner_a)).status_code == 200
    response = client.post(
        create_url(partner_a),
        valid_data(
            municipalities=[pekela.pk, veendam.pk],
            collaborators=[partner_b.pk],
            contact=contact.pk,
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:partner_detail", args=[partner_a.pk])
    intervention = Intervention.objects.get()
    assert intervention.partner == partner_a
    assert intervention.created_by == editor_a
    assert intervention.contact == contact
    assert not intervention.is_published
    assert set(intervention.municipalities.all()) == {pekela, veendam}
    assert list(intervention.collaborators.all()) == [partner_b]
    entry = AuditEntry.objects.get(group=group(partner_a))
    assert entry.action == "intervention.created"
    assert entry.actor == editor_a
    assert entry.changes["title"] == ["", "Kansrijke start"]
    assert entry.changes["municipalities"] == ["", "Pekela, Veendam"]
    assert entry.changes["collaborators"] == ["", "Partner B"]


def test_editor_updates_and_the_change_is_audited(client, editor_a, partner_a):
    pekela = MunicipalityFactory(name="Pekela")
    intervention = InterventionFactory(partner=partner_a, title="Oud", municipalities=[pekela])
    client.force_login(editor_a)
    response = client.post(edit_url(partner_a, intervention), valid_data(title="Nieuw"))
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.title == "Nieuw"
    assert not intervention.municipalities.exists()
    entry = AuditEntry.objects.get(group=group(partner_a), action="intervention.updated")
    assert entry.changes["title"] == ["Oud", "Nieuw"]
    assert entry.changes["municipalities"] == ["Pekela", ""]


def test_saving_without_changes_writes_no_audit_entry(client, editor_a, partner_a):
    intervention = InterventionFactory(partner=partner_a, **valid_data())
    client.force_login(editor_a)
    assert client.post(edit_url(partner_a, intervention), valid_data()).status_code == 302
    assert not AuditEntry.objects.exists()


def test_staff_may_add_and_edit_for_any_partner(client, staff, partner_b):
    client.force_login(staff)
    assert client.post(create_url(partner_b), valid_data()).status_code == 302
    intervention = Intervention.objects.get(partner=partner_b)
    response = client.post(edit_url(partner_b, intervention), valid_data(status="finished"))
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.status == Intervention.Status.FINISHED


def test_an_inactive_collaborator_is_kept_when_editing(client, editor_a, partner_a):
    gone = PartnerFactory(name="Opgeheven", is_active=False)
    intervention = InterventionFactory(partner=partner_a, collaborators=[gone])
    client.force_login(editor_a)
    response = client.get(edit_url(partner_a, intervention))
    assert "Opgeheven" not in response.content.decode()  # not offered, nor leaked
    assert client.post(edit_url(partner_a, intervention), valid_data()).status_code == 302
    assert list(intervention.collaborators.all()) == [gone]


# --- forbidden paths -------------------------------------------------------------------


def test_editor_b_cannot_create_or_edit_for_partner_a(client, editor_b, partner_a):
    intervention = InterventionFactory(partner=partner_a, title="Van A")
    client.force_login(editor_b)
    assert client.post(create_url(partner_a), valid_data()).status_code == 403
    response = client.post(edit_url(partner_a, intervention), valid_data(title="Gekaapt"))
    assert response.status_code == 403
    assert Intervention.objects.get().title == "Van A"
    assert Intervention.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_pairing_own_partner_with_another_partners_intervention_is_404(
    client, editor_b, partner_a, partner_b, staff
):
    intervention = InterventionFactory(partner=partner_a, title="Van A")
    client.force_login(editor_b)
    url = edit_url(partner_b, intervention)
    assert client.get(url).status_code == 404
    assert client.post(url, valid_data(title="Gekaapt")).status_code == 404
    client.force_login(staff)  # not even staff: the URL names the wrong partner
    assert client.post(url, valid_data(title="Gekaapt")).status_code == 404
    intervention.refresh_from_db()
    assert intervention.title == "Van A"
    assert intervention.partner == partner_a


def test_unknown_or_inactive_partner_is_404(client, staff, editor_a, partner_a):
    client.force_login(editor_a)
    assert client.get(reverse("partners:intervention_create", args=[999999])).status_code == 404
    intervention = InterventionFactory(partner=partner_a)
    partner_a.is_active = False
    partner_a.save()
    assert client.get(create_url(partner_a)).status_code == 404
    assert client.post(edit_url(partner_a, intervention), valid_data()).status_code == 404
    client.force_login(staff)
    assert client.post(create_url(partner_a), valid_data()).status_code == 404
    assert Intervention.objects.count() == 1


def test_anonymous_is_sent_to_login_and_nothing_is_saved(client, partner_a):
    response = client.post(create_url(partner_a), valid_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Intervention.objects.exists()


def test_editors_cannot_publish_through_the_form(client, editor_a, partner_a):
    client.force_login(editor_a)
    assert "is_published" not in client.get(create_url(partner_a)).context["form"].fields
    client.post(create_url(partner_a), valid_data(is_published="on"))
    assert not Intervention.objects.get().is_published
    intervention = Intervention.objects.get()
    client.post(edit_url(partner_a, intervention), valid_data(is_published="on"))
    intervention.refresh_from_db()
    assert not intervention.is_published


def test_staff_publish_through_the_form(client, staff, partner_a):
    intervention = InterventionFactory(partner=partner_a, **valid_data())
    client.force_login(staff)
    client.post(edit_url(partner_a, intervention), valid_data(is_published="on"))
    intervention.refresh_from_db()
    assert intervention.is_published
    entry = AuditEntry.objects.get(group=group(partner_a))
    assert entry.changes == {"is_published": ["False", "True"]}


# --- publishing in the showcase -----------------------------------------------------------


def test_only_staff_publish(client, editor_a, editor_b, outsider, partner_a):
    intervention = InterventionFactory(partner=partner_a)
    for user in (editor_a, editor_b, outsider):
        client.force_login(user)
        assert client.post(publish_url(intervention)).status_code == 403
        assert client.post(publish_url(intervention), {"publish": "1"}).status_code == 403
    intervention.refresh_from_db()
    assert not intervention.is_published
    assert not AuditEntry.objects.exists()


def test_staff_toggle_publication_and_it_is_audited(client, staff, partner_a):
    intervention = InterventionFactory(partner=partner_a)
    client.force_login(staff)
    assert client.get(publish_url(intervention)).status_code == 405
    response = client.post(publish_url(intervention))
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:intervention_list")
    intervention.refresh_from_db()
    assert intervention.is_published
    # An explicit value makes a double submit harmless.
    client.post(publish_url(intervention), {"publish": "1"})
    intervention.refresh_from_db()
    assert intervention.is_published
    client.post(publish_url(intervention), {"publish": "0"})
    intervention.refresh_from_db()
    assert not intervention.is_published
    actions = list(
        AuditEntry.objects.filter(group=group(partner_a))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["intervention.published", "intervention.unpublished"]


def test_publish_redirects_only_to_this_site(client, staff, partner_a):
    intervention = InterventionFactory(partner=partner_a)
    client.force_login(staff)
    nxt = reverse("partners:intervention_list") + "?q=x"
    assert client.post(publish_url(intervention), {"next": nxt})["Location"] == nxt
    response = client.post(publish_url(intervention), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("partners:intervention_list")


def test_publish_unknown_intervention_is_404(client, staff):
    client.force_login(staff)
    url = reverse("partners:intervention_publish", args=[999999])
    assert client.post(url).status_code == 404


# --- bad input ----------------------------------------------------------------------------


def post_errors(client, partner, data):
    response = client.post(create_url(partner), data)
    assert response.status_code == 200
    return response.context["form"].errors.as_data()


def test_collaborating_with_yourself_is_refused_with_a_clear_message(client, editor_a, partner_a):
    client.force_login(editor_a)
    errors = post_errors(client, partner_a, valid_data(collaborators=[partner_a.pk]))
    assert errors["collaborators"][0].code == "self_collaboration"
    assert "Partner A" in errors["collaborators"][0].messages[0]
    # The partner is not even offered as a choice.
    form = client.get(create_url(partner_a)).context["form"]
    offered = [value for value, _label in form.fields["collaborators"].widget.choices]
    assert partner_a.pk not in offered
    assert not Intervention.objects.exists()


def test_only_existing_municipalities_and_active_partners(client, editor_a, partner_a):
    gone = PartnerFactory(is_active=False)
    client.force_login(editor_a)
    errors = post_errors(client, partner_a, valid_data(municipalities=[999999]))
    assert "municipalities" in errors
    errors = post_errors(client, partner_a, valid_data(collaborators=[gone.pk]))
    assert "collaborators" in errors
    errors = post_errors(client, partner_a, valid_data(collaborators=["x"]))
    assert "collaborators" in errors
    assert not Intervention.objects.exists()


def test_contact_must_be_a_person_of_the_partner(client, editor_a, partner_a, partner_b):
    theirs = PersonFactory(partner=partner_b)
    nobodys = PersonFactory()
    ours = PersonFactory(partner=partner_a)
    client.force_login(editor_a)
    for person in (theirs, nobodys):
        assert "contact" in post_errors(client, partner_a, valid_data(contact=person.pk))
    assert client.post(create_url(partner_a), valid_data(contact=ours.pk)).status_code == 302


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "x" * 201),
        ("description", ""),
        ("description", "x" * 5001),
        ("target_group", "aliens"),
        ("status", "done"),
        ("title", "nul\x00byte"),
    ],
)
def test_bad_fields_give_form_errors(client, editor_a, partner_a, field, value):
    client.force_login(editor_a)
    assert field in post_errors(client, partner_a, valid_data(**{field: value}))
    assert not Intervention.objects.exists()


@pytest.fixture
def editor_client(client, editor_a):
    client.force_login(editor_a)
    return client


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(max_size=250),
    description=st.text(max_size=300),
    target_group=st.one_of(st.sampled_from(Intervention.TargetGroup.values), st.text(max_size=20)),
    status=st.one_of(st.sampled_from(Intervention.Status.values), st.text(max_size=10)),
    municipalities=st.lists(
        st.one_of(st.text(max_size=12), st.integers(min_value=-(2**70), max_value=2**70)),
        max_size=3,
    ),
    contact=st.one_of(st.text(max_size=12), st.integers(min_value=-(2**70), max_value=2**70)),
)
def test_intervention_form_garbage_never_breaks(
    editor_client, partner_a, title, description, target_group, status, municipalities, contact
):
    before = Intervention.objects.count()
    data = {
        "title": title,
        "description": description,
        "target_group": target_group,
        "status": status,
        "municipalities": [str(m) for m in municipalities],
        "collaborators": [str(m) for m in municipalities],
        "contact": str(contact),
    }
    response = editor_client.post(create_url(partner_a), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
        assert Intervention.objects.count() == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "municipality", "target_group", "partner", "status", "page"]),
        st.one_of(st.text(max_size=30), st.integers(min_value=-(2**70), max_value=2**70)),
    )
)
def test_list_filter_garbage_never_breaks(editor_client, params):
    response = editor_client.get(reverse("partners:intervention_list"), params)
    assert response.status_code == 200


def test_script_in_text_is_escaped_everywhere(client, editor_a, partner_a):
    pekela = MunicipalityFactory(name="Pekela")
    intervention = InterventionFactory(
        partner=partner_a, title=SCRIPT, description=SCRIPT, municipalities=[pekela]
    )
    client.force_login(editor_a)
    for url in (
        reverse("partners:intervention_list"),
        reverse("partners:intervention_by_municipality") + f"?gemeente={pekela.pk}",
        edit_url(partner_a, intervention),
    ):
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert "&lt;script&gt;" in html, url


# --- reading: search, filters, per municipality -------------------------------------------


@pytest.fixture
def inventory(partner_a, partner_b):
    pekela = MunicipalityFactory(name="Pekela")
    veendam = MunicipalityFactory(name="Veendam")
    gone = PartnerFactory(name="Opgeheven", is_active=False)
    InterventionFactory(
        partner=partner_a,
        title="Schoolontbijt",
        description="Elke ochtend een ontbijt op school.",
        target_group="kinderen",
        municipalities=[pekela],
        collaborators=[partner_b],
    )
    InterventionFactory(
        partner=partner_b,
        title="Schuldhulp aan huis",
        description="Vroegsignalering van betalingsachterstanden.",
        target_group="volwassenen",
        status="planned",
        municipalities=[veendam, pekela],
    )
    InterventionFactory(partner=gone, title="Verdwenen project", municipalities=[pekela])
    return {"pekela": pekela, "veendam": veendam, "gone": gone}


def test_list_searches_and_filters(client, outsider, inventory, partner_a, partner_b):
    client.force_login(outsider)
    url = reverse("partners:intervention_list")
    assert titles(client.get(url)) == ["Schoolontbijt", "Schuldhulp aan huis"]
    assert titles(client.get(url, {"q": "ontbijt"})) == ["Schoolontbijt"]
    assert titles(client.get(url, {"q": "betalingsachterstanden"})) == ["Schuldhulp aan huis"]
    assert titles(client.get(url, {"q": "partner a"})) == ["Schoolontbijt"]
    assert titles(client.get(url, {"municipality": inventory["veendam"].pk})) == [
        "Schuldhulp aan huis"
    ]
    assert titles(client.get(url, {"municipality": inventory["pekela"].pk})) == [
        "Schoolontbijt",
        "Schuldhulp aan huis",
    ]
    assert titles(client.get(url, {"target_group": "kinderen"})) == ["Schoolontbijt"]
    assert titles(client.get(url, {"partner": partner_b.pk})) == ["Schuldhulp aan huis"]
    assert titles(client.get(url, {"status": "planned"})) == ["Schuldhulp aan huis"]
    for garbage in ({"target_group": "<x>"}, {"status": "?"}, {"municipality": "x"}):
        assert len(titles(client.get(url, garbage))) == 2


def test_inactive_partners_work_is_shown_to_staff_only(client, outsider, staff, inventory):
    client.force_login(outsider)
    for name in ("partners:intervention_list", "partners:intervention_by_municipality"):
        html = client.get(reverse(name)).content.decode()
        assert "Verdwenen project" not in html and "Opgeheven" not in html
    client.force_login(staff)
    assert "Verdwenen project" in titles(client.get(reverse("partners:intervention_list")))


def test_per_municipality_shows_who_does_what_with_whom(client, outsider, inventory):
    InterventionFactory(title="Overal en nergens")
    client.force_login(outsider)
    url = reverse("partners:intervention_by_municipality")
    response = client.get(url)
    counts = {m.name: m.intervention_count for m in response.context["municipalities"]}
    assert counts == {"Pekela": 2, "Veendam": 1}
    assert "table_html" not in response.context  # nothing chosen yet

    def shown(params):
        response = client.get(url, params)
        shown = [row["intervention"] for row in response.context["rows"]]
        return [(i.title, i.partner.name, [p.name for p in i.collaborators.all()]) for i in shown]

    pekela = next(m for m in response.context["municipalities"] if m.name == "Pekela")
    assert shown({"gemeente": pekela.pk}) == [
        ("Schoolontbijt", "Partner A", ["Partner B"]),
        ("Schuldhulp aan huis", "Partner B", []),
    ]
    assert [t for t, _p, _c in shown({"gemeente": "geen"})] == ["Overal en nergens"]
    assert client.get(url, {"gemeente": 999999}).status_code == 404
    assert client.get(url, {"gemeente": "x"}).status_code == 404
    assert client.get(url, {"gemeente": 2**63}).status_code == 404


def test_list_is_paginated_by_25(client, outsider, partner_a):
    InterventionFactory.create_batch(30, partner=partner_a)
    client.force_login(outsider)
    url = reverse("partners:intervention_list")
    assert len(titles(client.get(url))) == 25
    assert len(titles(client.get(url, {"page": 2}))) == 5
    assert len(titles(client.get(url, {"page": "999"}))) == 5
    assert len(titles(client.get(url, {"page": "x"}))) == 25


def test_edit_links_only_for_what_the_user_may_change(client, editor_a, partner_a, partner_b):
    ours = InterventionFactory(partner=partner_a)
    theirs = InterventionFactory(partner=partner_b)
    client.force_login(editor_a)
    html = client.get(reverse("partners:intervention_list")).content.decode()
    assert edit_url(partner_a, ours) in html
    assert edit_url(partner_b, theirs) not in html
    assert publish_url(ours) not in html


# --- query counts -------------------------------------------------------------------------


def large_inventory(n=60):
    municipalities = MunicipalityFactory.create_batch(9)
    partners = PartnerFactory.create_batch(12)
    for partner in partners:
        MembershipFactory.create_batch(2, partner=partner)
    for i in range(n):
        InterventionFactory(
            partner=partners[i % 12],
            contact=PersonFactory(partner=partners[i % 12]),
            is_published=i % 2 == 0,
            municipalities=[municipalities[(i + k) % 9] for k in range(3)],
            collaborators=[partners[(i + k) % 12] for k in range(1, 4)],
        )


def count_queries(client, url) -> tuple[int, int]:
    return page_queries(client, url, INTERVENTIONS_READ)


@pytest.mark.parametrize("persona", ["editor_a", "staff"])
@pytest.mark.parametrize(
    "name", ["partners:intervention_list", "partners:intervention_by_municipality"]
)
def test_query_count_does_not_grow(client, request, persona, name, partner_a, partner_b):
    client.force_login(request.getfixturevalue(persona))
    url = reverse(name)
    InterventionFactory(
        partner=partner_a,
        municipalities=[MunicipalityFactory()],
        collaborators=[partner_b],
        contact=PersonFactory(partner=partner_a),
    )
    chosen = MunicipalityFactory(name="Gekozen")
    InterventionFactory(partner=partner_a, municipalities=[chosen], collaborators=[partner_b])
    small = count_queries(client, url), count_queries(client, f"{url}?gemeente={chosen.pk}")
    large_inventory()
    for intervention in Intervention.objects.all()[:40]:
        intervention.municipalities.add(chosen)
    large = count_queries(client, url), count_queries(client, f"{url}?gemeente={chosen.pk}")
    assert large == small, f"{small} queries with little data, {large} with 60 interventions"
