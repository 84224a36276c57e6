"""What the voting page and the memo editor give keyboard and screen-reader users: each vote
choice is a button of its own, and after an htmx change the live region stays in the page
(only its text is swapped) while focus moves to the answer."""

import re

import pytest
from django.urls import reverse

from governance.models import ProposedDecision, Vote
from tests.governance.factories_memos import full_memo
from tests.governance.factories_voting import voting_memo, with_mfa

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


def oob_tag(html: str, element_id: str) -> str:
    """The opening tag of the out-of-band element with this id."""
    match = re.search(rf'<[a-z][a-z0-9]* [^>]*(?<![\w-])id="{element_id}"[^>]*>', html)
    assert match, f"no #{element_id} in {html}"
    return match.group(0)


def test_each_vote_choice_is_a_submit_button_reached_by_tab(client_for, member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    page = client_for(member).get(reverse("governance:memo_vote", args=[memo.pk]))
    html = page.content.decode()
    for choice in ["for", "against", "abstain"]:
        button = re.search(rf'<button [^>]*id="choice-{decision.pk}-{choice}"[^>]*>', html)
        assert button, f"{choice} is not a button"
        assert 'type="submit"' in button.group(0) and 'name="choice"' in button.group(0)
        assert f'value="{choice}"' in button.group(0)
    # No radios that only the arrow keys reach, and the group says what a press does.
    assert 'type="radio"' not in html
    assert f'aria-describedby="choices-hint-{decision.pk}"' in html
    assert "meteen opgeslagen" in html


def test_the_current_vote_is_marked_on_its_button(client_for, member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    client = client_for(member)
    client.post(reverse("governance:vote_cast", args=[decision.pk]), {"choice": "against"})
    html = client.get(reverse("governance:memo_vote", args=[memo.pk])).content.decode()
    against = re.search(rf'<button [^>]*id="choice-{decision.pk}-against"[^>]*>.*?</button>', html)
    assert "je stem nu" in against.group(0)
    assert "btn-primary" in against.group(0)
    other = re.search(rf'<button [^>]*id="choice-{decision.pk}-for"[^>]*>.*?</button>', html)
    assert "je stem nu" not in other.group(0)


def test_a_vote_answers_with_a_focus_target_and_the_live_region_text_only(
    client_for, member, db_body
):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    response = client_for(member).post(
        reverse("governance:vote_cast", args=[decision.pk]),
        {"choice": "abstain"},
        headers=HTMX,
    )
    html = response.content.decode()
    assert Vote.objects.get().choice == "abstain"
    # The page's own #vote-status stays: the answer replaces only what is inside it.
    status = oob_tag(html, "vote-status")
    assert 'hx-swap-oob="innerHTML"' in status
    assert re.search(r'id="vote-status"[^>]*>Je stem is opgeslagen: Onthouden\.<', html)
    # The confirmation takes the focus the pressed button loses when its block is replaced.
    confirmation = oob_tag(html, f"decision-{decision.pk}-confirmation")
    assert 'tabindex="-1"' in confirmation and "data-focus-on-load" in confirmation


def test_a_refused_vote_puts_focus_on_the_errors(client_for, member, db_body):
    decision = voting_memo(db_body).decisions.get()
    html = (
        client_for(member)
        .post(
            reverse("governance:vote_cast", args=[decision.pk]),
            {"choice": "nonsense"},
            headers=HTMX,
        )
        .content.decode()
    )
    errors = oob_tag(html, f"decision-{decision.pk}-errors")
    assert 'tabindex="-1"' in errors and "data-focus-on-load" in errors
    assert 'hx-swap-oob="innerHTML"' in oob_tag(html, "vote-status")


def test_the_vote_page_has_the_live_region_from_the_start(client_for, member, db_body):
    memo = voting_memo(db_body, decisions=[ProposedDecision.Kind.NOTE])
    html = client_for(member).get(reverse("governance:memo_vote", args=[memo.pk])).content
    status = oob_tag(html.decode(), "vote-status")
    assert 'role="status"' in status and 'aria-live="polite"' in status


def test_the_memo_editor_status_is_updated_inside_not_replaced(client, staff):
    client.force_login(staff)
    memo = full_memo(sections=0)
    response = client.post(
        reverse("governance:memo_section_add", args=[memo.pk]),
        {
            "title": "Werving",
            "text": "Tekst",
            "inputs": "",
            "summary": "",
            "expected_version": memo.version,
        },
        headers=HTMX,
    )
    html = response.content.decode()
    assert memo.sections.count() == 1, html
    assert 'hx-swap-oob="innerHTML"' in oob_tag(html, "memo-editor-status")
    page = client.get(reverse("governance:memo_edit", args=[memo.pk])).content.decode()
    status = oob_tag(page, "memo-editor-status")
    assert 'role="status"' in status and 'aria-live="polite"' in status


def test_memo_editor_changes_put_focus_on_what_they_say(client, staff):
    """The list an editor change replaces held the pressed button: its message takes the
    focus, and an Edit link's form takes it with its heading."""
    client.force_login(staff)
    memo = full_memo(sections=1)
    section = memo.sections.get()
    moved = client.post(
        reverse("governance:memo_section_move", args=[memo.pk, section.pk]),
        {"direction": "down", "expected_version": memo.version},
        headers=HTMX,
    ).content.decode()
    message = oob_tag(moved, "memo-sections-message")
    assert 'tabindex="-1"' in message and "data-focus-on-load" in message
    edit = client.get(
        reverse("governance:memo_section_edit", args=[memo.pk, section.pk]), headers=HTMX
    ).content.decode()
    heading = oob_tag(edit, f"section-{section.pk}-heading")
    assert 'tabindex="-1"' in heading and "data-focus-on-load" in heading
