"""The memo editor's services: versions, optimistic locking, reorder, restore, sanitising."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from avk.models import AuditEntry
from governance.markdown import render_markdown
from governance.models import Memo, MemoVersion, ProposedDecision
from governance.services import memo_parts, memo_versions
from governance.services import memos as services_memos
from governance.services.memos import MemoConflict, memo_snapshot
from tests.governance.factories import ActionItemFactory, MemoFactory
from tests.governance.factories_memos import MemoAnnexFactory, full_memo

pytestmark = pytest.mark.django_db


def header(memo, **overrides):
    return {
        "body": memo.body,
        "title": memo.title,
        "author": memo.author,
        "memo_date": memo.memo_date,
        "introduction": memo.introduction,
    } | overrides


def test_create_makes_version_one_with_snapshot_and_audit(staff, db_body):
    memo = services_memos.memo_create(
        user=staff,
        body=db_body,
        title="  Randvoorwaarden programma ",
        author="Saskia Duursma (projectleider)",
        memo_date=datetime.date(2023, 6, 19),
        introduction="De stuurgroep heeft besloten.",
    )
    assert memo.status == Memo.Status.DRAFT and memo.version == 1
    assert memo.title == "Randvoorwaarden programma"
    version = memo.versions.get()
    assert version.number == 1 and version.saved_by == staff
    assert version.content["title"] == "Randvoorwaarden programma"
    assert version.content["body"] == {"id": db_body.pk, "name": "Dagelijks Bestuur"}
    assert AuditEntry.objects.filter(action="memo.created", object_id=str(memo.pk)).exists()


def test_every_save_increments_the_version_and_stores_a_snapshot(staff):
    memo = full_memo(sections=1, decisions=1, annexes=1)
    assert memo.version == 1
    services_memos.memo_update(
        memo=memo, user=staff, expected_version=1, **header(memo, title="Nieuwe titel")
    )
    section = memo_parts.section_save(
        memo=memo, user=staff, expected_version=2, title="Programma organisatie", summary="a\nb"
    )
    memo_parts.section_move(
        memo=memo, user=staff, expected_version=3, section=section, direction="up"
    )
    decision = memo_parts.decision_save(
        memo=memo, user=staff, expected_version=4, kind="approve", text="de regievorm"
    )
    memo_parts.decision_delete(memo=memo, user=staff, expected_version=5, decision=decision)
    annex = memo.annexes.get()
    memo_parts.annex_update(
        memo=memo, user=staff, expected_version=6, annex=annex, caption="Figuur: regie"
    )
    memo.refresh_from_db()
    assert memo.version == 7
    numbers = list(memo.versions.order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6, 7]
    latest = memo.versions.get(number=7).content
    assert latest == memo_snapshot(memo)
    assert latest["title"] == "Nieuwe titel"
    assert [s["title"] for s in latest["sections"]] == ["Programma organisatie", "Thema 1"]
    assert latest["annexes"][0]["caption"] == "Figuur: regie"
    notes = list(memo.versions.order_by("number").values_list("note", flat=True))
    assert "titel" in notes[1]  # stored in the language of the one who saved
    assert "Programma organisatie" in notes[2]
    # The header change is audited (the versions are the detailed trail).
    entry = AuditEntry.objects.get(action="memo.updated")
    assert entry.changes["title"] == [memo.versions.get(number=1).content["title"], "Nieuwe titel"]


def test_a_stale_save_is_refused_and_changes_nothing(staff):
    memo = full_memo(sections=1, decisions=1)
    services_memos.memo_update(
        memo=memo, user=staff, expected_version=1, **header(memo, title="Eerste")
    )
    stale = Memo.objects.get(pk=memo.pk)
    with pytest.raises(MemoConflict) as conflict:
        services_memos.memo_update(
            memo=stale, user=staff, expected_version=1, **header(stale, title="Tweede")
        )
    assert conflict.value.memo.version == 2
    with pytest.raises(MemoConflict):
        memo_parts.section_save(memo=stale, user=staff, expected_version=1, title="Nieuw")
    section = memo.sections.get()
    with pytest.raises(MemoConflict):
        memo_parts.section_delete(memo=stale, user=staff, expected_version=1, section=section)
    memo.refresh_from_db()
    assert memo.title == "Eerste" and memo.version == 2
    assert memo.sections.count() == 1 and memo.versions.count() == 2


def test_saving_again_on_top_of_the_new_version_works(staff):
    memo = full_memo(sections=0, decisions=0, annexes=0)
    services_memos.memo_update(memo=memo, user=staff, expected_version=1, **header(memo, title="A"))
    with pytest.raises(MemoConflict) as conflict:
        services_memos.memo_update(
            memo=memo, user=staff, expected_version=1, **header(memo, title="B")
        )
    services_memos.memo_update(
        memo=memo,
        user=staff,
        expected_version=conflict.value.memo.version,
        **header(memo, title="B"),
    )
    memo.refresh_from_db()
    assert memo.title == "B" and memo.version == 3


@pytest.mark.parametrize("status", ["submitted", "voting", "decided", "archived", "withdrawn"])
def test_only_a_draft_is_changed(staff, status):
    memo = full_memo(sections=1, decisions=1)
    Memo.objects.filter(pk=memo.pk).update(status=status)
    memo.refresh_from_db()
    section, decision = memo.sections.get(), memo.decisions.get()
    attempts = [
        lambda: services_memos.memo_update(
            memo=memo, user=staff, expected_version=1, **header(memo, title="X")
        ),
        lambda: memo_parts.section_save(memo=memo, user=staff, expected_version=1, title="X"),
        lambda: memo_parts.section_move(
            memo=memo, user=staff, expected_version=1, section=section, direction="down"
        ),
        lambda: memo_parts.decision_delete(
            memo=memo, user=staff, expected_version=1, decision=decision
        ),
        lambda: memo_versions.memo_restore(memo=memo, user=staff, expected_version=1, number=1),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()
    memo.refresh_from_db()
    assert memo.version == 1 and memo.title != "X" and memo.decisions.count() == 1


def test_move_swaps_neighbours_and_stops_at_the_ends(staff):
    memo = full_memo(sections=3, decisions=0, annexes=0)
    first, second, third = memo.sections.order_by("order")
    memo_parts.section_move(
        memo=memo, user=staff, expected_version=1, section=third, direction="up"
    )
    assert list(memo.sections.order_by("order")) == [first, third, second]
    memo_parts.section_move(
        memo=memo, user=staff, expected_version=2, section=first, direction="up"
    )  # already first: a version, same order
    assert list(memo.sections.order_by("order")) == [first, third, second]
    with pytest.raises(ValidationError):
        memo_parts.section_move(
            memo=memo, user=staff, expected_version=3, section=first, direction="sideways"
        )


def test_a_part_of_another_memo_is_refused(staff):
    memo, other = full_memo(sections=1), full_memo(sections=1)
    with pytest.raises(ValidationError):
        memo_parts.section_delete(
            memo=memo, user=staff, expected_version=1, section=other.sections.get()
        )
    assert other.sections.count() == 1


def test_restore_makes_a_new_version_with_the_old_content(staff):
    memo = full_memo(sections=2, decisions=3, annexes=1)
    annex = memo.annexes.get()
    original = memo_snapshot(memo)
    services_memos.memo_update(
        memo=memo, user=staff, expected_version=1, **header(memo, title="Gewijzigd")
    )
    memo_parts.section_delete(
        memo=memo, user=staff, expected_version=2, section=memo.sections.first()
    )
    memo_parts.decision_save(
        memo=memo, user=staff, expected_version=3, kind="note", text="extra besluit"
    )
    memo_parts.annex_update(
        memo=memo, user=staff, expected_version=4, annex=annex, caption="ander bijschrift"
    )
    version = memo_versions.memo_restore(memo=memo, user=staff, expected_version=5, number=1)
    memo.refresh_from_db()
    assert version.number == 6 == memo.version
    assert "1" in version.note
    restored = memo_snapshot(memo)
    assert restored["title"] == original["title"]
    assert restored["sections"] == original["sections"]
    assert restored["decisions"] == original["decisions"]
    assert restored["annexes"] == original["annexes"]
    # Nothing deleted from the history.
    assert list(memo.versions.order_by("number").values_list("number", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert memo.versions.get(number=2).content["title"] == "Gewijzigd"
    assert AuditEntry.objects.filter(action="memo.restored", object_id=str(memo.pk)).exists()


def test_restore_of_an_unknown_version_or_stale_page_is_refused(staff):
    memo = full_memo()
    with pytest.raises(ValidationError):
        memo_versions.memo_restore(memo=memo, user=staff, expected_version=1, number=9)
    with pytest.raises(MemoConflict):
        memo_versions.memo_restore(memo=memo, user=staff, expected_version=7, number=1)


def test_a_decision_with_an_action_cannot_be_removed(staff):
    memo = full_memo(sections=0, decisions=1, annexes=0)
    decision = memo.decisions.get()
    ActionItemFactory(decision=decision, meeting=None)
    with pytest.raises(ValidationError):
        memo_parts.decision_delete(memo=memo, user=staff, expected_version=1, decision=decision)
    memo.refresh_from_db()
    assert memo.version == 1 and ProposedDecision.objects.filter(pk=decision.pk).exists()


def test_removing_a_figure_deletes_its_file_after_commit(staff, django_capture_on_commit_callbacks):
    memo = MemoFactory()
    annex = MemoAnnexFactory(memo=memo)
    storage, name = annex.image.storage, annex.image.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        memo_parts.annex_delete(memo=memo, user=staff, expected_version=1, annex=annex)
    assert not storage.exists(name)
    assert MemoVersion.objects.get(memo=memo, number=2).content["annexes"] == []


def test_section_lines_are_tidied(staff):
    memo = MemoFactory()
    section = memo_parts.section_save(
        memo=memo,
        user=staff,
        expected_version=1,
        title=" Titel ",
        inputs="een  \r\ntwee\r\n\r\n",
        summary="\n punt \n",
    )
    assert section.title == "Titel"
    assert section.inputs == "een\ntwee"
    assert section.summary_lines == ["punt"]


# --- the sanitiser ------------------------------------------------------------------------

EVIL = (
    "<script>alert('x')</script>\n\n"
    "Tekst <img src=x onerror=alert(1)> **vet** [klik](javascript:alert(1)) "
    "[goed](https://example.org) [mail](mailto:a@example.org) [rel](/beheer/) "
    "![plaatje](https://evil.example/a.png) <a href='https://e.org' onclick='x()'>a</a>\n\n"
    "<iframe src='https://evil.example'></iframe>"
)


def test_markdown_is_sanitised():
    html = str(render_markdown(EVIL))
    tags = re.findall(r"<([a-z0-9]+)([^>]*)>", html)
    assert {name for name, _attrs in tags} <= {"p", "strong", "a"}
    for name, attributes in tags:
        # No event handlers, no sources: only a link's href and rel survive.
        assert set(re.findall(r"([a-z-]+)=", attributes)) <= {"href", "rel"}, (name, attributes)
    assert "&lt;script&gt;" in html and "&lt;iframe" in html
    assert "javascript:" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">goed</a>' in html
    assert 'href="mailto:a@example.org"' in html
    assert 'href="/beheer/"' not in html
    assert 'href="https://evil.example' not in html
    assert "<strong>vet</strong>" in html


def test_markdown_keeps_lists_and_shifts_headings():
    html = str(render_markdown("# Kop\n\n- een\n- twee\n\n1. a\n2. b"))
    assert "<h3>Kop</h3>" in html and "<h1>" not in html
    assert "<ul>" in html and "<ol>" in html
    assert render_markdown("") == "" and render_markdown(None) == ""
