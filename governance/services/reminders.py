"""The daily reminder digests: per person at most one mail a day about votes and one
about actions, each listing what awaits them. Votes and actions are two kinds of the
notification preferences (avk.notifications): each digest goes out at once, is held for
the person's daily or weekly summary, or not at all, and carries the unsubscribe link of
its kind.

What goes in a digest
- Votes: every memo in voting whose deadline is at most max(AVK_VOTE_REMINDER_DAYS) days
  away, on which the person (a current voting seat of the memo's body, with a login) has
  not yet voted on or acknowledged every proposed decision: how many are open, the
  deadline, a link to the voting page. During a substitution the substitute is reminded
  for the seat ("on behalf of"), the seat-holder is not.
- Actions: the person's open action items due within AVK_ACTION_REMINDER_DAYS days, due
  today, or overdue.

When a digest goes out
Every reminder has a *stage*; a digest is sent when at least one pending item has reached a
stage it was not reminded of yet, and then lists everything pending. This makes "3 and 1
days before the deadline" robust to a missed beat: the stages of a vote are the reminder
days (with [3, 1]: from 3 days before the deadline on, and from 1 day before on; a memo
found with 2 days left is reminded for stage 3 if that was missed, and not again until
stage 1). Days are counted between calendar dates in Europe/Amsterdam: a deadline on
Friday is "1 day away" all of Thursday. Actions have the stages "due soon" (within
AVK_ACTION_REMINDER_DAYS days), "due today" and "overdue" (again every 30 days while still
open). The stages reminded are stored in the digest's own OutgoingMail context, read back
for the last 40 days from digests sent or still pending (a failed one is reminded again).

Each digest is an OutgoingMail with key `governance-digest:<user pk>:<date>` (votes) or
`governance-digest:<user pk>:<date>:actions`: a second
run or a retried task the same day makes no second row, so it never sends twice; the rows
go out through `mail_queue_many` (one task per 100 mails, each row locked while sending).
The number of queries does not depend on the number of recipients.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils import formats, timezone, translation

from avk.emails import mail_queue_many
from avk.links import absolute_reverse
from avk.models import OutgoingMail
from governance.models import ActionItem, ConflictOfInterest, Memo, Seat, Vote
from governance.selectors.bodies import seat_users

TEMPLATE = "governance_digest"
KEY_PREFIX = "governance-digest:"
HISTORY_DAYS = 40
OVERDUE_REPEAT_DAYS = 30
QUEUE_SLICE = 500


def vote_stage(days_left: int, reminder_days: list[int]) -> int | None:
    """The tightest reminder stage reached with `days_left` days to go, or None."""
    reached = [d for d in reminder_days if days_left <= d]
    return min(reached) if reached else None


def action_stage(days_left: int, soon_days: int) -> str | None:
    if days_left < 0:
        return f"overdue-{(-days_left - 1) // OVERDUE_REPEAT_DAYS}"
    if days_left == 0:
        return "today"
    if days_left <= soon_days:
        return "soon"
    return None


@dataclass
class Digest:
    user: object
    name: str
    kind: str  # "votes" or "actions": a kind of the notification preferences
    votes: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)


def _reminded(now) -> dict[int, set[str]]:
    """The stages each user was reminded of in recent digests, sent or still to be sent.

    A pending digest is on its way (the outbox sweep sends what the queue missed); one
    given up after its attempts never arrived, so its stages are reminded again.
    """
    since = now - datetime.timedelta(days=HISTORY_DAYS)
    reminded: dict[int, set[str]] = defaultdict(set)
    rows = (
        OutgoingMail.objects.filter(
            template=TEMPLATE, key__startswith=KEY_PREFIX, created_at__gte=since
        )
        .exclude(status=OutgoingMail.Status.FAILED)
        .values_list("key", "context")
    )
    for key, context in rows:
        try:
            user_pk = int(key.split(":")[1])
        except (IndexError, ValueError):
            continue
        reminded[user_pk].update((context or {}).get("stages", []))
    return reminded


def _vote_items(now, today, reminder_days) -> dict[int, list[tuple[str, dict, Memo]]]:
    """Per user pk: (stage, item, memo) for each memo in the window awaiting their votes."""
    if not reminder_days:
        return {}
    horizon = today + datetime.timedelta(days=max(reminder_days))
    memos = list(
        Memo.objects.filter(
            status=Memo.Status.VOTING,
            voting_deadline__gt=now,
            voting_deadline__date__lte=horizon,
        )
        .filter(Q(voting_opens_at__isnull=True) | Q(voting_opens_at__lte=now))
        .select_related("body")
        .annotate(decision_count=Count("decisions"))
        .order_by("voting_deadline", "pk")
    )
    memos = [m for m in memos if m.decision_count]
    if not memos:
        return {}
    by_body = defaultdict(list)
    for memo in memos:
        by_body[memo.body_id].append(memo)
    # Per user and body, the seat their vote counts for and who they vote as (the
    # seat-holder, or the substitute who holds the seat now): the seat-holders first, by
    # seat, then the substitutes, the order their reminders are listed in.
    voters = [v for by_user in seat_users(by_body, on=today, voting=True).values() for v in by_user]
    seat_of: dict[tuple[int, int], Seat] = {}
    person_of = {}
    for voter in sorted(voters, key=lambda v: (v.person.pk != v.seat.person_id, v.seat.pk)):
        seat_of[(voter.user.pk, voter.seat.body_id)] = voter.seat
        person_of[(voter.user.pk, voter.seat.body_id)] = voter.person
    cast = defaultdict(int)
    for seat_id, memo_id in Vote.objects.filter(
        decision__memo__in=memos, seat_id__in=[s.pk for s in seat_of.values()]
    ).values_list("seat_id", "decision__memo_id"):
        cast[(seat_id, memo_id)] += 1
    # A decision the seat stepped aside on (a conflict of interest) awaits no vote either.
    for seat_id, memo_id in ConflictOfInterest.objects.filter(
        decision__memo__in=memos, seat_id__in=[s.pk for s in seat_of.values()]
    ).values_list("seat_id", "decision__memo_id"):
        cast[(seat_id, memo_id)] += 1

    items = defaultdict(list)
    for (user_pk, body_id), seat in seat_of.items():
        person = person_of[(user_pk, body_id)]
        for memo in by_body[body_id]:
            missing = memo.decision_count - cast[(seat.pk, memo.pk)]
            if missing <= 0:
                continue
            deadline = timezone.localtime(memo.voting_deadline)
            stage = vote_stage((deadline.date() - today).days, reminder_days)
            if stage is None:
                continue
            item = {
                "memo": memo.title,
                "body": memo.body.name,
                "missing": missing,
                "total": memo.decision_count,
                "deadline": deadline.isoformat(),
                "link": absolute_reverse("governance:memo_vote", memo.pk),
                "on_behalf_of": seat.person.name if person.pk != seat.person_id else "",
            }
            items[user_pk].append((f"vote:{memo.pk}:{stage}", item, person))
    return items


def _action_items(today, soon_days) -> dict[int, list[tuple[str, dict, object]]]:
    horizon = today + datetime.timedelta(days=soon_days)
    actions = (
        ActionItem.objects.filter(
            status=ActionItem.Status.OPEN,
            due_date__lte=horizon,
            owner__user__isnull=False,
            owner__user__is_active=True,
        )
        .exclude(owner__user__email="")
        .select_related("owner__user")
        .order_by("due_date", "pk")
    )
    items = defaultdict(list)
    for action in actions:
        days_left = (action.due_date - today).days
        stage = action_stage(days_left, soon_days)
        item = {
            "title": action.title,
            "due": action.due_date.isoformat(),
            "days_left": days_left,
            "overdue": days_left < 0,
        }
        items[action.owner.user_id].append((f"action:{action.pk}:{stage}", item, action.owner))
    return items


def digests_build(*, today: datetime.date | None = None, now=None) -> list[Digest]:
    """The digests to send today, one per person and kind (votes, actions): only for
    people with a stage of that kind not reminded before."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    by_kind = {
        "votes": _vote_items(now, today, sorted(set(settings.AVK_VOTE_REMINDER_DAYS))),
        "actions": _action_items(today, settings.AVK_ACTION_REMINDER_DAYS),
    }
    reminded = _reminded(now)
    digests = []
    for kind, items in by_kind.items():
        for user_pk in sorted(items):
            entries = items[user_pk]
            stages = [stage for stage, _item, _holder in entries]
            if set(stages) <= reminded.get(user_pk, set()):
                continue  # nothing new since the last digest
            holder = entries[0][2]
            person = holder.person if isinstance(holder, Seat) else holder
            user = person.user
            digests.append(
                Digest(
                    user=user,
                    name=user.full_name or person.name,
                    kind=kind,
                    **{kind: [item for _stage, item, _h in entries]},
                    stages=stages,
                )
            )
    return digests


def _formatted(digest: Digest, language: str) -> dict:
    """The mail's context: JSON only, dates already written out in the person's language."""
    with translation.override(language):
        votes = [
            {
                **item,
                "deadline_text": formats.date_format(
                    datetime.datetime.fromisoformat(item["deadline"]), "j F Y, H:i"
                ),
            }
            for item in digest.votes
        ]
        actions = [
            {
                **item,
                "due_text": formats.date_format(datetime.date.fromisoformat(item["due"]), "j F Y"),
            }
            for item in digest.actions
        ]
    return {
        "name": digest.name,
        "votes": votes,
        "actions": actions,
        "stages": digest.stages,
        "my_votes_link": absolute_reverse("governance:my_votes"),
        "my_actions_link": absolute_reverse("governance:my_actions"),
        "link": absolute_reverse(
            "governance:my_votes" if digest.kind == "votes" else "governance:my_actions"
        ),
    }


def _key(digest: Digest, today: datetime.date) -> str:
    suffix = "" if digest.kind == "votes" else f":{digest.kind}"
    return f"{KEY_PREFIX}{digest.user.pk}:{today.isoformat()}{suffix}"


def reminder_digests_send(*, today: datetime.date | None = None, now=None) -> int:
    """Queue today's digests (at most one per person per day); returns how many are new."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    digests = digests_build(today=today, now=now)
    queued = 0
    # Queued in slices, so the worker starts sending while the rest is still being written.
    for start in range(0, len(digests), QUEUE_SLICE):
        messages = []
        for digest in digests[start : start + QUEUE_SLICE]:
            language = digest.user.language or settings.LANGUAGE_CODE
            messages.append(
                {
                    "key": _key(digest, today),
                    "to": digest.user.email,
                    "name": TEMPLATE,
                    "language": language,
                    "context": _formatted(digest, language),
                    "user_id": digest.user.pk,
                    "kind": digest.kind,
                }
            )
        queued += mail_queue_many(messages)
    return queued
