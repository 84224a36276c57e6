"""Writes of the voting workflow: submit, open, vote, withdraw, archive. The close, with
its results and the body's decision list, is in governance.services.decisions.

The rules:
- only staff submit, withdraw, close early and archive;
- only the holder of a current voting seat of the memo's body votes, only while the memo
  is VOTING and before its deadline; both are checked under a row lock on the memo, so a
  vote cannot slip in after the close (the close takes the same lock);
- one vote per seat per decision (a database constraint); a change updates the vote and
  adds a VoteRecord, so the history is kept;
- a substitute votes for the seat they stand in for, inside their period (the day in
  Europe/Amsterdam); the vote is the seat's, marked with the substitution; the seat-holder
  does not vote in that period;
- a seat that declared a conflict of interest on a decision does not vote on it
  (governance.services.conflicts; the same memo lock orders the two).
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.queue import enqueue
from governance.access import mfa_missing, require_staff, voting_right
from governance.models import ConflictOfInterest, Memo, ProposedDecision, Vote, VoteRecord
from governance.selectors.voting import choices_for
from governance.services.substitutes import substitution_holds

COMMENT_MAX = 2000


class MfaRequired(PermissionDenied):
    """The user holds a voting seat but has not set up two-factor authentication."""


def locked_memo(pk: int) -> Memo:
    """The memo, locked for the rest of the transaction: every step of its voting (and
    every vote) takes this lock, so they happen one after the other."""
    return Memo.objects.select_for_update().select_related("body").get(pk=pk)


def _voters_notify_on_commit(memo_pk: int) -> None:
    """After the commit, a task mails the voters that the voting is open (each once; the
    beat's safety net catches an opening whose task never reached the queue)."""
    from governance.tasks import voters_notify  # the tasks import this module

    transaction.on_commit(
        lambda: enqueue(lambda: voters_notify.delay(memo_pk), what=f"opening mail {memo_pk}")
    )


def _stamp(value: datetime.datetime | None) -> str:
    return "" if value is None else value.isoformat()


# --- submit, open, withdraw, archive ---------------------------------------------------


def memo_submit(
    *,
    memo: Memo,
    user,
    voting_deadline: datetime.datetime,
    voting_opens_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Memo:
    """Submit a draft memo to its body. The voting opens at `voting_opens_at` (default:
    now) and closes at `voting_deadline`. Staff only; the memo needs at least one proposed
    decision. The memo becomes VOTING, or SUBMITTED when the opening is still to come."""
    require_staff(user)
    now = now or timezone.now()
    with transaction.atomic():
        memo = locked_memo(memo.pk)
        if memo.status != Memo.Status.DRAFT:
            raise ValidationError(_("Only a draft memo can be submitted."))
        if not memo.decisions.exists():
            raise ValidationError(
                _("Add at least one proposed decision before submitting the memo.")
            )
        opens = voting_opens_at or now
        errors = {}
        if voting_deadline <= now:
            errors["voting_deadline"] = _("The voting deadline must be in the future.")
        elif voting_deadline <= opens:
            errors["voting_deadline"] = _("The voting deadline must be after the opening.")
        elif voting_deadline > now + datetime.timedelta(days=settings.AVK_VOTING_MAX_DAYS):
            # A typo such as the year 9999 would leave the decision open for ever.
            errors["voting_deadline"] = _(
                "The voting deadline can be at most %(days)s days from now."
            ) % {"days": settings.AVK_VOTING_MAX_DAYS}
        if errors:
            raise ValidationError(errors)
        old = memo.status
        memo.status = Memo.Status.VOTING if opens <= now else Memo.Status.SUBMITTED
        memo.submitted_at = now
        memo.submitted_by = user
        memo.voting_opens_at = opens
        memo.voting_deadline = voting_deadline
        memo.save(
            update_fields=[
                "status",
                "submitted_at",
                "submitted_by",
                "voting_opens_at",
                "voting_deadline",
                "updated_at",
            ]
        )
        audit_record(
            actor=user,
            instance=memo,
            action="memo.submitted",
            changes={
                "status": [old, memo.status],
                "voting_opens_at": ["", _stamp(opens)],
                "voting_deadline": ["", _stamp(voting_deadline)],
            },
            group=audit_group("memo", memo.pk),
        )
        if memo.status == Memo.Status.VOTING:
            _voters_notify_on_commit(memo.pk)
    return memo


def memo_withdraw(*, memo: Memo, user, now: datetime.datetime | None = None) -> Memo:
    """Withdraw a submitted memo or one in voting. Its votes are kept, it gets no result."""
    require_staff(user)
    with transaction.atomic():
        memo = locked_memo(memo.pk)
        if memo.status not in (Memo.Status.SUBMITTED, Memo.Status.VOTING):
            raise ValidationError(_("Only a submitted memo or one in voting can be withdrawn."))
        old = memo.status
        memo.status = Memo.Status.WITHDRAWN
        memo.withdrawn_at = now or timezone.now()
        memo.save(update_fields=["status", "withdrawn_at", "updated_at"])
        audit_record(
            actor=user,
            instance=memo,
            action="memo.withdrawn",
            changes={"status": [old, memo.status]},
            group=audit_group("memo", memo.pk),
        )
    return memo


def memo_archive(*, memo: Memo, user) -> Memo:
    """Archive a decided memo (its results and decision-list entries stay as they are)."""
    require_staff(user)
    with transaction.atomic():
        memo = locked_memo(memo.pk)
        if memo.status != Memo.Status.DECIDED:
            raise ValidationError(_("Only a decided memo can be archived."))
        memo.status = Memo.Status.ARCHIVED
        memo.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=user,
            instance=memo,
            action="memo.archived",
            changes={"status": [Memo.Status.DECIDED, Memo.Status.ARCHIVED]},
            group=audit_group("memo", memo.pk),
        )
    return memo


def voting_open_due(*, now: datetime.datetime | None = None) -> int:
    """Open the voting of every submitted memo whose opening moment has come. Idempotent:
    each memo is locked and checked again. Returns how many were opened."""
    now = now or timezone.now()
    opened = 0
    due = Memo.objects.filter(status=Memo.Status.SUBMITTED, voting_opens_at__lte=now)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            memo = Memo.objects.select_for_update().get(pk=pk)
            if memo.status != Memo.Status.SUBMITTED or memo.voting_opens_at > now:
                continue
            memo.status = Memo.Status.VOTING
            memo.save(update_fields=["status", "updated_at"])
            audit_record(
                actor=None,
                instance=memo,
                action="memo.voting_opened",
                changes={"status": [Memo.Status.SUBMITTED, Memo.Status.VOTING]},
                group=audit_group("memo", memo.pk),
            )
            _voters_notify_on_commit(memo.pk)
            opened += 1
    return opened


# --- votes -----------------------------------------------------------------------------


def represented_message(substitution) -> str:
    """What a seat-holder reads while their substitute holds the vote."""
    return _(
        "%(name)s is your substitute until %(end)s. In that time only %(name)s votes for your seat."
    ) % {
        "name": substitution.substitute.name,
        "end": formats.date_format(substitution.ends_on, "j F Y"),
    }


def vote_cast(
    *,
    user,
    decision: ProposedDecision,
    choice: str,
    comment: str = "",
    now: datetime.datetime | None = None,
) -> Vote:
    """Cast or change the user's vote on a proposed decision.

    The seat is the user's own current voting seat in the memo's body, or the seat they
    stand in for as a substitute today (governance.access.voting_right); there is no
    other way to vote on someone else's seat. Refused (ValidationError) for a seat-holder
    whose substitute holds the vote now. Refused (PermissionDenied) for anyone without
    such a seat, and (MfaRequired) without MFA when the setting asks for it; refused
    (ValidationError) outside the voting window and for a choice the decision does not
    take. A first vote adds the Vote; a change updates it; both add a VoteRecord. Sending
    the same choice and comment again changes nothing.
    """
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise ValidationError(
            {"comment": _("A comment can be at most %(max)s characters.") % {"max": COMMENT_MAX}}
        )
    with transaction.atomic():
        # The same lock as voting_close: a vote is either in before the close, or refused.
        memo = locked_memo(decision.memo_id)
        now = now or timezone.now()
        right = voting_right(user, memo.body, on=timezone.localdate(now))
        if right.represented_by is not None:
            raise ValidationError(represented_message(right.represented_by))
        seat, substitution = right.seat, right.substitution
        if substitution is not None and not substitution_holds(
            substitution, timezone.localdate(now)
        ):
            seat = None  # stopped by the seat-holder a moment ago
        if seat is None:
            raise PermissionDenied(
                _("Only members of %(body)s who may vote can vote here.") % {"body": memo.body}
            )
        if mfa_missing(user):
            raise MfaRequired(_("Set up two-factor authentication before you vote."))
        if memo.status != Memo.Status.VOTING or (
            memo.voting_opens_at is not None and now < memo.voting_opens_at
        ):
            raise ValidationError(_("The voting on this memo is not open."))
        if memo.voting_deadline is None or now >= memo.voting_deadline:
            raise ValidationError(_("The voting has closed. Votes can no longer change."))
        if choice not in choices_for(decision):
            raise ValidationError({"choice": _("Choose one of the options shown.")})
        if ConflictOfInterest.objects.filter(decision=decision, seat=seat).exists():
            if substitution is not None:
                raise ValidationError(
                    _(
                        "A personal interest was reported for this seat. So nobody votes for "
                        "it on this proposal."
                    )
                )
            raise ValidationError(
                _("You reported a personal interest in this proposal. So you do not vote on it.")
            )

        vote = Vote.objects.filter(decision=decision, seat=seat).first()
        created = False
        if vote is None:
            try:
                # A savepoint: when a concurrent request got there first, the constraint
                # refuses this row and we update theirs instead (never two rows, never a 500).
                with transaction.atomic():
                    vote = Vote.objects.create(
                        decision=decision,
                        seat=seat,
                        choice=choice,
                        comment=comment,
                        cast_by=user,
                        substitution=substitution,
                    )
                created = True
            except IntegrityError:
                vote = Vote.objects.select_for_update().get(decision=decision, seat=seat)
        else:
            vote = Vote.objects.select_for_update().get(pk=vote.pk)

        if created:
            old = ["", ""]
        elif (vote.choice, vote.comment, vote.cast_by_id) == (choice, comment, user.pk):
            return vote  # a double submit of the same form: nothing to record
        else:
            old = [vote.choice, vote.comment]
            vote.choice = choice
            vote.comment = comment
            vote.cast_by = user
            vote.substitution = substitution
            vote.save(update_fields=["choice", "comment", "cast_by", "substitution", "changed_at"])
        VoteRecord.objects.create(
            vote=vote, choice=choice, comment=comment, cast_by=user, substitution=substitution
        )
        changes = {"choice": [old[0], choice]}
        if old[1] != comment:
            changes["comment"] = [old[1], comment]
        if substitution is not None:
            changes["on_behalf_of"] = ["", seat.person.name]
        audit_record(
            actor=user,
            instance=vote,
            action="vote.cast" if created else "vote.changed",
            changes=changes,
            group=audit_group("memo", memo.pk),
        )
    return vote
