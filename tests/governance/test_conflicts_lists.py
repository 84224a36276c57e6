"""Who stepped aside, where the lists and the memo say it: the decision list (page, CSV,
PDF) and the memo (page, PDF) give name and role, the reason only where staff and members
read it; the voting page, the decision list and the memo page stay at a fixed number of
queries with declarations."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.documents import decision_list_context, memo_pdf_context
from governance.models import ConflictOfInterest, Decision, ProposedDecision, Seat
from governance.services import conflicts as sc
from governance.services import decisions as sd
from tests.factories import SeatFactory
from tests.governance.factories_meetings import ClosedDecisionFactory
from tests.governance.factories_voting import voter, voting_memo, with_mfa

pytestmark = pytest.mark.django_db

APPROVE = ProposedDecision.Kind.APPROVE
REASON = "Mijn organisatie levert de programmamanager."


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


def vote_url(memo):
    return reverse("governance:memo_vote", args=[memo.pk])


def _seat(user, body):
    return Seat.objects.get(person__user=user, body=body)


# --- the decision list and the memo ----------------------------------------------------


def _listed_with_conflict(body, sequence, *, reason=REASON, name="Lineke"):
    proposed = ClosedDecisionFactory(memo__body=body, text=f"voorstel {sequence}")
    seat = SeatFactory(body=body, role=Seat.Role.EXPERIENCE_EXPERT, person__name=name)
    ConflictOfInterest.objects.create(decision=proposed, seat=seat, reason=reason)
    return Decision.objects.create(
        body=body,
        year=2026,
        sequence=sequence,
        number=f"{body.short_name}-2026-{sequence:03d}",
        proposed_decision=proposed,
        decided_on=datetime.date(2026, 6, 19),
        result=proposed.result,
        text=proposed.text,
    )


def test_the_decision_list_says_who_stepped_aside_why_only_to_staff_and_members(
    client_for, db_body, member, staff, outsider
):
    entry = _listed_with_conflict(db_body, 1)
    url = reverse("governance:decision_list", args=[db_body.pk])
    for user in [member, staff]:
        html = client_for(user).get(url).content.decode()
        assert f'id="decision-{entry.pk}-aside"' in html
        assert "Lineke (ervaringsdeskundige)" in html and REASON in html
    html = client_for(outsider).get(url).content.decode()
    assert "Niet meegestemd vanwege een persoonlijk belang:" in html
    assert "Lineke (ervaringsdeskundige)" in html and REASON not in html
    response = client_for(outsider).get(reverse("governance:decision_list_csv", args=[db_body.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][-1] == "Lineke (ervaringsdeskundige)"
    assert REASON not in response.content.decode()
    pdf_html = render_to_string(
        "governance/decision_list_pdf.html", decision_list_context(str(db_body.pk))
    )
    assert "Lineke (ervaringsdeskundige)" in pdf_html and REASON not in pdf_html


def test_the_memo_page_and_pdf_say_who_stepped_aside_never_why(
    client_for, member, db_body, outsider
):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    name = _seat(member, db_body).person.name
    context = memo_pdf_context(str(memo.pk))
    pdf_html = render_to_string("governance/memo_pdf.html", context)
    assert f'id="memo-decision-{decision.pk}-aside"' in pdf_html
    assert f"{name} (lid)" in pdf_html and REASON not in pdf_html
    html = client_for(outsider).get(reverse("governance:memo_detail", args=[memo.pk]))
    assert f"{name} (lid)" in html.content.decode()


# --- fixed number of queries with declarations -----------------------------------------


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_voting_page_stays_flat_with_declarations(client_for, staff, member, editor_a, db_body):
    small = voting_memo(db_body, decisions=[APPROVE])
    sc.conflict_declare(user=member, decision=small.decisions.get(), reason=REASON)
    counts = {
        who: _queries(client_for(user), vote_url(small))
        for who, user in [("member", member), ("staff", staff), ("editor", editor_a)]
    }
    users = [voter(db_body) for _ in range(12)]
    large = voting_memo(db_body, decisions=[APPROVE] * 8)
    for i, decision in enumerate(large.decisions.all()):
        sc.conflict_declare(user=member, decision=decision, reason=REASON)
        for user in users[i : i + 3]:
            sc.conflict_declare(user=user, decision=decision, reason=f"Reden {i}")
    assert ConflictOfInterest.objects.filter(decision__memo=large).count() == 32
    for who, user in [("member", member), ("staff", staff), ("editor", editor_a)]:
        assert _queries(client_for(user), vote_url(large)) == counts[who], who


def test_the_decision_list_stays_flat_with_declarations(client_for, outsider, db_body, sg_body):
    client = client_for(outsider)
    _listed_with_conflict(db_body, 1)
    for sequence in range(1, 31):
        _listed_with_conflict(sg_body, sequence, name=f"Lid {sequence}")
    small = _queries(client, reverse("governance:decision_list", args=[db_body.pk]))
    large = _queries(client, reverse("governance:decision_list", args=[sg_body.pk]))
    assert small == large


def test_the_memo_page_stays_flat_with_declarations(client_for, member, db_body):
    small = voting_memo(db_body, decisions=[APPROVE])
    sc.conflict_declare(user=member, decision=small.decisions.get(), reason=REASON)
    users = [voter(db_body) for _ in range(5)]
    large = voting_memo(db_body, decisions=[APPROVE] * 6)
    for decision in large.decisions.all():
        for user in users:
            sc.conflict_declare(user=user, decision=decision, reason=REASON)
    client = client_for(member)
    assert _queries(client, reverse("governance:memo_detail", args=[small.pk])) == _queries(
        client, reverse("governance:memo_detail", args=[large.pk])
    )


def test_the_voting_page_names_who_stepped_aside_in_name_order_also_after_their_term(
    client_for, staff, db_body
):
    """The page takes the names from the body's current seats it has already read; a
    declaration whose seat has ended since still shows its person."""
    memo = voting_memo(db_body, decisions=[APPROVE])
    decision = memo.decisions.get()
    for name in ("Wim", "Anke", "Mirjam"):
        sc.conflict_declare(user=voter(db_body, name=name), decision=decision, reason=REASON)
    ended = Seat.objects.get(person__name="Mirjam")
    ended.term_end = datetime.date.today() - datetime.timedelta(days=1)
    ended.save()
    html = client_for(staff).get(vote_url(memo)).content.decode()
    aside = html.split(f'id="decision-{decision.pk}-aside"')[1].split("</ul>")[0]
    assert aside.index("Anke") < aside.index("Mirjam") < aside.index("Wim")
