"""Programme roles with terms: the rules of a term, the pages for staff, the picture of the
organisation on the governance overview (and its PDF), and the reminder before the
penvoerder's term ends."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.cache import touch
from avk.models import AuditEntry, OutgoingMail
from governance.documents import governance_overview_context
from governance.models import ProgrammeRole, RoleTerm
from governance.services.programme import role_term_end_remind, role_term_save
from tests import fuzz
from tests.factories import PartnerFactory, PersonFactory, SeatFactory, UserFactory
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db

D = datetime.date


def add(user, **values):
    values = {"person": None, "partner": None, "effort": "", "term_end": None} | values
    return role_term_save(user=user, **values)


# --- the rules of a term -----------------------------------------------------------------


def test_staff_add_a_term_and_it_is_audited(staff):
    person = PersonFactory(name="Femke Dijkstra")
    term = add(staff, role=ProgrammeRole.SECRETARY, person=person, term_start=D(2025, 7, 1))
    assert term.holder_name == "Femke Dijkstra"
    assert AuditEntry.objects.filter(action="role_term.added", object_id=str(term.pk)).exists()


def test_only_staff_change_terms(db_member):
    with pytest.raises(PermissionDenied):
        add(db_member, role=ProgrammeRole.MANAGER, person=PersonFactory(), term_start=D(2025, 1, 1))
    assert not RoleTerm.objects.exists()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2025, 6, 1), D(2025, 8, 1)),  # ends inside the existing term
        (D(2026, 1, 1), None),  # open-ended, starting inside it
        (D(2024, 1, 1), D(2028, 1, 1)),  # around it
        (D(2027, 6, 30), D(2027, 7, 1)),  # on its last day
    ],
)
def test_overlapping_terms_of_one_role_are_refused_in_dutch(staff, start, end):
    add(
        staff,
        role=ProgrammeRole.PENVOERDER,
        partner=PartnerFactory(name="CMO STAMM"),
        term_start=D(2025, 7, 1),
        term_end=D(2027, 6, 30),
    )
    with pytest.raises(ValidationError) as error:
        add(
            staff,
            role=ProgrammeRole.PENVOERDER,
            partner=PartnerFactory(),
            term_start=start,
            term_end=end,
        )
    assert "overlapt met de termijn van CMO STAMM" in " ".join(error.value.messages)
    assert RoleTerm.objects.count() == 1


def test_a_term_after_the_last_one_ends_is_fine(staff):
    add(
        staff,
        role=ProgrammeRole.PENVOERDER,
        partner=PartnerFactory(),
        term_start=D(2023, 7, 1),
        term_end=D(2025, 6, 30),
    )
    add(staff, role=ProgrammeRole.PENVOERDER, partner=PartnerFactory(), term_start=D(2025, 7, 1))
    assert RoleTerm.objects.count() == 2


def test_an_open_term_blocks_every_later_one(staff):
    add(staff, role=ProgrammeRole.MANAGER, person=PersonFactory(), term_start=D(2023, 7, 1))
    with pytest.raises(ValidationError):
        add(staff, role=ProgrammeRole.MANAGER, person=PersonFactory(), term_start=D(2030, 1, 1))


def test_changing_a_term_does_not_clash_with_itself(staff):
    term = add(staff, role=ProgrammeRole.MANAGER, person=PersonFactory(), term_start=D(2023, 1, 1))
    role_term_save(user=staff, term=term, term_end=D(2026, 12, 31))
    term.refresh_from_db()
    assert term.term_end == D(2026, 12, 31)
    assert AuditEntry.objects.filter(action="role_term.changed").exists()


def test_an_end_before_the_start_is_refused(staff):
    with pytest.raises(ValidationError) as error:
        add(
            staff,
            role=ProgrammeRole.CONTROLLER,
            person=PersonFactory(),
            term_start=D(2025, 1, 1),
            term_end=D(2024, 12, 31),
        )
    assert "kan niet voor het begin" in " ".join(error.value.messages)


def test_the_penvoerder_is_a_partner_and_other_roles_a_person(staff):
    with pytest.raises(ValidationError):
        add(staff, role=ProgrammeRole.PENVOERDER, person=PersonFactory(), term_start=D(2025, 1, 1))
    with pytest.raises(ValidationError):
        add(staff, role=ProgrammeRole.MANAGER, partner=PartnerFactory(), term_start=D(2025, 1, 1))
    assert not RoleTerm.objects.exists()


def test_effort_leads_of_different_efforts_run_side_by_side(staff):
    add(
        staff,
        role=ProgrammeRole.EFFORT_LEAD,
        person=PersonFactory(),
        effort="Inspanning 1",
        term_start=D(2025, 1, 1),
    )
    add(
        staff,
        role=ProgrammeRole.EFFORT_LEAD,
        person=PersonFactory(),
        effort="Inspanning 2",
        term_start=D(2025, 1, 1),
    )
    with pytest.raises(ValidationError):
        add(
            staff,
            role=ProgrammeRole.EFFORT_LEAD,
            person=PersonFactory(),
            effort="inspanning 1",
            term_start=D(2026, 1, 1),
        )
    with pytest.raises(ValidationError):  # an effort lead names the effort
        add(staff, role=ProgrammeRole.EFFORT_LEAD, person=PersonFactory(), term_start=D(2025, 1, 1))


# --- the pages ---------------------------------------------------------------------------


def test_staff_add_a_term_through_the_page(client, staff):
    client.force_login(staff)
    partner = PartnerFactory(name="Zorg Innovatie Forum")
    response = client.post(
        reverse("governance:role_create"),
        {
            "role": "penvoerder",
            "partner": partner.pk,
            "term_start": "2023-07-01",
            "term_end": "2025-06-30",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("governance:role_list")).content.decode()
    assert "Zorg Innovatie Forum" in page
    assert 'id="penvoerder-history"' in page


def test_an_overlap_through_the_page_shows_a_dutch_message_and_saves_nothing(client, staff):
    client.force_login(staff)
    person = PersonFactory()
    add(staff, role=ProgrammeRole.MANAGER, person=person, term_start=D(2023, 1, 1))
    response = client.post(
        reverse("governance:role_create"),
        {"role": "manager", "person": PersonFactory().pk, "term_start": "2024-01-01"},
    )
    assert response.status_code == 200
    assert "overlapt met de termijn" in response.content.decode()
    assert RoleTerm.objects.count() == 1


def test_a_forged_post_by_a_member_changes_nothing(client, db_member):
    client.force_login(db_member)
    response = client.post(
        reverse("governance:role_create"),
        {"role": "manager", "person": PersonFactory().pk, "term_start": "2024-01-01"},
    )
    assert response.status_code == 403
    assert not RoleTerm.objects.exists()


def test_edit_of_an_unknown_term_is_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("governance:role_edit", args=[999999])).status_code == 404


garbage = fuzz.garbage("penvoerder")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(["role", "person", "partner", "effort", "term_start", "term_end"], garbage)
    )
)
def test_role_form_garbage_never_breaks(client, staff, data):
    client.force_login(staff)
    response = client.post(reverse("governance:role_create"), data)
    assert response.status_code in (200, 302)


# --- the picture of the organisation ---------------------------------------------------


@pytest.fixture
def organisation(staff):
    add(
        staff,
        role=ProgrammeRole.PENVOERDER,
        partner=PartnerFactory(name="Zorg Innovatie Forum"),
        term_start=D(2023, 7, 1),
        term_end=D(2025, 6, 30),
    )
    add(
        staff,
        role=ProgrammeRole.PENVOERDER,
        partner=PartnerFactory(name="CMO STAMM"),
        term_start=D(2025, 7, 1),
        term_end=D(2099, 6, 30),
    )
    add(
        staff,
        role=ProgrammeRole.MANAGER,
        person=PersonFactory(name="Saskia Duursma"),
        term_start=D(2023, 7, 1),
    )
    add(
        staff,
        role=ProgrammeRole.COMMUNICATION,
        person=PersonFactory(name="Marga", is_experience_expert=True),
        term_start=D(2023, 7, 1),
    )
    add(
        staff,
        role=ProgrammeRole.EFFORT_LEAD,
        person=PersonFactory(name="Erik Hoekstra"),
        effort="Inspanning 2: monitoring",
        term_start=D(2025, 10, 1),
    )


def test_the_overview_draws_the_organisation_as_lists_under_headings(
    client, db_member, db_body, organisation
):
    client.force_login(db_member)
    html = client.get(reverse("governance:overview")).content.decode()
    chart = html[html.index('id="org-chart"') :]
    chart = chart[: chart.index("</section>")]
    assert "Zo is de alliantie georganiseerd" in chart
    assert "CMO STAMM" in chart and "Zorg Innovatie Forum" not in chart  # only the current one
    assert "Saskia Duursma" in chart
    assert "Inspanning 2: monitoring" in chart and "Erik Hoekstra" in chart
    assert re.search(r"Marga.*badge-ed", chart, re.S)  # experience experts marked
    assert "<ul" in chart and "<h3" in chart and "<svg" not in chart and "<img" not in chart
    assert "Dagelijks Bestuur" in chart
    assert_plain_page(html)


def test_the_overview_queries_do_not_grow_with_the_organisation(
    client, staff, db_body, organisation, django_assert_max_num_queries
):
    client.force_login(staff)
    client.get(reverse("governance:overview"))
    touch(RoleTerm)  # the next request builds the overview afresh (avk.cache kept it)
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("governance:overview"))
    for n in range(20):
        add(
            staff,
            role=ProgrammeRole.EFFORT_LEAD,
            person=PersonFactory(),
            effort=f"Inspanning {n}",
            term_start=D(2025, 1, 1),
        )
        SeatFactory(body=db_body)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("governance:overview"))


def test_the_overview_pdf_has_the_programme(organisation):
    context = governance_overview_context("")
    assert context["organisation"].penvoerder.partner.name == "CMO STAMM"
    assert [t.partner.name for t in context["penvoerders"]] == ["CMO STAMM", "Zorg Innovatie Forum"]


def test_the_roles_page_shows_the_penvoerder_history(client, outsider, organisation):
    client.force_login(outsider)
    html = client.get(reverse("governance:role_list")).content.decode()
    history = html[html.index('id="penvoerder-history"') :]
    assert history.index("CMO STAMM") < history.index("Zorg Innovatie Forum")
    assert reverse("governance:role_create") not in html  # no add button for non-staff
    assert_plain_page(html)


# --- the reminder before the penvoerder's term ends ---------------------------------------


def test_staff_are_reminded_two_months_before_the_term_ends_once(staff):
    UserFactory(email="other.staff@example.org", is_staff=True)
    UserFactory(email="member@example.org")
    term = add(
        staff,
        role=ProgrammeRole.PENVOERDER,
        partner=PartnerFactory(name="CMO STAMM"),
        term_start=D(2025, 7, 1),
        term_end=D(2027, 6, 30),
    )
    assert role_term_end_remind(today=D(2027, 4, 15)) == 0  # still more than two months
    assert role_term_end_remind(today=D(2027, 5, 1)) == 2
    assert role_term_end_remind(today=D(2027, 5, 2)) == 0  # once per term
    mails = OutgoingMail.objects.filter(template="penvoerder_term_ending")
    assert {m.to for m in mails} == {staff.email, "other.staff@example.org"}
    assert all(m.key.startswith(f"penvoerder-term-ending:{term.pk}:") for m in mails)
    assert role_term_end_remind(today=D(2027, 7, 1)) == 0  # the term has ended


def test_the_reminder_mail_reads_well(staff, mailoutbox, django_capture_on_commit_callbacks):
    add(
        staff,
        role=ProgrammeRole.PENVOERDER,
        partner=PartnerFactory(name="CMO STAMM"),
        term_start=D(2025, 7, 1),
        term_end=D(2027, 6, 30),
    )
    with django_capture_on_commit_callbacks(execute=True):
        role_term_end_remind(today=D(2027, 5, 1))
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert "CMO STAMM" in mail.subject and "30 juni 2027" in mail.subject
    assert reverse("governance:role_list") in mail.body
    assert "CMO STAMM" in mail.alternatives[0][0]


def test_the_daily_task_runs_both_reminders(staff):
    from governance.tasks import daily_reminders

    assert daily_reminders() == {"penvoerder_term": 0, "decision_reviews": 0}


def test_the_roles_page_says_when_the_secretary_is_not_from_the_penvoerder(client, staff):
    stamm = PartnerFactory(name="CMO STAMM")
    add(staff, role=ProgrammeRole.PENVOERDER, partner=stamm, term_start=D(2025, 7, 1))
    secretary = add(
        staff,
        role=ProgrammeRole.SECRETARY,
        person=PersonFactory(partner=PartnerFactory(name="GKB")),
        term_start=D(2025, 7, 1),
    )
    client.force_login(staff)
    assert 'id="secretary-hint"' in client.get(reverse("governance:role_list")).content.decode()
    secretary.person.partner = stamm
    secretary.person.save()
    assert 'id="secretary-hint"' not in client.get(reverse("governance:role_list")).content.decode()
