"""Reads of a body's decision list (besluitenlijst): the page, the CSV and the PDF.

Each entry comes with its proposed decision and memo in the same query, so the list runs a
fixed number of queries whatever its length.
"""

import re

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.csv import to_csv
from governance.models import (
    Body,
    ConflictOfInterest,
    Decision,
    DecisionReview,
    Memo,
    ProposedDecision,
    Seat,
    Substitution,
    Vote,
)
from governance.selectors.conflicts import conflicts_prefetch
from governance.selectors.substitutes import on_behalf_text, substitute_votes_prefetch
from governance.selectors.voting import vote_page
from partners.models import Person

# Every model a page of the decision list shows a field of (avk.cache): a change to any of
# them renders the page afresh. Closing a voting writes decisions in bulk and touches them.
DECISION_LIST_READ = [
    Body,
    Decision,
    ProposedDecision,
    Memo,
    ConflictOfInterest,
    Seat,
    Person,
    Vote,
    Substitution,
    DecisionReview,
]

# Memo texts often already start with the verb ("in te stemmen met ..."): the list says it
# in the past tense itself, so that opening is dropped rather than said twice.
_LEADING_VERB = re.compile(
    r"^\s*(het\s+[^.]{1,60}?\s+wordt\s+gevraagd\s+(om\s+)?)?"
    r"(kennis\s+(te\s+)?nemen\s+van|in\s+te\s+stemmen\s+met|instemmen\s+met"
    r"|take\s+note\s+of|to\s+approve|approve)\s*:?\s*",
    re.IGNORECASE,
)


def decision_entries(body: Body, *, year: int | None = None) -> QuerySet[Decision]:
    """The body's decision list, newest first, with each memo loaded in the same query,
    who stepped aside (`proposed_decision.stepped_aside`) in one more and the votes a
    substitute cast on behalf of a seat (`proposed_decision.substitute_votes`) in one more."""
    entries = (
        Decision.objects.filter(body=body)
        .select_related("proposed_decision__memo")
        .prefetch_related(
            conflicts_prefetch("proposed_decision__conflicts"),
            substitute_votes_prefetch("proposed_decision__votes"),
        )
    )
    if year is not None:
        entries = entries.filter(year=year)
    return entries.order_by("-year", "-sequence", "-id")


def decision_years(body: Body) -> list[int]:
    """The years in which the body has decisions, newest first (one query)."""
    return list(
        Decision.objects.filter(body=body)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def decision_phrase(entry: Decision) -> str:
    """The decision as the list says it: "Ingestemd met …" or "Kennis genomen van …"."""
    text = _LEADING_VERB.sub("", entry.text.strip(), count=1).strip() or entry.text.strip()
    if entry.proposed_decision.kind == ProposedDecision.Kind.NOTE:
        return _("Took note of %(text)s") % {"text": text}
    return _("Agreed to %(text)s") % {"text": text}


def decision_votes(entry: Decision) -> str:
    """The counts behind the result: "5 voor, 1 tegen, 0 onthouden" (empty for a noted one)."""
    decision = entry.proposed_decision
    if decision.kind == ProposedDecision.Kind.NOTE or decision.votes_for is None:
        return ""
    return _("%(for)s for, %(against)s against, %(abstain)s abstained") % {
        "for": decision.votes_for,
        "against": decision.votes_against or 0,
        "abstain": decision.votes_abstain or 0,
    }


def stepped_aside_text(entry: Decision) -> str:
    """Who did not vote because of a conflict of interest, by name and role: "Lineke
    (ervaringsdeskundige)". Never why: the CSV and the PDF go to anyone logged in."""
    return ", ".join(
        f"{c.seat.person.name} ({c.seat.get_role_display().lower()})"
        for c in getattr(entry.proposed_decision, "stepped_aside", [])
    )


def with_phrases(entries) -> list[Decision]:
    """The entries, each with `.phrase`, `.votes_text`, `.aside_text` and
    `.on_behalf_text` ready for a template."""
    entries = list(entries)
    for entry in entries:
        entry.phrase = decision_phrase(entry)
        entry.votes_text = decision_votes(entry)
        entry.aside_text = stepped_aside_text(entry)
        entry.on_behalf_text = on_behalf_text(entry.proposed_decision)
    return entries


def decision_list_csv(body: Body, *, year: int | None = None) -> str:
    """The decision list as CSV for Excel (";" and a byte order mark, formulas defused)."""
    header = [
        _("Number"),
        _("Date"),
        _("Decision"),
        _("Result"),
        _("For"),
        _("Against"),
        _("Abstained"),
        _("Memo"),
        _("Memo date"),
        _("Voted by a substitute"),
        _("Did not vote (personal interest)"),
    ]
    rows = (
        [
            entry.number,
            f"{entry.decided_on:%d-%m-%Y}",
            decision_phrase(entry),
            entry.get_result_display(),
            _count(entry.proposed_decision.votes_for),
            _count(entry.proposed_decision.votes_against),
            _count(entry.proposed_decision.votes_abstain),
            entry.proposed_decision.memo.title,
            f"{entry.proposed_decision.memo.memo_date:%d-%m-%Y}",
            on_behalf_text(entry.proposed_decision),
            stepped_aside_text(entry),
        ]
        for entry in decision_entries(body, year=year)
    )
    return to_csv(header, rows)


def _count(value) -> str:
    return "" if value is None else str(value)


def close_preview(memo: Memo, user) -> dict:
    """The confirmation page before staff close a voting: the voting page's tallies,
    whether it can be closed now (or why not), and what the close does."""
    page = vote_page(memo, user)
    allowed = page["can_close"]
    if allowed:
        refusal = ""
    elif not page["is_open"]:
        refusal = _("Only a memo in voting can be closed.")
    else:
        refusal = _("The voting can only be closed early once every member has voted.")
    early = memo.voting_deadline is not None and timezone.now() < memo.voting_deadline
    return page | {
        "step": "close",
        "allowed": allowed,
        "refusal": refusal,
        "question": _("Close the voting now?"),
        "confirm_label": _("Yes, close the voting"),
        "consequences": [
            _("The voting closes now, before the end time.")
            if early
            else _("The voting closes now."),
            _("Nobody can vote or change a vote any more."),
            _("The results are recorded. They never change again."),
            _("Adopted and noted decisions get a number on the decision list."),
        ],
    }
