import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from partners.demo import quickscan as demo_quickscan
from partners.models import QuickScan, QuickScanAnswer, QuickScanCriterion
from partners.selectors.quickscan import QUICKSCAN_DETAIL_READ, QUICKSCAN_OVERVIEW_READ
from partners.services.quickscan import (
    CRITERIA_GROUP,
    Answer,
    criterion_create,
    criterion_delete,
    criterion_update,
    current_year,
    quickscan_save,
)
from tests.factories import PartnerFactory
from tests.partners.factories_quickscan import CriterionFactory, QuickScanFactory
from tests.partners.queries import page_queries

YEAR = current_year()


@pytest.fixture
def criteria(db):
    return [CriterionFactory(order=i) for i in range(1, 5)]


def fill_url(partner):
    return reverse("partners:quickscan_fill", args=[partner.pk])


def detail_url(partner, year):
    return reverse("partners:quickscan_detail", args=[partner.pk, year])


def post_data(criteria, met, notes=None):
    data = {}
    for criterion, value in zip(criteria, met, strict=True):
        if value is not None:
            data[f"met_{criterion.pk}"] = "yes" if value else "no"
        data[f"note_{criterion.pk}"] = (notes or {}).get(criterion.pk, "")
    return data


def scan_audits(partner):
    return AuditEntry.objects.filter(group=f"partner:{partner.pk}", action__startswith="quickscan")


# --- filling in --------------------------------------------------------------------------


def test_editor_fills_in_the_scan_and_the_score_is_computed(
    client_for, editor_a, partner_a, criteria
):
    notes = {criteria[1].pk: "  Nog niet in het jaarplan.  "}
    response = client_for(editor_a).post(
        fill_url(partner_a), post_data(criteria, [True, False, True, True], notes)
    )
    assert response.status_code == 302
    assert response["Location"] == detail_url(partner_a, YEAR)
    scan = QuickScan.objects.get(partner=partner_a, year=YEAR)
    assert (scan.score, scan.total, scan.percentage) == (3, 4, 75)
    assert scan.filled_by == editor_a
    assert scan.answers.get(criterion=criteria[1]).note == "Nog niet in het jaarplan."
    entry = scan_audits(partner_a).get()
    assert entry.action == "quickscan.filled"
    assert entry.actor == editor_a
    assert entry.changes["score"] == ["", "3/4"]

    page = client_for(editor_a).get(detail_url(partner_a, YEAR))
    assert page.status_code == 200
    assert "Nog niet in het jaarplan." in page.content.decode()


def test_filling_in_again_the_same_year_updates_and_is_audited(
    client_for, editor_a, staff, partner_a, criteria
):
    client_for(editor_a).post(fill_url(partner_a), post_data(criteria, [True] * 4))
    first = QuickScan.objects.get(partner=partner_a, year=YEAR)

    form = client_for(staff).get(fill_url(partner_a)).context["form"]
    assert form.initial[f"met_{criteria[0].pk}"] == "yes"  # the saved answers are shown

    response = client_for(staff).post(
        fill_url(partner_a),
        post_data(criteria, [True, False, True, True], {criteria[3].pk: "Gedeeld"}),
    )
    assert response.status_code == 302
    scan = QuickScan.objects.get(partner=partner_a, year=YEAR)
    assert scan.pk == first.pk
    assert (scan.score, scan.total) == (3, 4)
    assert scan.filled_by == staff
    assert QuickScanAnswer.objects.filter(scan=scan).count() == 4
    entry = scan_audits(partner_a).get(action="quickscan.updated")
    assert entry.actor == staff
    assert entry.changes[criteria[1].text] == ["ja", "nee"]  # in the editor's language
    assert entry.changes[f"{criteria[3].text} (opmerking)"] == ["", "Gedeeld"]
    assert entry.changes["score"] == ["4/4", "3/4"]
    assert criteria[0].text not in entry.changes

    # Saving the same answers again changes nothing and records nothing.
    client_for(staff).post(
        fill_url(partner_a),
        post_data(criteria, [True, False, True, True], {criteria[3].pk: "Gedeeld"}),
    )
    assert scan_audits(partner_a).count() == 2


def test_editor_of_another_partner_cannot_fill_in(
    client_for, editor_b, outsider, partner_a, criteria
):
    for user in (editor_b, outsider):
        response = client_for(user).post(fill_url(partner_a), post_data(criteria, [True] * 4))
        assert response.status_code == 403
    assert client_for(None).post(fill_url(partner_a), post_data(criteria, [True] * 4)).status_code
    assert not QuickScan.objects.exists()
    assert not AuditEntry.objects.exists()


def test_editor_cannot_read_another_partners_scan(client_for, editor_b, partner_a, criteria):
    QuickScanFactory(partner=partner_a, year=YEAR, answers={criteria[0]: True})
    assert client_for(editor_b).get(detail_url(partner_a, YEAR)).status_code == 403


def test_missing_answers_give_a_clear_message_and_save_nothing(
    client_for, editor_a, partner_a, criteria
):
    response = client_for(editor_a).post(
        fill_url(partner_a), post_data(criteria, [True, None, True, None])
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[f"met_{criteria[1].pk}"] == ["Beantwoord deze vraag met ja of nee."]
    assert "Er zijn nog 2 vragen zonder geldig antwoord" in form.non_field_errors()[0]
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not QuickScan.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_empty_post_saves_nothing(client_for, editor_a, partner_a, criteria):
    response = client_for(editor_a).post(fill_url(partner_a), {})
    assert response.status_code == 200
    assert len(response.context["form"].errors) == 5  # 4 questions + the summary
    assert not QuickScan.objects.exists()


def test_a_too_long_note_is_refused(client_for, editor_a, partner_a, criteria):
    notes = {criteria[0].pk: "x" * 501}
    response = client_for(editor_a).post(
        fill_url(partner_a), post_data(criteria, [True] * 4, notes)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[f"note_{criteria[0].pk}"]
    assert not QuickScan.objects.exists()


def test_forged_criterion_ids_in_the_post_are_ignored(client_for, editor_a, partner_a, criteria):
    other = CriterionFactory(is_active=False)
    data = post_data(criteria, [True] * 4) | {f"met_{other.pk}": "yes", "met_999999": "yes"}
    data |= {"year": str(YEAR - 3), "partner": "1"}
    client_for(editor_a).post(fill_url(partner_a), data)
    scan = QuickScan.objects.get(partner=partner_a)
    assert scan.year == YEAR
    assert set(scan.answers.values_list("criterion_id", flat=True)) == {c.pk for c in criteria}


def test_service_refuses_unknown_missing_or_switched_off_criteria(editor_a, partner_a, criteria):
    everything = {c.pk: Answer(True) for c in criteria}
    off = CriterionFactory(is_active=False)
    cases = [
        {k: v for k, v in everything.items() if k != criteria[0].pk},  # missing
        everything | {999999: Answer(True)},  # unknown
        everything | {off.pk: Answer(False)},  # switched off
        everything | {criteria[0].pk: Answer("yes")},  # not a bool
        everything | {criteria[0].pk: Answer(True, "x" * 501)},  # note too long
    ]
    for answers in cases:
        with pytest.raises(ValidationError):
            quickscan_save(partner=partner_a, year=YEAR, answers=answers, user=editor_a)
    assert not QuickScan.objects.exists()
    assert not AuditEntry.objects.exists()


def test_service_refuses_another_year_and_inactive_partners(editor_a, partner_a, criteria):
    answers = {c.pk: Answer(True) for c in criteria}
    for year in (YEAR - 1, YEAR + 1, 0):
        with pytest.raises(ValidationError):
            quickscan_save(partner=partner_a, year=year, answers=answers, user=editor_a)
    partner_a.is_active = False
    partner_a.save()
    with pytest.raises(ValidationError):
        quickscan_save(partner=partner_a, year=YEAR, answers=answers, user=editor_a)
    assert not QuickScan.objects.exists()


def test_past_years_are_read_only(client_for, editor_a, partner_a, criteria):
    old = QuickScanFactory(partner=partner_a, year=YEAR - 1, answers=dict.fromkeys(criteria, False))
    page = client_for(editor_a).get(detail_url(partner_a, YEAR - 1))
    assert page.status_code == 200
    assert page.context["can_fill"] is False
    assert f'href="{fill_url(partner_a)}"' not in page.content.decode()
    # The detail URL takes no POST; the fill URL only ever saves the current year.
    assert client_for(editor_a).post(detail_url(partner_a, YEAR - 1), {}).status_code == 405
    client_for(editor_a).post(fill_url(partner_a), post_data(criteria, [True] * 4))
    old.refresh_from_db()
    assert (old.year, old.score) == (YEAR - 1, 0)
    assert set(QuickScan.objects.values_list("year", flat=True)) == {YEAR - 1, YEAR}


def test_unknown_year_partner_or_inactive_partner_is_404(client_for, staff, partner_a, criteria):
    client = client_for(staff)
    assert client.get(detail_url(partner_a, YEAR)).status_code == 404
    assert client.get(detail_url(partner_a, 99999999999999999999)).status_code == 404
    assert client.get(detail_url(partner_a, 0)).status_code == 404
    assert client.get(reverse("partners:quickscan_fill", args=[999999])).status_code == 404
    QuickScanFactory(partner=partner_a, year=YEAR - 1, answers={criteria[0]: True})
    partner_a.is_active = False
    partner_a.save()
    assert client.get(fill_url(partner_a)).status_code == 404
    assert client.post(fill_url(partner_a), post_data(criteria, [True] * 4)).status_code == 404
    assert client.get(detail_url(partner_a, YEAR - 1)).status_code == 404


def test_switched_off_criterion_is_no_longer_asked_but_old_scans_show_it(
    client_for, staff, editor_a, partner_a, criteria
):
    QuickScanFactory(partner=partner_a, year=YEAR - 1, answers=dict.fromkeys(criteria, True))
    client_for(editor_a).post(fill_url(partner_a), post_data(criteria, [True] * 4))
    criterion_update(
        criterion=criteria[0],
        user=staff,
        text=criteria[0].text,
        explanation="",
        order=criteria[0].order,
        is_active=False,
    )
    form = client_for(editor_a).get(fill_url(partner_a)).context["form"]
    assert f"met_{criteria[0].pk}" not in form.fields
    assert len(form.criteria) == 3

    old_page = client_for(editor_a).get(detail_url(partner_a, YEAR - 1)).content.decode()
    assert criteria[0].text in old_page
    assert "wordt niet meer gevraagd" in old_page

    # Saving this year's scan again leaves the switched-off question out of it.
    client_for(editor_a).post(fill_url(partner_a), post_data(criteria[1:], [True, False, True]))
    scan = QuickScan.objects.get(partner=partner_a, year=YEAR)
    assert (scan.score, scan.total) == (2, 3)
    assert not scan.answers.filter(criterion=criteria[0]).exists()
    assert QuickScan.objects.get(year=YEAR - 1).answers.filter(criterion=criteria[0]).exists()


def test_no_criteria_yet_shows_a_message(client_for, editor_a, partner_a):
    response = client_for(editor_a).get(fill_url(partner_a))
    assert response.status_code == 200
    assert "nog geen vragen klaargezet" in response.content.decode()
    assert client_for(editor_a).post(fill_url(partner_a), {}).status_code == 200
    assert not QuickScan.objects.exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    met=st.lists(st.one_of(st.sampled_from(["yes", "no", ""]), st.text(max_size=20)), max_size=4),
    note=st.text(max_size=600),
    extra_key=st.text(max_size=30),
    extra_value=st.text(max_size=30),
)
def test_fill_form_garbage_never_breaks(
    client_for, editor_a, partner_a, criteria, met, note, extra_key, extra_value
):
    data = {
        f"met_{c.pk}": value.replace("\x00", "") for c, value in zip(criteria, met, strict=False)
    }
    data[f"note_{criteria[0].pk}"] = note.replace("\x00", "")
    data[extra_key.replace("\x00", "") or "x"] = extra_value.replace("\x00", "")
    response = client_for(editor_a).post(fill_url(partner_a), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
    for scan in QuickScan.objects.all():
        assert scan.total == 4
        assert 0 <= scan.score <= scan.total


# --- database rules ----------------------------------------------------------------------


def test_one_scan_per_partner_per_year(partner_a):
    QuickScanFactory(partner=partner_a, year=2025)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuickScan.objects.create(partner=partner_a, year=2025)
    QuickScanFactory(partner=partner_a, year=2024)  # another year is fine


def test_score_cannot_exceed_total(partner_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuickScan.objects.create(partner=partner_a, year=2025, score=5, total=4)


def test_one_answer_per_criterion_per_scan(partner_a, criteria):
    scan = QuickScanFactory(partner=partner_a, answers={criteria[0]: True})
    with pytest.raises(IntegrityError), transaction.atomic():
        QuickScanAnswer.objects.create(scan=scan, criterion=criteria[0], met=False)


def test_an_answered_criterion_cannot_be_deleted(staff, partner_a, criteria):
    QuickScanFactory(partner=partner_a, answers={criteria[0]: True})
    with pytest.raises(ProtectedError), transaction.atomic():
        criteria[0].delete()
    with pytest.raises(ValidationError):
        criterion_delete(criterion=criteria[0], user=staff)
    assert QuickScanCriterion.objects.filter(pk=criteria[0].pk).exists()


# --- criteria (staff) --------------------------------------------------------------------


def test_staff_add_edit_and_switch_off_criteria(client_for, staff):
    client = client_for(staff)
    url = reverse("partners:quickscan_criteria")
    response = client.post(
        url, {"text": "  De organisatie heeft een intern AVK-team ", "explanation": "", "order": 1}
    )
    assert response.status_code == 302
    criterion = QuickScanCriterion.objects.get()
    assert criterion.text == "De organisatie heeft een intern AVK-team"
    assert client.get(url).status_code == 200

    edit = reverse("partners:quickscan_criterion_edit", args=[criterion.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"text": criterion.text, "explanation": "Uitleg", "order": 5, "is_active": "on"}
    )
    assert response.status_code == 302
    response = client.post(edit, {"text": criterion.text, "explanation": "Uitleg", "order": 5})
    criterion.refresh_from_db()
    assert (criterion.order, criterion.explanation, criterion.is_active) == (5, "Uitleg", False)

    actions = list(
        AuditEntry.objects.filter(group=CRITERIA_GROUP)
        .order_by("id")
        .values_list("action", "changes")
    )
    assert [a for a, _c in actions] == [
        "quickscan.criterion_created",
        "quickscan.criterion_updated",
        "quickscan.criterion_off",
    ]
    assert actions[1][1] == {"explanation": ["", "Uitleg"], "order": ["1", "5"]}
    assert actions[2][1] == {"is_active": ["True", "False"]}
    page = client.get(url).content.decode()
    assert "Uitgezet" in page
    assert "Recente wijzigingen in de criteria" in page


def test_criterion_form_refuses_bad_input(client_for, staff):
    client = client_for(staff)
    url = reverse("partners:quickscan_criteria")
    for data in (
        {"text": "", "order": 1},
        {"text": "x" * 301, "order": 1},
        {"text": "ok", "order": -1},
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not QuickScanCriterion.objects.exists()


def test_unanswered_criterion_can_be_deleted_answered_not(client_for, staff, partner_a):
    client = client_for(staff)
    unused, used = CriterionFactory(), CriterionFactory()
    QuickScanFactory(partner=partner_a, answers={used: True})
    response = client.post(
        reverse("partners:quickscan_criterion_edit", args=[unused.pk]), {"action": "delete"}
    )
    assert response.status_code == 302
    assert not QuickScanCriterion.objects.filter(pk=unused.pk).exists()
    response = client.post(
        reverse("partners:quickscan_criterion_edit", args=[used.pk]), {"action": "delete"}
    )
    assert response.status_code == 302
    assert QuickScanCriterion.objects.filter(pk=used.pk).exists()
    assert AuditEntry.objects.filter(action="quickscan.criterion_deleted").count() == 1


def test_non_staff_cannot_change_criteria(client_for, editor_a, criteria):
    client = client_for(editor_a)
    url = reverse("partners:quickscan_criteria")
    assert client.post(url, {"text": "Ingebroken", "order": 1}).status_code == 403
    edit = reverse("partners:quickscan_criterion_edit", args=[criteria[0].pk])
    assert client.post(edit, {"text": "Ingebroken", "order": 1}).status_code == 403
    assert client.post(edit, {"action": "delete"}).status_code == 403
    assert not QuickScanCriterion.objects.filter(text="Ingebroken").exists()
    assert QuickScanCriterion.objects.count() == 4


def test_criterion_services_validate(staff):
    with pytest.raises(ValidationError):
        criterion_create(user=staff, text="   ")
    criterion = criterion_create(user=staff, text="Visie", order=2)
    with pytest.raises(ValidationError):
        criterion_update(criterion=criterion, user=staff, text="")
    criterion.refresh_from_db()
    assert criterion.text == "Visie"


# --- the overview ------------------------------------------------------------------------


def test_overview_lists_who_has_not_done_it_this_year(client_for, staff, criteria):
    done = PartnerFactory(name="Gedaan")
    late = PartnerFactory(name="Nog niet")
    PartnerFactory(name="Gestopt", is_active=False)
    QuickScanFactory(partner=done, year=YEAR, answers=dict.fromkeys(criteria[:3], True))
    QuickScanFactory(partner=late, year=YEAR - 1, answers={criteria[0]: False})

    response = client_for(staff).get(reverse("partners:quickscan_overview"))
    assert response.status_code == 200
    assert [row.partner.name for row in response.context["not_done"]] == ["Nog niet"]
    rows = {row.partner.name: row for row in response.context["rows"]}
    assert set(rows) == {"Gedaan", "Nog niet"}
    assert len(rows["Gedaan"].cells) == 5
    assert (rows["Gedaan"].cells[0].score, rows["Gedaan"].cells[0].total) == (3, 3)
    assert rows["Nog niet"].cells[0] is None
    assert rows["Nog niet"].cells[1].percentage == 0
    page = response.content.decode()
    assert f"Nog niet gedaan in {YEAR}" in page
    assert "3/3" in page

    last_year = client_for(staff).get(reverse("partners:quickscan_overview"), {"year": YEAR - 1})
    assert [row.partner.name for row in last_year.context["not_done"]] == ["Gedaan"]
    assert last_year.context["shown_years"] == [YEAR - 1]
    for garbage in ("abc", "1999", "99999999999999999999999", ""):
        response = client_for(staff).get(reverse("partners:quickscan_overview"), {"year": garbage})
        assert response.status_code == 200
        assert f"Nog niet gedaan in {YEAR}" in response.content.decode()


def test_overview_is_for_staff_only(client_for, editor_a, outsider):
    for user in (editor_a, outsider):
        assert client_for(user).get(reverse("partners:quickscan_overview")).status_code == 403


# --- query counts ------------------------------------------------------------------------


def _dataset(partners: int, years: int, criteria_count: int):
    criteria = [CriterionFactory(order=i) for i in range(criteria_count)]
    scans = QuickScan.objects.bulk_create(
        QuickScan(partner=partner, year=YEAR - y, score=1, total=criteria_count)
        for partner in PartnerFactory.create_batch(partners)
        for y in range(years)
    )
    QuickScanAnswer.objects.bulk_create(
        QuickScanAnswer(scan=scan, criterion=criterion, met=i == 0)
        for scan in scans
        for i, criterion in enumerate(criteria)
    )
    return criteria


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_overview_query_count_does_not_grow(client_for, staff):
    client = client_for(staff)
    url = reverse("partners:quickscan_overview")
    _dataset(2, 1, 2)
    small = page_queries(client, url, QUICKSCAN_OVERVIEW_READ)
    _dataset(49, 5, 8)
    assert QuickScan.objects.count() == 2 + 49 * 5
    large = page_queries(client, url, QUICKSCAN_OVERVIEW_READ)
    assert large == small
    assert max(large) <= 12


def test_fill_and_detail_query_counts_do_not_grow(client_for, editor_a, partner_a):
    client = client_for(editor_a)
    few = [CriterionFactory() for _ in range(2)]
    QuickScanFactory(partner=partner_a, year=YEAR, answers=dict.fromkeys(few, True))
    small_fill = _count(client, fill_url(partner_a))
    small_detail = page_queries(client, detail_url(partner_a, YEAR), QUICKSCAN_DETAIL_READ)

    QuickScan.objects.all().delete()
    many = few + [CriterionFactory() for _ in range(10)]
    QuickScanFactory(partner=partner_a, year=YEAR, answers=dict.fromkeys(many, True))
    for y in range(1, 20):  # twenty years of scans
        QuickScanFactory(partner=partner_a, year=YEAR - y, answers=dict.fromkeys(many, False))
    assert _count(client, fill_url(partner_a)) == small_fill
    large_detail = page_queries(client, detail_url(partner_a, YEAR), QUICKSCAN_DETAIL_READ)
    assert large_detail == small_detail
    assert large_detail[1] < large_detail[0]  # kept: no scan, answer or history read


def test_criteria_page_query_count_does_not_grow(client_for, staff):
    client = client_for(staff)
    url = reverse("partners:quickscan_criteria")
    CriterionFactory()
    small = _count(client, url)
    for i in range(20):
        criterion_create(user=staff, text=f"Criterium {i}", order=i)
    CriterionFactory(is_active=False)
    assert _count(client, url) == small


# --- demo data ---------------------------------------------------------------------------


def test_demo_build_is_idempotent_and_leaves_some_partners_to_do(db):
    names = [*demo_quickscan.SCANS, "Afeer", "VNN", "Gemeente Pekela"]
    partners = {name: PartnerFactory(name=name) for name in names}
    demo_quickscan.build(partners)
    counts = (QuickScanCriterion.objects.count(), QuickScan.objects.count())
    demo_quickscan.build(partners)
    assert (QuickScanCriterion.objects.count(), QuickScan.objects.count()) == counts
    assert 6 <= counts[0] <= 8
    assert set(QuickScan.objects.values_list("year", flat=True)) >= {2024, 2025}
    for scan in QuickScan.objects.all():
        assert scan.total == scan.answers.count()
        assert scan.score == scan.answers.filter(met=True).count()
    without_current = [
        name
        for name, partner in partners.items()
        if not QuickScan.objects.filter(partner=partner, year=YEAR).exists()
    ]
    assert "Cosis" in without_current
    assert "Afeer" in without_current
    assert len(without_current) < len(names)
