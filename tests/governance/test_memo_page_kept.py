"""A memo's page keeps its document rendered (avk.cache): sections, decisions with their
tallies, number and who stepped aside, and annexes. Each change shows on the next request."""

from django.urls import reverse

from governance.models import ConflictOfInterest, Seat
from governance.services import decisions as services_decisions
from governance.services import memo_parts, memo_versions
from governance.services import memos as services_memos
from tests.governance.factories import MemoSectionFactory
from tests.governance.factories_memos import full_memo
from tests.governance.factories_voting import voter, voting_memo
from tests.governance.test_memos_services import header


def _page(client, memo) -> str:
    return client.get(reverse("governance:memo_detail", args=[memo.pk])).content.decode()


def test_section_and_decision_edits_show_at_once(client, staff, db_body):
    memo = voting_memo(db_body)
    section = MemoSectionFactory(memo=memo, title="Thema armoede")
    client.force_login(staff)
    assert "Thema armoede" in _page(client, memo)
    section.title = "Thema bestaanszekerheid"
    section.save()
    decision = memo.decisions.get()
    decision.text = "in te stemmen met het faseplan"
    decision.save()
    page = _page(client, memo)
    assert "Thema bestaanszekerheid" in page and "in te stemmen met het faseplan" in page


def test_closing_the_voting_shows_the_tallies_and_number(client, staff, db_body):
    member = voter(db_body)
    memo = voting_memo(db_body)
    client.force_login(member)
    assert "Aangenomen" not in _page(client, memo)
    from governance.services.voting import vote_cast

    vote_cast(user=member, decision=memo.decisions.get(), choice="for")
    services_decisions.voting_close(memo=memo, user=staff)
    page = _page(client, memo)
    assert memo.decisions.get().listed.number in page


def test_who_stepped_aside_and_their_name_show_at_once(client, staff, db_body):
    memo = voting_memo(db_body)
    seat = Seat.objects.get(person__user=voter(db_body, name="Anouk Bakker"))
    client.force_login(staff)
    assert "Anouk Bakker" not in _page(client, memo)
    ConflictOfInterest.objects.create(decision=memo.decisions.get(), seat=seat, reason="Werk")
    assert "Anouk Bakker" in _page(client, memo)
    seat.person.name = "Anouk de Boer"
    seat.person.save()
    assert "Anouk de Boer" in _page(client, memo)


def test_a_restored_version_shows_at_once(client, staff):
    memo = full_memo(sections=1, decisions=1, annexes=0)
    memo.decisions.update(text="oorspronkelijk voorstel")
    services_memos.memo_update(
        memo=memo, user=staff, expected_version=1, **header(memo, title="Gewijzigd")
    )
    memo_parts.decision_save(
        memo=memo, user=staff, expected_version=2, decision=memo.decisions.get(),
        kind="approve", text="gewijzigd voorstel",
    )  # fmt: skip
    client.force_login(staff)
    assert "gewijzigd voorstel" in _page(client, memo)
    memo_versions.memo_restore(memo=memo, user=staff, expected_version=3, number=1)
    page = _page(client, memo)
    assert "gewijzigd voorstel" not in page
