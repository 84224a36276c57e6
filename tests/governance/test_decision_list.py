"""The decision list (besluitenlijst) of a body: page, CSV and PDF."""

import csv
import datetime
import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk import documents
from avk.cache import touch
from avk.models import Document
from governance.models import Decision, ProposedDecision
from governance.selectors.decisions import decision_phrase
from tests.governance.factories_meetings import (
    ClosedDecisionFactory,
    ListedDecisionFactory,
    NotedDecisionFactory,
)

pytestmark = pytest.mark.django_db


def listed(body, sequence, *, year=2026, text="het inzetten van een regievorm", noted=False, **kw):
    factory = NotedDecisionFactory if noted else ClosedDecisionFactory
    proposed = factory(memo__body=body, text=text, **kw)
    return Decision.objects.create(
        body=body,
        year=year,
        sequence=sequence,
        number=f"{body.short_name}-{year}-{sequence:03d}",
        proposed_decision=proposed,
        decided_on=datetime.date(year, 6, 19),
        result=proposed.result,
        text=proposed.text,
    )


def page(client, body, **params):
    return client.get(reverse("governance:decision_list", args=[body.pk]), params)


def test_the_list_shows_numbers_dates_phrasing_results_and_memos(client, outsider, db_body):
    listed(db_body, 1, noted=True, text="dit inhoudelijke voorstel", memo__title="Randvoorwaarden")
    listed(db_body, 2, text="in te stemmen met het inzetten van een regievorm")
    client.force_login(outsider)  # anyone logged in reads it
    response = page(client, db_body)
    assert response.status_code == 200
    html = response.content.decode()
    for header in ["Nummer", "Datum", "Besluit", "Resultaat", "Memo"]:
        assert f'<th scope="col">{header}</th>' in html
    assert "DB-2026-001" in html and "DB-2026-002" in html
    assert html.index("DB-2026-002") < html.index("DB-2026-001")  # newest first
    assert "Kennis genomen van dit inhoudelijke voorstel" in html
    # The memo's own "in te stemmen met" is not said twice.
    assert "Ingestemd met het inzetten van een regievorm" in html
    assert "in te stemmen met" not in html
    assert "19 juni 2026" in html
    assert "4 voor, 1 tegen, 0 onthouden" in html
    assert "Randvoorwaarden" in html
    assert "Aangenomen" in html


def test_memo_links_only_when_the_memo_page_exists(client, outsider, db_body):
    entry = listed(db_body, 1)
    client.force_login(outsider)
    html = page(client, db_body).content.decode()
    memo = entry.proposed_decision.memo
    try:
        memo_url = reverse("governance:memo_detail", args=[memo.pk])
    except Exception:  # the memo pages are another part of the work
        memo_url = None
    if memo_url:
        assert f'href="{memo_url}"' in html
    assert memo.title in html


def test_phrase_without_repeating_the_verb(db_body):
    entry = listed(db_body, 1, text="Het dagelijks bestuur wordt gevraagd in te stemmen met X")
    assert decision_phrase(entry) == "Ingestemd met X"
    noted = listed(db_body, 2, noted=True, text="kennis te nemen van Y")
    assert decision_phrase(noted) == "Kennis genomen van Y"


def test_filter_by_year(client, outsider, db_body):
    listed(db_body, 1, year=2025)
    listed(db_body, 1, year=2026)
    client.force_login(outsider)
    html = page(client, db_body, year="2025").content.decode()
    assert "DB-2025-001" in html and "DB-2026-001" not in html
    assert 'href="?year=2026"' in html
    # Nonsense years show everything, never a 500.
    for year in ["abc", "99999", "-1", "\uff12\uff10\uff12\uff15"]:
        response = page(client, db_body, year=year)
        assert response.status_code == 200
        assert "DB-2026-001" in response.content.decode()


def test_other_bodies_decisions_are_not_on_the_list(client, outsider, db_body, sg_body):
    listed(sg_body, 7)
    client.force_login(outsider)
    html = page(client, db_body).content.decode()
    assert "SG-2026-007" not in html
    assert 'id="no-decisions"' in html


def test_unknown_body_is_404(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("governance:decision_list", args=[999999])).status_code == 404
    assert client.get(reverse("governance:decision_list_csv", args=[999999])).status_code == 404


def test_the_list_cannot_be_changed(client, staff, db_body):
    entry = listed(db_body, 1)
    client.force_login(staff)
    for url in [
        reverse("governance:decision_list", args=[db_body.pk]),
        reverse("governance:decision_list_csv", args=[db_body.pk]),
    ]:
        assert client.post(url, {"number": "X"}).status_code == 405
        assert client.delete(url).status_code == 405
    entry.refresh_from_db()
    assert entry.number == "DB-2026-001"


def test_staff_can_start_an_action_from_a_row(client, staff, db_member, db_body):
    entry = listed(db_body, 1)
    action_url = reverse("governance:action_create") + f"?decision={entry.proposed_decision_id}"
    client.force_login(staff)
    assert action_url in page(client, db_body).content.decode().replace("&amp;", "&")
    client.force_login(db_member)
    assert action_url not in page(client, db_body).content.decode().replace("&amp;", "&")


def test_overview_links_to_each_decision_list(client, outsider, db_body, sg_body):
    client.force_login(outsider)
    html = client.get(reverse("governance:overview")).content.decode()
    assert reverse("governance:decision_list", args=[db_body.pk]) in html
    assert reverse("governance:decision_list", args=[sg_body.pk]) in html


# --- a fixed number of queries, and pages -----------------------------------------------


def _queries(client, body, **params):
    touch(Decision)  # the page is built afresh (avk.cache would keep it otherwise)
    with CaptureQueriesContext(connection) as queries:
        assert page(client, body, **params).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_list(client, outsider, db_body, sg_body):
    client.force_login(outsider)
    for sequence in range(1, 4):
        listed(db_body, sequence)
    for sequence in range(1, 61):
        listed(sg_body, sequence, noted=sequence % 3 == 0)
    page(client, db_body)  # the cache's generations exist from here on, as in production
    small = _queries(client, db_body)
    large = _queries(client, sg_body)
    assert small == large
    assert _queries(client, sg_body, page="2") == large


def test_pages_of_fifty(client, outsider, db_body):
    for sequence in range(1, 61):
        ListedDecisionFactory(
            memo__body=db_body, sequence=sequence, number=f"DB-2026-{sequence:03d}"
        )
    client.force_login(outsider)
    first = page(client, db_body).content.decode()
    assert "DB-2026-060" in first and "DB-2026-011" in first and "DB-2026-010" not in first
    second = page(client, db_body, page="2").content.decode()
    assert "DB-2026-010" in second and "DB-2026-001" in second
    assert page(client, db_body, page="x" * 50).status_code == 200


# --- CSV --------------------------------------------------------------------------------


def test_csv_for_excel(client, db_member, db_body):
    listed(db_body, 1, text='=HYPERLINK("http://evil")', memo__title="+SUM(A1)")
    listed(db_body, 2, year=2025, noted=True, text="het jaarverslag")
    client.force_login(db_member)
    response = client.get(reverse("governance:decision_list_csv", args=[db_body.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "avk-besluitenlijst-db" in response["Content-Disposition"]
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Nummer",
        "Datum",
        "Besluit",
        "Resultaat",
        "Voor",
        "Tegen",
        "Onthouden",
        "Memo",
        "Datum memo",
        "Gestemd door een plaatsvervanger",
        "Niet meegestemd (persoonlijk belang)",
    ]
    assert [row[0] for row in rows[1:]] == ["DB-2026-001", "DB-2025-002"]
    first = rows[1]
    assert first[1] == "19-06-2026"
    # Formulas are defused: a spreadsheet shows them as text.
    assert first[2].startswith("Ingestemd met =HYPERLINK") or first[2].startswith("'")
    assert first[7] == "'+SUM(A1)"
    assert first[4:7] == ["4", "1", "0"]
    assert rows[2][2] == "Kennis genomen van het jaarverslag"
    assert rows[2][4:7] == ["", "", ""]

    only_2025 = client.get(
        reverse("governance:decision_list_csv", args=[db_body.pk]), {"year": "2025"}
    )
    rows = list(csv.reader(io.StringIO(only_2025.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["DB-2025-002"]


def test_csv_defuses_a_formula_at_the_start_of_a_cell(db_body):
    from governance.selectors.decisions import decision_list_csv

    proposed = ClosedDecisionFactory(memo__body=db_body, memo__title="=1+1")
    Decision.objects.create(
        body=db_body,
        year=2026,
        sequence=1,
        number="DB-2026-001",
        proposed_decision=proposed,
        decided_on=datetime.date(2026, 1, 5),
        result=ProposedDecision.Result.ADOPTED,
        text="x",
    )
    rows = list(csv.reader(io.StringIO(decision_list_csv(db_body).lstrip("\ufeff")), delimiter=";"))
    assert rows[1][7] == "'=1+1"


def test_csv_query_count_does_not_grow(client, outsider, db_body, sg_body):
    client.force_login(outsider)
    listed(db_body, 1)
    for sequence in range(1, 41):
        listed(sg_body, sequence)

    def count(body):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("governance:decision_list_csv", args=[body.pk]))
        return len(queries)

    assert count(db_body) == count(sg_body)


# --- PDF --------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages).split()
    )


def test_page_offers_the_pdf(client, outsider, db_body):
    client.force_login(outsider)
    html = page(client, db_body).content.decode()
    assert reverse("document_request", args=["decision_list"]) in html
    assert f'name="subject" value="{db_body.pk}"' in html


def test_pdf_through_the_pipeline(client, outsider, db_body, django_capture_on_commit_callbacks):
    listed(db_body, 1, noted=True, text="dit inhoudelijke voorstel")
    listed(db_body, 2, text="het inzetten van een regievorm")
    listed(db_body, 1, year=2025, text="het jaarplan")
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_request", args=["decision_list"]), {"subject": str(db_body.pk)}
        )
    assert response.status_code == 302
    document = Document.objects.get(kind="decision_list")
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document.file.read())
    assert "Besluitenlijst van Dagelijks Bestuur" in text
    for number in ["DB-2026-002", "DB-2026-001", "DB-2025-001"]:
        assert number in text
    assert text.index("DB-2026-002") < text.index("DB-2026-001") < text.index("DB-2025-001")
    assert "Ingestemd met het inzetten van een regievorm" in text
    assert "Kennis genomen van dit inhoudelijke voorstel" in text
    assert "4 voor, 1 tegen, 0 onthouden" in text
    kind = documents.get_kind("decision_list")
    assert kind.filename(str(db_body.pk)) == "avk-besluitenlijst-db"


def test_pdf_request_rules(outsider, db_body):
    kind = documents.get_kind("decision_list")
    assert kind.can_request(outsider, str(db_body.pk))
    for subject in ["", "0", "abc", "999999", "1" * 30, "-1", "٣"]:
        assert not kind.can_request(outsider, subject)
    from django.contrib.auth.models import AnonymousUser

    assert not kind.can_request(AnonymousUser(), str(db_body.pk))
    with pytest.raises(PermissionDenied):
        documents.document_request(user=outsider, kind="decision_list", subject="x", language="nl")
