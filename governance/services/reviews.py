"""Writes of a decision's review (the "check" of plan-do-check-act): staff set a review date
and an owner on an adopted decision, the owner is reminded, staff record the outcome."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.emails import mail_queue_many
from avk.links import absolute_reverse
from governance.access import require_staff
from governance.models import Decision, DecisionReview, ProposedDecision
from governance.selectors.reviews import SOON_DAYS


def decision_review_set(*, user, decision: Decision, review_on: datetime.date, owner):
    """Give an adopted decision a review date and an owner (staff); an open review of the
    decision is moved to the new date and owner."""
    require_staff(user)
    if decision.result != ProposedDecision.Result.ADOPTED:
        raise ValidationError(_("Only an adopted decision can get a review date."))
    if review_on < timezone.localdate():
        raise ValidationError({"review_on": _("The review date cannot be in the past.")})
    with transaction.atomic():
        Decision.objects.select_for_update().get(pk=decision.pk)
        review = DecisionReview.objects.filter(decision=decision, outcome="").first()
        review = review or DecisionReview(decision=decision)
        before = [str(review.review_on or ""), str(review.owner_id or "")]
        review.review_on, review.owner = review_on, owner
        review.full_clean()
        review.save()
        audit_record(
            actor=user,
            instance=review,
            action="decision_review.set",
            changes={"review": [before, [str(review_on), str(owner.pk)]]},
            group=audit_group("body", decision.body_id),
        )
    return review


def decision_review_record(
    *, user, review: DecisionReview, outcome: str, note: str, new_decision: Decision | None
) -> DecisionReview:
    """Record what the review found (staff): kept, changed by a new decision (named), or
    ended, with a short note. A recorded review does not change again."""
    require_staff(user)
    note = (note or "").strip()
    if outcome not in DecisionReview.Outcome.values:
        raise ValidationError({"outcome": _("Choose what the check found.")})
    if not note:
        raise ValidationError({"note": _("Write in a few words what the check found.")})
    if outcome == DecisionReview.Outcome.CHANGED:
        if new_decision is None:
            raise ValidationError({"new_decision": _("Give the number of the new decision.")})
        if new_decision.pk == review.decision_id:
            raise ValidationError({"new_decision": _("The new decision must be another one.")})
    else:
        new_decision = None
    with transaction.atomic():
        review = DecisionReview.objects.select_for_update().get(pk=review.pk)
        if not review.is_open:
            raise ValidationError(_("This review was already recorded. It cannot change."))
        review.outcome, review.note, review.new_decision = outcome, note, new_decision
        review.reviewed_on, review.reviewed_by = timezone.localdate(), user
        review.full_clean()
        review.save()
        audit_record(
            actor=user,
            instance=review,
            action="decision_review.recorded",
            changes={"outcome": ["", outcome]},
            group=audit_group("body", review.decision.body_id),
        )
    return review


def decision_review_remind(*, today: datetime.date | None = None) -> int:
    """Remind owners of open reviews due within SOON_DAYS days: once per review
    (the outbox key), however often beat runs."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=SOON_DAYS)
    reviews = (
        DecisionReview.objects.filter(outcome="", review_on__lte=horizon)
        .exclude(owner__email="")
        .select_related("decision__body", "owner__user")
        .order_by("pk")
    )
    messages = []
    for review in reviews:
        owner = review.owner
        language = owner.user.language if owner.user_id else "nl"
        with translation.override(language):
            when = formats.date_format(review.review_on, "j F Y")
        messages.append(
            {
                "key": f"decision-review:{review.pk}",
                "to": owner.email,
                "name": "decision_review_due",
                "language": language,
                "user_id": owner.user_id,
                "kind": "actions",  # a check to do, like an action: the owner's settings decide
                "context": {
                    "name": owner.name,
                    "number": review.decision.number,
                    "decision": review.decision.text[:300],
                    "body": review.decision.body.name,
                    "review_on": when,
                    "link": absolute_reverse("governance:decision_list", review.decision.body_id)
                    + f"#decision-{review.decision_id}",
                },
            }
        )
    return mail_queue_many(messages)
