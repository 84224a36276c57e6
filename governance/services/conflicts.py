"""Writes of conflicts of interest: a seat-holder steps aside on one proposed decision.

The rules:
- the holder of a current voting seat of the memo's body declares for their own seat;
  staff may record a declaration made at a meeting for any such seat;
- a reason is required (at most 500 characters); a "take note" decision takes none, as
  nobody votes on it;
- only while the memo is submitted or in voting and before its deadline;
- never after the seat has voted on that decision; and once declared, the seat cannot
  vote on it (governance.services.voting.vote_cast refuses). Both run under the memo's
  row lock, so a vote and a declaration racing each other never both succeed;
- the seat-holder or staff may withdraw it while the voting is open.
- a declaration is the seat's: while a substitute votes for the seat, the substitute
  declares and withdraws for it (the seat-holder does neither), and a declaration made
  before binds the substitute too (vote_cast refuses any vote for the seat).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.audit import audit_group, audit_record
from governance.access import acts_for_seat, require_staff, voting_right, voting_seats_of
from governance.models import ConflictOfInterest, Memo, ProposedDecision, Seat, Vote
from governance.selectors.conflicts import open_for_conflicts
from governance.services.substitutes import substitution_holds
from governance.services.voting import locked_memo, represented_message

REASON_MAX = ConflictOfInterest.REASON_MAX


def _declaring_seat(*, user, memo: Memo, seat: Seat | None):
    """The seat the declaration is for, and the substitution when a substitute makes it."""
    if seat is None:
        right = voting_right(user, memo.body)
        if right.represented_by is not None:
            raise ValidationError(represented_message(right.represented_by))
        if right.seat is None:
            raise PermissionDenied(
                _("Only members of %(body)s who may vote can report an interest.")
                % {"body": memo.body}
            )
        if right.substitution is not None and not substitution_holds(
            right.substitution, timezone.localdate()
        ):
            raise PermissionDenied(_("Your period as a substitute has ended."))
        return right.seat, right.substitution
    require_staff(user)
    if not voting_seats_of(memo.body).filter(pk=seat.pk).exists():
        raise ValidationError(
            {"seat": _("Choose someone who may vote in %(body)s.") % {"body": memo.body}}
        )
    return Seat.objects.select_related("person").get(pk=seat.pk), None


def conflict_declare(
    *,
    user,
    decision: ProposedDecision,
    reason: str,
    seat: Seat | None = None,
    now: datetime.datetime | None = None,
) -> ConflictOfInterest:
    """Declare a conflict of interest on `decision`: the seat steps aside on it.

    Without `seat`: the user's own current voting seat in the memo's body
    (PermissionDenied without one). With `seat`: staff recording a declaration made at a
    meeting (PermissionDenied for anyone else), for a current voting seat of the body.
    Refused (ValidationError) outside the window, for a note, without a reason, and after
    the seat has voted on the decision. Declaring again returns the declaration there is.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        # The same lock as vote_cast: a vote and a declaration happen one after the other.
        memo = locked_memo(decision.memo_id)
        seat, substitution = _declaring_seat(user=user, memo=memo, seat=seat)
        if not open_for_conflicts(memo, now):
            raise ValidationError(_("The voting is closed. You can no longer report an interest."))
        if decision.kind == ProposedDecision.Kind.NOTE:
            raise ValidationError(
                _("Nobody votes on taking note. So there is no interest to report.")
            )
        existing = ConflictOfInterest.objects.filter(decision=decision, seat=seat).first()
        if existing is not None:
            return existing  # a double submit of the same form
        if Vote.objects.filter(decision=decision, seat=seat).exists():
            if substitution is not None:
                message = _(
                    "A vote has already been cast for this seat. After voting an interest "
                    "can no longer be reported."
                )
            elif seat.person.user_id == user.pk:
                message = _(
                    "You have already voted on this proposal. After voting you can no longer "
                    "report an interest."
                )
            else:
                message = _(
                    "%(name)s has already voted on this proposal. After voting an interest "
                    "can no longer be reported."
                ) % {"name": seat.person.name}
            raise ValidationError(message)
        if not reason:
            raise ValidationError({"reason": _("Write down briefly why you have an interest.")})
        if len(reason) > REASON_MAX:
            raise ValidationError(
                {"reason": _("Write at most %(max)s characters.") % {"max": REASON_MAX}}
            )
        conflict = ConflictOfInterest(
            decision=decision,
            seat=seat,
            reason=reason,
            recorded_by=user,
            substitution=substitution,
        )
        conflict.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                conflict.save()
        except IntegrityError:
            # Not reached while the memo lock is held; kept so a constraint never 500s.
            return ConflictOfInterest.objects.get(decision=decision, seat=seat)
        audit_record(
            actor=user,
            instance=conflict,
            action="conflict.declared",
            changes={
                "decision": ["", decision.pk],
                "seat": ["", str(seat)],
                "reason": ["", reason],
            },
            group=audit_group("memo", memo.pk),
        )
    return conflict


def conflict_withdraw(
    *, user, conflict: ConflictOfInterest, now: datetime.datetime | None = None
) -> None:
    """Withdraw a declaration while the voting is open: whoever votes for its seat now
    (the seat-holder, or their substitute in the period) or staff
    (PermissionDenied for anyone else); the seat may vote on the decision again.
    Withdrawing one that is already gone changes nothing."""
    with transaction.atomic():
        memo = locked_memo(conflict.decision.memo_id)
        current = (
            ConflictOfInterest.objects.select_related("seat__person", "seat__body")
            .filter(pk=conflict.pk)
            .first()
        )
        if current is None:
            return
        if not is_staff(user) and not acts_for_seat(user, current.seat):
            raise PermissionDenied(_("Only the member or programme staff can withdraw this."))
        if not open_for_conflicts(memo, now):
            raise ValidationError(_("The voting is closed. The report stays as it is."))
        audit_record(
            actor=user,
            instance=current,
            action="conflict.withdrawn",
            changes={
                "decision": [current.decision_id, ""],
                "seat": [str(current.seat), ""],
                "reason": [current.reason, ""],
            },
            group=audit_group("memo", memo.pk),
        )
        current.delete()
