"""Writes of substitutes (plaatsvervangers): a seat-holder names who votes for their seat
during a period.

The rules:
- the holder of a current voting seat names a substitute for their own seat; staff may
  do it for them (a member who asked the secretary);
- only where the body's rules let a seat be represented (Body.substitutes_allowed);
- the substitute is another person with a login, who holds no voting seat in that body
  and stands in for no other seat of it in the same period;
- the period starts today or later (at most MAX_DAYS days ahead), ends on or after its
  start, lasts at most MAX_DAYS days and does not overlap another substitution of the seat;
- the rules are checked under a row lock on the body, so two namings racing each other
  never both pass;
- the seat-holder (or staff) stops a substitution: one still to come is removed, a
  running one ends yesterday, so the seat-holder votes again from today. One that began
  today and was already used for a vote or a declaration ends tonight: what the
  substitute did stays theirs.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.audit import audit_group, audit_record
from governance.access import voting_seats_of
from governance.models import Body, ConflictOfInterest, Seat, Substitution, Vote, VoteRecord
from partners.models import Person

MAX_DAYS = 366


def _period_errors(
    *, seat: Seat, starts_on: datetime.date, ends_on: datetime.date, today: datetime.date
) -> dict:
    errors = {}
    if starts_on < today:
        errors["starts_on"] = _("The period cannot start in the past.")
    elif (starts_on - today).days > MAX_DAYS:
        errors["starts_on"] = _("The period can start at most %(days)s days from now.") % {
            "days": MAX_DAYS
        }
    if ends_on < starts_on:
        errors["ends_on"] = _("The last day must be on or after the first day.")
    elif (ends_on - starts_on).days >= MAX_DAYS:
        errors["ends_on"] = _("A period can last at most %(days)s days.") % {"days": MAX_DAYS}
    elif seat.term_end is not None and ends_on > seat.term_end:
        errors["ends_on"] = _("Your seat ends on %(day)s. The period cannot go beyond it.") % {
            "day": formats.date_format(seat.term_end, "j F Y")
        }
    return errors


def _overlapping(qs, starts_on, ends_on):
    return qs.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)


def _require_holder_or_staff(user, seat: Seat) -> None:
    if seat.person.user_id != user.pk and not is_staff(user):
        raise PermissionDenied(
            _("Only the member themselves or programme staff can name a substitute.")
        )


def substitution_name(
    *,
    user,
    seat: Seat,
    substitute: Person | None,
    starts_on: datetime.date,
    ends_on: datetime.date,
    today: datetime.date | None = None,
) -> Substitution:
    """Name `substitute` to vote for `seat` from `starts_on` to `ends_on` (both included).

    PermissionDenied unless the user holds the seat or is staff. ValidationError when the
    body lets no seat be represented, the seat does not vote now, the substitute is the
    seat-holder, has no login or holds a voting seat of the body, or the period is wrong
    or overlaps another substitution of the seat or of the substitute in this body.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        # One lock per body: namings for the seats of one body happen one after the other.
        body = Body.objects.select_for_update().get(pk=seat.body_id)
        seat = Seat.objects.select_related("person").get(pk=seat.pk)
        _require_holder_or_staff(user, seat)
        if not body.substitutes_allowed:
            raise ValidationError(
                _("In %(body)s a seat cannot be represented by a substitute.") % {"body": body}
            )
        voting = voting_seats_of(body, today)
        if not voting.filter(pk=seat.pk).exists():
            raise ValidationError(_("Only a seat that votes can have a substitute."))
        if substitute is None:
            raise ValidationError({"substitute": _("Say who your substitute is.")})
        if substitute.pk == seat.person_id:
            raise ValidationError({"substitute": _("You cannot be your own substitute.")})
        if substitute.user_id is None or not substitute.user.is_active:
            raise ValidationError(
                {"substitute": _("Your substitute needs a login for the portal.")}
            )
        if voting.filter(person=substitute).exists():
            raise ValidationError(
                {
                    "substitute": _(
                        "%(name)s already votes in %(body)s. Choose someone who does not."
                    )
                    % {"name": substitute.name, "body": body}
                }
            )
        errors = _period_errors(seat=seat, starts_on=starts_on, ends_on=ends_on, today=today)
        if errors:
            raise ValidationError(errors)
        taken = _overlapping(Substitution.objects.filter(seat=seat), starts_on, ends_on).first()
        if taken is not None:
            raise ValidationError(
                _("This seat already has a substitute from %(start)s until %(end)s.")
                % {
                    "start": formats.date_format(taken.starts_on, "j F Y"),
                    "end": formats.date_format(taken.ends_on, "j F Y"),
                }
            )
        busy = Substitution.objects.filter(substitute=substitute, seat__body=body)
        if _overlapping(busy, starts_on, ends_on).exists():
            raise ValidationError(
                {
                    "substitute": _("%(name)s already stands in for someone else in %(body)s then.")
                    % {"name": substitute.name, "body": body}
                }
            )
        substitution = Substitution(
            seat=seat,
            substitute=substitute,
            starts_on=starts_on,
            ends_on=ends_on,
            named_by=user,
        )
        substitution.full_clean()
        substitution.save()
        audit_record(
            actor=user,
            instance=substitution,
            action="substitution.named",
            changes={
                "seat": ["", str(seat)],
                "substitute": ["", substitute.name],
                "starts_on": ["", starts_on.isoformat()],
                "ends_on": ["", ends_on.isoformat()],
            },
            group=audit_group("body", body.pk),
        )
    return substitution


def substitution_holds(substitution: Substitution, day: datetime.date) -> bool:
    """Lock the substitution's row and say whether it still holds on `day`: a vote or a
    declaration made with it and the seat-holder stopping it happen one after the other."""
    return (
        Substitution.objects.select_for_update()
        .filter(pk=substitution.pk, starts_on__lte=day, ends_on__gte=day)
        .exists()
    )


def substitution_end(
    *, user, substitution: Substitution, today: datetime.date | None = None
) -> Substitution | None:
    """Stop a substitution (its seat-holder or staff; PermissionDenied for anyone else).

    Still to come: removed (returns None). Running: it ends yesterday and the seat-holder
    votes again today; when it began today and the substitute already voted or declared
    with it, it ends tonight instead. Already over: ValidationError.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        body = Body.objects.select_for_update().get(pk=substitution.seat.body_id)
        # Locked: a vote with it waits, then sees it gone or ended (substitution_holds).
        current = (
            Substitution.objects.select_for_update(of=("self",))
            .select_related("seat__person", "substitute")
            .filter(pk=substitution.pk)
            .first()
        )
        if current is None:
            return None  # stopped already: a double submit
        _require_holder_or_staff(user, current.seat)
        if current.ends_on < today:
            raise ValidationError(_("This period is over already."))
        old_end = current.ends_on.isoformat()
        used = any(
            model.objects.filter(substitution=current).exists()
            for model in (Vote, VoteRecord, ConflictOfInterest)
        )
        if current.starts_on > today or (current.starts_on == today and not used):
            result, new_end = None, ""
        else:
            current.ends_on = max(current.starts_on, today - datetime.timedelta(days=1))
            result, new_end = current, current.ends_on.isoformat()
        audit_record(
            actor=user,
            instance=current,
            action="substitution.ended",
            changes={"ends_on": [old_end, new_end]},
            group=audit_group("body", body.pk),
        )
        if result is None:
            current.delete()
        else:
            current.save(update_fields=["ends_on"])
    return result
