"""The memo pages and the editor: htmx and plain paths, conflicts, forged requests,
uploads, versions, query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.cache import touch
from governance.models import Memo, MemoAnnex, MemoSection, ProposedDecision
from tests.governance.factories import (
    DecisionFactory,
    MemoFactory,
    MemoSectionFactory,
    ProposedDecisionFactory,
    VoteFactory,
)
from tests.governance.factories_memos import MemoAnnexFactory, full_memo, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


HTMX = {"HTTP_HX_REQUEST": "true"}


def edit_url(memo):
    return reverse("governance:memo_edit", args=[memo.pk])


def header_data(memo, **overrides):
    return {
        "expected_version": memo.version,
        "body": memo.body_id,
        "title": memo.title,
        "author": memo.author,
        "memo_date": memo.memo_date.isoformat(),
        "introduction": memo.introduction,
    } | overrides


def section_data(memo, **overrides):
    return {
        "expected_version": memo.version,
        "title": "Programma organisatie",
        "text": "De **programma organisatie** gaat over structuur.",
        "inputs": "Wisselende opdrachtgever\nMedezeggenschap met ED-ers",
        "summary": "Lichte ondersteuning\nLedenraad",
    } | overrides


# --- list ----------------------------------------------------------------------------------


def test_list_shows_what_the_user_may_see_newest_first(
    client_for, staff, db_member, outsider, db_body, sg_body
):
    old = MemoFactory(body=db_body, title="Oud besluit", memo_date=datetime.date(2026, 1, 5))
    Memo.objects.filter(pk=old.pk).update(status=Memo.Status.DECIDED)
    new = MemoFactory(body=db_body, title="Concept DB", memo_date=datetime.date(2026, 3, 1))
    sg_draft = MemoFactory(body=sg_body, title="Concept SG")
    url = reverse("governance:memo_list")

    page = client_for(db_member).get(url).content.decode()
    assert "Concept DB" in page and "Oud besluit" in page and "Concept SG" not in page
    assert page.index("Concept DB") < page.index("Oud besluit")
    assert "memo-create" not in page

    page = client_for(outsider).get(url).content.decode()
    assert "Oud besluit" in page and "Concept DB" not in page

    page = client_for(staff).get(url).content.decode()
    assert "Concept SG" in page and 'id="memo-create"' in page and "Nieuwe memo" in page
    page = client_for(staff).get(url, {"body": sg_body.pk}).content.decode()
    assert "Concept SG" in page and "Concept DB" not in page
    page = client_for(staff).get(url, {"status": "decided"}).content.decode()
    assert "Oud besluit" in page and "Concept DB" not in page
    # Garbage filters are ignored, not a 500.
    response = client_for(staff).get(url, {"body": "9" * 40, "status": "<x>", "page": "-1"})
    assert response.status_code == 200
    assert new.pk and sg_draft.pk


def test_list_runs_a_fixed_number_of_queries(staff_client, db_body):
    url = reverse("governance:memo_list")
    MemoFactory.create_batch(3, body=db_body)
    staff_client.get(url)
    touch(Memo)  # the rows are rendered afresh: every query of the page runs
    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url).status_code == 200
    MemoFactory.create_batch(40, body=db_body)
    with CaptureQueriesContext(connection) as large:
        page = staff_client.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        kept_page = staff_client.get(url).content.decode()
    table = 'id="memo-table"'
    assert kept_page.split(table)[1] == page.split(table)[1]  # the same rows, from the cache
    assert len(large) == len(small)
    assert len(kept) < len(large)  # the rows come from the cache
    assert "pagination" in page


def test_the_kept_rows_follow_a_change_and_the_reader(client, staff, db_body, outsider):
    memo = MemoFactory(body=db_body, title="Begroting 2027", status=Memo.Status.DRAFT)
    url = reverse("governance:memo_list")
    client.force_login(staff)
    assert "Begroting 2027" in client.get(url).content.decode()
    client.force_login(outsider)  # a draft is not theirs to see, even when staff's is kept
    assert "Begroting 2027" not in client.get(url).content.decode()
    client.force_login(staff)
    memo.title = "Begroting 2028"
    memo.save()
    assert "Begroting 2028" in client.get(url).content.decode()
    db_body.short_name = "DBX"
    db_body.save()
    assert ">DBX<" in client.get(url).content.decode()


# --- create ----------------------------------------------------------------------------------


def test_staff_create_a_memo_then_edit(staff_client, staff, db_body):
    url = reverse("governance:memo_create")
    page = staff_client.get(url).content.decode()
    assert "Saskia" in page  # the author line is prefilled with the user's name
    assert datetime.date.today().isoformat() in page or "value=" in page
    response = staff_client.post(
        url,
        {
            "body": db_body.pk,
            "title": "Randvoorwaarden programma",
            "author": "Saskia Duursma (projectleider)",
            "memo_date": "2023-06-19",
            "introduction": "De stuurgroep heeft besloten.",
        },
    )
    memo = Memo.objects.get(title="Randvoorwaarden programma")
    assert response.status_code == 302 and response["Location"] == edit_url(memo)
    assert memo.created_by == staff and memo.version == 1 and memo.versions.count() == 1


def test_create_with_bad_input_keeps_what_was_typed(staff_client, db_body):
    response = staff_client.post(
        reverse("governance:memo_create"),
        {"body": db_body.pk, "title": "", "author": "Saskia", "memo_date": "2023-02-30"},
    )
    assert response.status_code == 200
    assert "Saskia" in response.content.decode()
    assert not Memo.objects.exists()


def test_only_staff_create(client_for, db_member, db_body):
    response = client_for(db_member).post(
        reverse("governance:memo_create"),
        {"body": db_body.pk, "title": "X", "author": "Y", "memo_date": "2026-01-01"},
    )
    assert response.status_code == 403 and not Memo.objects.exists()


# --- detail ---------------------------------------------------------------------------------


def test_detail_is_laid_out_like_the_seed_memo(client_for, db_member, db_body):
    memo = full_memo(sections=2, decisions=3, annexes=1, body=db_body, title="Randvoorwaarden")
    page = client_for(db_member).get(reverse("governance:memo_detail", args=[memo.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Aan" in html and "Dagelijks Bestuur" in html and "Opsteller" in html
    assert "Inleiding" in html and "Samengevat" in html and "Voorgestelde besluiten" in html
    assert "Bijlage" in html and "Bijschrift 1" in html
    # Summary points numbered across the memo: the second section starts at 3.
    assert '<ol class="memo-summary list-unstyled" start="1">' in html
    assert '<ol class="memo-summary list-unstyled" start="3">' in html
    assert '<span class="memo-number">4.</span> Punt 2b' in html
    assert "Het Dagelijks Bestuur wordt gevraagd kennis te nemen van voorstel 1" in html
    assert "Het Dagelijks Bestuur wordt gevraagd in te stemmen met voorstel 2" in html
    annex = memo.annexes.get()
    assert reverse("governance:memo_annex_image", args=[annex.pk]) in html
    # Not staff: no edit or versions, but the PDF.
    assert "memo-edit" not in html and "memo-versions" not in html
    assert reverse("document_request", args=["memo"]) in html


def test_detail_shows_results_and_decision_numbers(client_for, outsider, db_body):
    memo = MemoFactory(body=db_body, status=Memo.Status.DECIDED)
    adopted = ProposedDecisionFactory(
        memo=memo,
        order=0,
        text="de regievorm",
        result="adopted",
        votes_for=4,
        votes_against=1,
        votes_abstain=2,
    )
    DecisionFactory(proposed_decision=adopted, body=db_body, number="DB-2026-014")
    ProposedDecisionFactory(
        memo=memo, order=1, kind="note", text="het voorstel", result="noted", acknowledgements=5
    )
    ProposedDecisionFactory(
        memo=memo, order=2, text="de middelen", result="no_quorum", votes_for=1, votes_against=0
    )
    html = client_for(outsider).get(reverse("governance:memo_detail", args=[memo.pk])).content
    html = html.decode()
    assert "Aangenomen" in html and "4 voor, 1 tegen, 2 onthouden" in html
    assert "DB-2026-014" in html
    assert "Kennisgenomen" in html or "Kennis genomen" in html
    assert "Te weinig stemmen" in html


def test_detail_sanitises_memo_text(client_for, staff, db_body):
    memo = MemoFactory(body=db_body, introduction="<script>alert('intro')</script>")
    MemoSectionFactory(
        memo=memo,
        title="<b>titel</b>",
        text="<img src=x onerror=alert(1)> [klik](javascript:alert(2)) <script>x()</script>",
        inputs="<script>inbreng()</script>",
        summary="<svg onload=alert(3)>",
    )
    ProposedDecisionFactory(memo=memo, text="<script>besluit()</script>")
    html = client_for(staff).get(reverse("governance:memo_detail", args=[memo.pk])).content
    html = html.decode()
    assert "<script>alert" not in html and "<script>x()" not in html
    assert "<script>inbreng" not in html and "<script>besluit" not in html
    assert "<img src=x" not in html and "<svg" not in html and "javascript:alert" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;titel&lt;/b&gt;" in html


def test_detail_links_for_staff(staff_client):
    memo = full_memo()
    html = staff_client.get(reverse("governance:memo_detail", args=[memo.pk])).content.decode()
    assert edit_url(memo) in html
    assert reverse("governance:memo_versions", args=[memo.pk]) in html


def _detail_queries(client, memo) -> int:
    client.get(reverse("governance:memo_detail", args=[memo.pk]))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("governance:memo_detail", args=[memo.pk])).status_code == 200
    return len(queries)


def test_detail_runs_a_fixed_number_of_queries(staff_client, db_body):
    small = full_memo(sections=1, decisions=1, annexes=1, body=db_body)
    large = full_memo(sections=12, decisions=15, annexes=6, body=db_body)
    for decision in large.decisions.all()[:5]:
        ProposedDecision.objects.filter(pk=decision.pk).update(result="adopted", votes_for=3)
        DecisionFactory(proposed_decision=decision, body=db_body)
        VoteFactory.create_batch(3, decision=decision)
    assert _detail_queries(staff_client, small) == _detail_queries(staff_client, large)


def test_editor_runs_a_fixed_number_of_queries(staff_client, db_body):
    small = full_memo(sections=1, decisions=1, annexes=1, body=db_body)
    large = full_memo(sections=10, decisions=10, annexes=5, body=db_body)

    def count(memo):
        staff_client.get(edit_url(memo))
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(edit_url(memo)).status_code == 200
        return len(queries)

    assert count(small) == count(large)


# --- annex images ----------------------------------------------------------------------------


def test_annex_image_is_streamed_with_its_type(client_for, db_member, outsider, db_body):
    annex = MemoAnnexFactory(memo=MemoFactory(body=db_body))
    url = reverse("governance:memo_annex_image", args=[annex.pk])
    response = client_for(db_member).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert client_for(outsider).get(url).status_code == 404


# --- the header and conflicts -------------------------------------------------------------------


def test_save_the_header(staff_client):
    memo = full_memo()
    response = staff_client.post(edit_url(memo), header_data(memo, title="Nieuwe titel"))
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.title == "Nieuwe titel" and memo.version == 2


def test_header_conflict_shows_both_texts_and_keeps_what_was_typed(staff_client):
    memo = full_memo(introduction="Oude inleiding")
    stale = header_data(memo)
    staff_client.post(edit_url(memo), header_data(memo, introduction="Inleiding van Anna"))
    response = staff_client.post(edit_url(memo), stale | {"introduction": "Inleiding van Bert"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft deze memo intussen opgeslagen" in html
    assert "Inleiding van Anna" in html and "Inleiding van Bert" in html
    assert 'name="expected_version" value="2"' in html
    memo.refresh_from_db()
    assert memo.introduction == "Inleiding van Anna" and memo.version == 2
    # Saving again on top of the new version works.
    response = staff_client.post(
        edit_url(memo), stale | {"expected_version": 2, "introduction": "Samen"}
    )
    memo.refresh_from_db()
    assert response.status_code == 302 and memo.introduction == "Samen" and memo.version == 3


def test_section_conflict_shows_both_texts(staff_client):
    memo = full_memo(sections=1)
    section = memo.sections.get()
    url = reverse("governance:memo_section_edit", args=[memo.pk, section.pk])
    staff_client.post(url, section_data(memo, text="Tekst van Anna"))
    response = staff_client.post(url, section_data(memo, text="Tekst van Bert"), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps the form with the conflict
    assert "Tekst van Anna" in html and "Tekst van Bert" in html
    assert "Iemand anders" in html
    section.refresh_from_db()
    assert section.text == "Tekst van Anna"


# --- sections, decisions, figures: htmx and plain -------------------------------------------------


def test_add_a_section_with_htmx_returns_the_list(staff_client):
    memo = full_memo(sections=1)
    url = reverse("governance:memo_section_add", args=[memo.pk])
    response = staff_client.post(url, section_data(memo), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#memo-sections"
    assert response["HX-Reswap"] == "outerHTML"
    assert 'id="memo-sections"' in html and "Programma organisatie" in html
    assert 'id="memo-version" data-version="2" data-previous="1"' in html
    assert "<html" not in html
    assert memo.sections.count() == 2


def test_add_a_section_without_js_redirects(staff_client):
    memo = full_memo(sections=0)
    url = reverse("governance:memo_section_add", args=[memo.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, section_data(memo))
    assert response.status_code == 302
    assert response["Location"] == edit_url(memo) + "#memo-sections"
    assert memo.sections.get().summary_lines == ["Lichte ondersteuning", "Ledenraad"]


def test_invalid_section_with_htmx_returns_the_form_with_errors(staff_client):
    memo = full_memo(sections=0)
    url = reverse("governance:memo_section_add", args=[memo.pk])
    response = staff_client.post(url, section_data(memo, title="", text="bewaard"), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Retarget" not in response
    assert 'id="section-add"' in html and "bewaard" in html and "is-invalid" in html
    assert not memo.sections.exists()


def test_edit_form_with_htmx_is_a_partial(staff_client):
    memo = full_memo(sections=1)
    section = memo.sections.get()
    url = reverse("governance:memo_section_edit", args=[memo.pk, section.pk])
    html = staff_client.get(url, **HTMX).content.decode()
    assert "<html" not in html and f'id="section-{section.pk}"' in html
    assert section.title in html
    assert "<html" in staff_client.get(url).content.decode()


@pytest.mark.parametrize("htmx", [True, False])
def test_move_and_remove_sections(staff_client, htmx):
    memo = full_memo(sections=3)
    first, second, third = memo.sections.order_by("order")
    extra = HTMX if htmx else {}
    move = reverse("governance:memo_section_move", args=[memo.pk, third.pk])
    response = staff_client.post(move, {"expected_version": 1, "direction": "up"}, **extra)
    assert response.status_code == (200 if htmx else 302)
    assert list(memo.sections.order_by("order")) == [first, third, second]
    delete = reverse("governance:memo_section_delete", args=[memo.pk, first.pk])
    response = staff_client.post(delete, {"expected_version": 2}, **extra)
    assert list(memo.sections.order_by("order")) == [third, second]
    memo.refresh_from_db()
    assert memo.version == 3
    if htmx:
        assert response["HX-Retarget"] == "#memo-sections"


@pytest.mark.parametrize("htmx", [True, False])
def test_decisions_are_added_edited_moved_and_removed(staff_client, htmx):
    memo = full_memo(sections=0, decisions=0, annexes=0)
    extra = HTMX if htmx else {}
    add = reverse("governance:memo_decision_add", args=[memo.pk])
    for version, (kind, text) in enumerate(
        [("note", "dit voorstel"), ("approve", "de regievorm"), ("approve", "de middelen")],
        start=1,
    ):
        response = staff_client.post(
            add, {"expected_version": version, "kind": kind, "text": text}, **extra
        )
        assert response.status_code == (200 if htmx else 302)
    first, second, third = memo.decisions.order_by("order")
    assert (first.kind, first.text) == ("note", "dit voorstel")
    edit = reverse("governance:memo_decision_edit", args=[memo.pk, second.pk])
    staff_client.post(edit, {"expected_version": 4, "kind": "note", "text": "de regie"}, **extra)
    second.refresh_from_db()
    assert (second.kind, second.text) == ("note", "de regie")
    move = reverse("governance:memo_decision_move", args=[memo.pk, first.pk])
    staff_client.post(move, {"expected_version": 5, "direction": "down"}, **extra)
    assert list(memo.decisions.order_by("order")) == [second, first, third]
    delete = reverse("governance:memo_decision_delete", args=[memo.pk, third.pk])
    staff_client.post(delete, {"expected_version": 6}, **extra)
    assert list(memo.decisions.order_by("order")) == [second, first]
    memo.refresh_from_db()
    assert memo.version == 7


def test_a_forged_decision_kind_is_refused(staff_client):
    memo = full_memo(decisions=0)
    add = reverse("governance:memo_decision_add", args=[memo.pk])
    response = staff_client.post(add, {"expected_version": 1, "kind": "veto", "text": "x"})
    assert response.status_code == 200 and not memo.decisions.exists()


def test_a_stale_move_is_refused_with_a_message(staff_client):
    memo = full_memo(sections=2)
    first = memo.sections.order_by("order").first()
    move = reverse("governance:memo_section_move", args=[memo.pk, first.pk])
    staff_client.post(move, {"expected_version": 1, "direction": "down"})
    response = staff_client.post(move, {"expected_version": 1, "direction": "up"}, **HTMX)
    html = response.content.decode()
    assert "Iemand anders" in html and 'data-previous=""' in html
    memo.refresh_from_db()
    assert memo.version == 2


# --- forged requests ----------------------------------------------------------------------------


def test_non_staff_posts_change_nothing(client_for, db_member, db_body):
    memo = full_memo(sections=1, decisions=1, body=db_body)
    section, decision = memo.sections.get(), memo.decisions.get()
    client = client_for(db_member)
    posts = [
        (edit_url(memo), header_data(memo, title="Gekaapt")),
        (reverse("governance:memo_section_add", args=[memo.pk]), section_data(memo)),
        (
            reverse("governance:memo_section_delete", args=[memo.pk, section.pk]),
            {"expected_version": 1},
        ),
        (
            reverse("governance:memo_decision_edit", args=[memo.pk, decision.pk]),
            {"expected_version": 1, "kind": "note", "text": "gekaapt"},
        ),
        (reverse("governance:memo_restore", args=[memo.pk, 1]), {"expected_version": 1}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    memo.refresh_from_db()
    assert memo.version == 1 and memo.title != "Gekaapt" and memo.sections.count() == 1


def test_outsider_gets_404_on_a_draft(client_for, outsider):
    memo = full_memo(sections=1)
    response = client_for(outsider).post(edit_url(memo), header_data(memo, title="X"))
    assert response.status_code == 404


@pytest.mark.parametrize("status", ["submitted", "voting", "decided"])
def test_a_memo_that_is_not_a_draft_is_not_changed(staff_client, status):
    memo = full_memo(sections=1, decisions=1)
    Memo.objects.filter(pk=memo.pk).update(status=status)
    section = memo.sections.get()
    assert staff_client.get(edit_url(memo)).status_code == 403
    posts = [
        (edit_url(memo), header_data(memo, title="Te laat")),
        (reverse("governance:memo_section_add", args=[memo.pk]), section_data(memo)),
        (
            reverse("governance:memo_section_move", args=[memo.pk, section.pk]),
            {"expected_version": 1, "direction": "down"},
        ),
        (reverse("governance:memo_restore", args=[memo.pk, 1]), {"expected_version": 1}),
    ]
    for url, data in posts:
        response = staff_client.post(url, data)
        assert response.status_code == 403, url
        assert "kan niet meer worden gewijzigd" in response.content.decode()
    memo.refresh_from_db()
    assert memo.version == 1 and memo.title != "Te laat" and memo.sections.count() == 1


def test_another_memos_part_is_404(staff_client):
    memo, other = (
        full_memo(sections=1, decisions=1, annexes=1),
        full_memo(sections=1, decisions=1, annexes=1),
    )
    section, decision, annex = other.sections.get(), other.decisions.get(), other.annexes.get()
    urls = [
        ("memo_section_edit", section.pk),
        ("memo_section_delete", section.pk),
        ("memo_section_move", section.pk),
        ("memo_decision_edit", decision.pk),
        ("memo_decision_delete", decision.pk),
        ("memo_annex_move", annex.pk),
        ("memo_annex_delete", annex.pk),
    ]
    for name, pk in urls:
        url = reverse(f"governance:{name}", args=[memo.pk, pk])
        assert staff_client.post(url, {"expected_version": 1, "direction": "up"}).status_code == 404
    assert other.sections.count() == other.decisions.count() == other.annexes.count() == 1


# --- uploads --------------------------------------------------------------------------------------


def upload(client, memo, content, name, content_type="image/png", caption="Figuur 1"):
    return client.post(
        reverse("governance:memo_annex_add", args=[memo.pk]),
        {
            "expected_version": memo.version,
            "caption": caption,
            "image": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def test_upload_a_png_and_a_jpeg(staff_client):
    memo = full_memo(annexes=0)
    assert upload(staff_client, memo, image_bytes("PNG"), "a.png").status_code == 302
    memo.refresh_from_db()
    response = upload(staff_client, memo, image_bytes("JPEG"), "b.jpeg", "image/jpeg")
    assert response.status_code == 302
    png, jpeg = memo.annexes.order_by("order")
    assert (png.content_type, jpeg.content_type) == ("image/png", "image/jpeg")
    assert png.image.name.endswith(".png") and jpeg.image.name.endswith(".jpg")
    assert png.size > 0


def test_a_png_renamed_jpg_is_fine(staff_client):
    memo = full_memo(annexes=0)
    response = upload(staff_client, memo, image_bytes("PNG"), "plaatje.jpg", "image/jpeg")
    assert response.status_code == 302
    annex = memo.annexes.get()
    assert annex.content_type == "image/png" and annex.image.name.endswith(".png")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"dit is geen plaatje", "tekst.png", "geen PNG- of JPEG-afbeelding"),
        (image_bytes("GIF"), "bewegend.gif", "PNG- of JPEG-afbeelding"),
        (image_bytes("PNG", size=(4001, 10)), "breed.png", "4000"),
        (b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024), "groot.png", "te groot"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "a.png", "geen PNG"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_error(staff_client, content, name, message):
    memo = full_memo(annexes=0)
    response = upload(staff_client, memo, content, name, caption="bewaard bijschrift")
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html and "bewaard bijschrift" in html
    assert not memo.annexes.exists()


def test_upload_with_htmx_returns_the_figures(staff_client):
    memo = full_memo(annexes=0)
    response = staff_client.post(
        reverse("governance:memo_annex_add", args=[memo.pk]),
        {
            "expected_version": 1,
            "caption": "Niveaus van sturing",
            "image": SimpleUploadedFile("x.png", image_bytes(), content_type="image/png"),
        },
        **HTMX,
    )
    assert response["HX-Retarget"] == "#memo-annexes"
    assert "Niveaus van sturing" in response.content.decode()


def test_figure_caption_move_and_remove(staff_client):
    memo = full_memo(annexes=2)
    first, second = memo.annexes.order_by("order")
    edit = reverse("governance:memo_annex_edit", args=[memo.pk, first.pk])
    staff_client.post(edit, {"expected_version": 1, "caption": "Nieuw bijschrift"})
    first.refresh_from_db()
    assert first.caption == "Nieuw bijschrift"
    move = reverse("governance:memo_annex_move", args=[memo.pk, second.pk])
    staff_client.post(move, {"expected_version": 2, "direction": "up"})
    assert list(memo.annexes.order_by("order")) == [second, first]
    delete = reverse("governance:memo_annex_delete", args=[memo.pk, first.pk])
    staff_client.post(delete, {"expected_version": 3})
    assert list(memo.annexes.all()) == [second]
    assert not MemoAnnex.objects.filter(pk=first.pk).exists()


# --- versions ------------------------------------------------------------------------------------


def test_versions_compare_and_restore(staff_client):
    memo = full_memo(sections=1, title="Eerste titel")
    staff_client.post(edit_url(memo), header_data(memo, title="<script>alert(1)</script>"))
    versions = staff_client.get(reverse("governance:memo_versions", args=[memo.pk]))
    html = versions.content.decode()
    assert versions.status_code == 200 and "Saskia" in html and "titel" in html
    compare = staff_client.get(reverse("governance:memo_compare", args=[memo.pk]), {"a": 1, "b": 2})
    html = compare.content.decode()
    assert "-Eerste titel" in html and "+&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    # Garbage version numbers fall back to the latest two, never a 500.
    garbage = staff_client.get(
        reverse("governance:memo_compare", args=[memo.pk]), {"a": "x", "b": "9" * 30}
    )
    assert garbage.status_code == 200
    response = staff_client.post(
        reverse("governance:memo_restore", args=[memo.pk, 1]), {"expected_version": 2}
    )
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.title == "Eerste titel" and memo.version == 3
    assert memo.versions.count() == 3


def test_restore_from_a_stale_page_is_refused(staff_client):
    memo = full_memo(title="Eerste titel")
    staff_client.post(edit_url(memo), header_data(memo, title="Tweede titel"))
    staff_client.post(
        reverse("governance:memo_restore", args=[memo.pk, 1]), {"expected_version": 1}
    )
    memo.refresh_from_db()
    assert memo.title == "Tweede titel" and memo.version == 2


# --- fuzz ----------------------------------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=300),
    st.integers().map(str),
    st.sampled_from(["", "0", "-1", "9" * 30, "2025-02-30", "<script>", "\x00", "up", "note"]),
)
fuzz = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzz
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(header_data(Memo(memo_date=datetime.date.today())), garbage)
    )
)
def test_header_form_garbage_never_breaks(staff_client, data):
    memo = Memo.objects.filter(title="Fuzz").first() or full_memo(title="Fuzz")
    response = staff_client.post(edit_url(memo), data)
    assert response.status_code in (200, 302, 409)
    response = staff_client.post(reverse("governance:memo_create"), data)
    assert response.status_code in (200, 302)


@fuzz
@given(data=st.fixed_dictionaries(dict.fromkeys(section_data(Memo()), garbage)))
def test_section_form_garbage_never_breaks(staff_client, data):
    memo = Memo.objects.filter(title="Fuzz").first() or full_memo(title="Fuzz", sections=1)
    section = MemoSection.objects.filter(memo=memo).first() or MemoSectionFactory(memo=memo)
    for url in (
        reverse("governance:memo_section_add", args=[memo.pk]),
        reverse("governance:memo_section_edit", args=[memo.pk, section.pk]),
    ):
        assert staff_client.post(url, data).status_code in (200, 302, 409)
        assert staff_client.post(url, data, **HTMX).status_code == 200


@fuzz
@given(
    data=st.fixed_dictionaries(
        {"expected_version": garbage, "kind": garbage, "text": garbage, "direction": garbage}
    )
)
def test_decision_form_garbage_never_breaks(staff_client, data):
    memo = Memo.objects.filter(title="Fuzz").first() or full_memo(title="Fuzz", decisions=1)
    decision = memo.decisions.first() or ProposedDecisionFactory(memo=memo)
    for url in (
        reverse("governance:memo_decision_add", args=[memo.pk]),
        reverse("governance:memo_decision_edit", args=[memo.pk, decision.pk]),
        reverse("governance:memo_decision_move", args=[memo.pk, decision.pk]),
    ):
        assert staff_client.post(url, data).status_code in (200, 302, 409)


def test_the_form_page_without_js_posts_the_plain_way(staff_client):
    memo = full_memo(sections=1)
    section = memo.sections.get()
    url = reverse("governance:memo_section_edit", args=[memo.pk, section.pk])
    page = staff_client.get(url).content.decode()
    assert f'action="{url}"' in page and "hx-post" not in page
    partial = staff_client.get(url, **HTMX).content.decode()
    assert f'hx-post="{url}"' in partial


def test_a_draft_is_seen_by_the_members_of_its_body_only(client, db_body, db_member, sg_member):
    memo = full_memo(sections=1, body=db_body)
    url = reverse("governance:memo_detail", args=[memo.pk])
    client.force_login(db_member)
    assert client.get(url).status_code == 200
    client.force_login(sg_member)  # a seat in another body: the draft is not theirs
    assert client.get(url).status_code == 404
    memo.status = Memo.Status.SUBMITTED
    memo.save()
    assert client.get(url).status_code == 200  # beyond draft every member may read it
