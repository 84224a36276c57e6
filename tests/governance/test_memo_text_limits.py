"""Hostile memo text: Markdown too long or nested too deeply is refused when it is saved
(with a message, the typed text kept), and text already stored never breaks the memo page
or its PDF: what cannot be laid out is shown as plain, escaped text."""

import io
import time

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.pdf import render_pdf
from governance.documents import memo_pdf_context
from governance.markdown import (
    MAX_MARKDOWN_CHARS,
    MAX_MARKDOWN_NESTING,
    render_markdown,
    validate_markdown,
)
from governance.models import MemoSection
from governance.services.memo_parts import section_save
from governance.services.memo_versions import memo_restore
from governance.services.memos import memo_update
from tests.governance.factories import MemoFactory, MemoSectionFactory
from tests.governance.factories_memos import full_memo, snapshot_version

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def nested_list(depth: int, item: str = "punt") -> str:
    """A list nested `depth` deep by indentation, as an editor would type it."""
    return "".join("    " * level + f"- {item} {level}\n" for level in range(depth))


# Every shape of deep nesting the Markdown parser knows, and a flood of brackets that
# makes its link parsing slow (quadratic).
HOSTILE = {
    "indented lists": nested_list(400),
    "markers on one line": "- " * 400 + "diep",
    "numbered markers": "1. " * 400 + "diep",
    "quotes": "> " * 400 + "diep",
    "brackets": "[" * 20000,
    "brackets before a long text": "[" * 200 + " woord" * 3000,
    "lines": "kop\n===\n" * 2500,
}


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def section_data(memo, **overrides):
    return {
        "expected_version": memo.version,
        "title": "Diep genest",
        "text": nested_list(400),
        "inputs": "",
        "summary": "",
    } | overrides


# --- saving is refused with a message; nothing the user typed is lost -------------------


@pytest.mark.parametrize("htmx", [False, True])
def test_saving_a_deeply_nested_section_is_refused_and_keeps_the_text(staff_client, htmx):
    memo = full_memo(sections=0)
    url = reverse("governance:memo_section_add", args=[memo.pk])
    text = nested_list(400, item="mijn-eigen-tekst")
    response = staff_client.post(url, section_data(memo, text=text), **(HTMX if htmx else {}))
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Retarget" not in response
    # The messages, in Dutch: this text is over two limits.
    assert "te diep in elkaar" in html and "te lang" in html
    assert "is-invalid" in html
    assert "mijn-eigen-tekst 399" in html  # the typed text is still in the form
    memo.refresh_from_db()
    assert not memo.sections.exists() and memo.version == 1


def test_saving_a_too_long_introduction_is_refused_with_a_message(staff_client):
    memo = full_memo(sections=0)
    text = "woord " * (MAX_MARKDOWN_CHARS // 5)
    data = {
        "expected_version": memo.version,
        "body": memo.body_id,
        "title": memo.title,
        "author": memo.author,
        "memo_date": memo.memo_date.isoformat(),
        "introduction": text,
    }
    response = staff_client.post(reverse("governance:memo_edit", args=[memo.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "te lang" in html and "20.000" in html
    assert text.strip() in html
    memo.refresh_from_db()
    assert memo.introduction != text.strip() and memo.version == 1


def test_a_normal_nested_list_is_saved(staff_client):
    memo = full_memo(sections=0)
    url = reverse("governance:memo_section_add", args=[memo.pk])
    text = nested_list(MAX_MARKDOWN_NESTING) + "\n[een link](https://avk.example) en [nog een]"
    response = staff_client.post(url, section_data(memo, text=text))
    assert response.status_code == 302
    assert memo.sections.get().text == text.strip()


@pytest.mark.parametrize("name", HOSTILE)
def test_services_refuse_hostile_text_without_a_form(staff, name):
    memo = full_memo(sections=0)
    with pytest.raises(ValidationError) as error:
        section_save(memo=memo, user=staff, expected_version=1, title="T", text=HOSTILE[name])
    assert "text" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        memo_update(
            memo=memo,
            user=staff,
            expected_version=1,
            body=memo.body,
            title=memo.title,
            author=memo.author,
            memo_date=memo.memo_date,
            introduction=HOSTILE[name],
        )
    assert "introduction" in error.value.message_dict
    memo.refresh_from_db()
    assert memo.version == 1 and not memo.sections.exists()


def test_full_clean_bounds_the_models(db_body):
    memo = MemoFactory(body=db_body, introduction="x" * (MAX_MARKDOWN_CHARS + 1))
    with pytest.raises(ValidationError) as error:
        memo.full_clean(exclude=["created_by"])
    assert list(error.value.message_dict) == ["introduction"]
    section = MemoSection(memo=memo, title="T", text=HOSTILE["quotes"])
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    assert list(error.value.message_dict) == ["text"]


def test_restoring_a_version_with_hostile_text_is_refused(staff):
    memo = full_memo(sections=1)
    section = memo.sections.get()
    # Version 1 holds hostile text stored before text was bounded.
    MemoSection.objects.filter(pk=section.pk).update(text=HOSTILE["markers on one line"])
    memo.versions.filter(number=1).delete()
    snapshot_version(memo, number=1)
    MemoSection.objects.filter(pk=section.pk).update(text="Gewoon")
    memo.version = 2
    memo.save(update_fields=["version"])
    snapshot_version(memo, number=2)
    with pytest.raises(ValidationError):
        memo_restore(memo=memo, user=staff, expected_version=2, number=1)
    memo.refresh_from_db()
    assert memo.version == 2


def test_the_validator_names_the_limit_in_the_users_language():
    with pytest.raises(ValidationError) as error:
        validate_markdown(nested_list(MAX_MARKDOWN_NESTING + 1))
    assert error.value.messages == [
        "Lijsten of citaten staan in deze tekst te diep in elkaar: hoogstens 10 niveaus in elkaar."
    ]
    validate_markdown(nested_list(MAX_MARKDOWN_NESTING))  # at the limit: fine
    validate_markdown("")


# --- text already stored never breaks the page or the PDF ------------------------------


def stored_hostile_memo(db_body):
    """A memo whose hostile text was written straight into the database (no validation)."""
    memo = MemoFactory(
        body=db_body,
        introduction="<script>alert('intro')</script>\n" + HOSTILE["markers on one line"],
    )
    for order, text in enumerate(HOSTILE.values()):
        MemoSectionFactory(memo=memo, order=order, title=f"Sectie {order}", text=text)
    MemoSectionFactory(
        memo=memo,
        order=len(HOSTILE),
        title="Te lang",
        text="<script>alert(1)</script>" + "x " * MAX_MARKDOWN_CHARS,
    )
    MemoSectionFactory(memo=memo, order=99, title="Gewoon", text="Een **gewone** sectie.")
    return memo


def test_stored_hostile_text_still_renders_the_memo_page(client_for, staff, db_body):
    memo = stored_hostile_memo(db_body)
    started = time.process_time()
    response = client_for(staff).get(reverse("governance:memo_detail", args=[memo.pk]))
    elapsed = time.process_time() - started
    html = response.content.decode()
    assert response.status_code == 200
    assert elapsed < 10, elapsed  # CPU seconds; before: a RecursionError (500) or a minute
    # The hostile sections are shown as plain text; the others still get their layout.
    assert "- - - - diep" in html and "&gt; &gt; &gt; diep" in html
    assert "punt 50" in html
    assert "Een <strong>gewone</strong> sectie." in html
    # The plain text is escaped: no markup of the author reaches the page.
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert html.count("<ul>") < 100 and html.count("<blockquote>") < 100


def test_stored_hostile_text_still_renders_the_pdf(db_body):
    memo = stored_hostile_memo(db_body)
    started = time.process_time()
    data = render_pdf("governance/memo_pdf.html", memo_pdf_context(str(memo.pk)))
    elapsed = time.process_time() - started
    assert elapsed < 30, elapsed  # CPU seconds; before the fix: over a minute, then a failure
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Sectie 0" in text and "punt 50" in text
    assert "<script>alert(1)</script>" in text  # shown as text, never as markup


@pytest.mark.parametrize("name", HOSTILE)
def test_render_falls_back_to_escaped_plain_text(name):
    text = "<b>vet</b> " + HOSTILE[name]
    started = time.process_time()
    html = str(render_markdown(text))
    assert time.process_time() - started < 2
    assert "<b>" not in html and "&lt;b&gt;vet&lt;/b&gt;" in html
    assert "<ul>" not in html and "<blockquote>" not in html


def test_the_plain_fallback_of_a_huge_text_is_cut():
    html = str(render_markdown("<i>a</i> " * 1_000_000))
    assert len(html) < 3 * MAX_MARKDOWN_CHARS
    assert "<i>" not in html and html.rstrip().endswith("…</p>")


def test_windows_line_ends_count_as_one_line():
    text = "Een zin met een [haak.\r\n\r\n" * 600
    validate_markdown(text)  # 1,200 lines, each "[" closed by its paragraph's end
    with pytest.raises(ValidationError):
        validate_markdown("kop\r===\r" * 2500)
