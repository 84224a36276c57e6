"""Writes of the quick scan "AVK-proof": the criteria (staff) and a partner's yearly scan.

Every change is audited: a scan under the partner's group (shown on the partner's list of
changes), the criteria under CRITERIA_GROUP (shown on the criteria page).
"""

from collections.abc import Mapping
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.cache import touch
from avk.text import neutralise_bidi_controls
from partners.models import Partner, QuickScan, QuickScanAnswer, QuickScanCriterion

CRITERIA_GROUP = "quickscan:criteria"
NOTE_MAX_LENGTH = QuickScanAnswer._meta.get_field("note").max_length
CRITERION_FIELDS = ["text", "explanation", "order", "is_active"]


class Answer(NamedTuple):
    met: bool
    note: str = ""


def current_year() -> int:
    """The only year a partner can fill in; earlier scans are read-only."""
    return timezone.localdate().year


def _yes_no(met: bool | None) -> str:
    if met is None:
        return ""
    return _("yes") if met else _("no")


def quickscan_save(
    *, partner: Partner, year: int, answers: Mapping[int, Answer], user
) -> QuickScan:
    """Create or update the partner's scan of `year` (only the current year) from `answers`.

    `answers` maps the pk of every criterion in use to an Answer; a missing, unknown or
    switched-off criterion is refused with a ValidationError and nothing is saved. The score
    (criteria met) and total are computed here. Filling in again in the same year updates the
    scan and records what changed.
    """
    if year != current_year():
        raise ValidationError(
            _("Only the quick scan of %(year)s can be filled in; earlier years are closed.")
            % {"year": current_year()}
        )
    if not partner.is_active:
        raise ValidationError(_("This partner is no longer active."))

    with transaction.atomic():
        criteria = {c.pk: c for c in QuickScanCriterion.objects.filter(is_active=True)}
        if not criteria:
            raise ValidationError(_("There are no quick scan criteria yet."))
        given = set(answers)
        unknown = given - criteria.keys()
        if unknown:
            raise ValidationError(
                _("The form asked for criteria that are no longer in use. Load the page again.")
            )
        missing = criteria.keys() - given
        if missing:
            raise ValidationError(
                _("Answer every question: %(count)d still open.") % {"count": len(missing)}
            )
        cleaned: dict[int, Answer] = {}
        for pk, answer in answers.items():
            met, note = answer
            if not isinstance(met, bool):
                raise ValidationError(_("Answer every question with yes or no."))
            note = (note or "").strip()
            if len(note) > NOTE_MAX_LENGTH:
                raise ValidationError(
                    _("A note can be at most %(max)d characters.") % {"max": NOTE_MAX_LENGTH}
                )
            cleaned[pk] = Answer(met, note)

        scan, created = QuickScan.objects.get_or_create(partner=partner, year=year)
        scan = QuickScan.objects.select_for_update().get(pk=scan.pk)
        existing = {a.criterion_id: a for a in scan.answers.select_related("criterion")}

        changes: dict[str, list[str]] = {}
        to_create, to_update = [], []
        for pk, criterion in sorted(criteria.items(), key=lambda kv: (kv[1].order, kv[0])):
            new = cleaned[pk]
            old = existing.get(pk)
            if old is None:
                to_create.append(
                    QuickScanAnswer(scan=scan, criterion=criterion, met=new.met, note=new.note)
                )
                changes[criterion.text] = ["", _yes_no(new.met)]
                if new.note:
                    changes[_("%(criterion)s (note)") % {"criterion": criterion.text}] = [
                        "",
                        new.note,
                    ]
                continue
            if old.met != new.met:
                changes[criterion.text] = [_yes_no(old.met), _yes_no(new.met)]
            if old.note != new.note:
                changes[_("%(criterion)s (note)") % {"criterion": criterion.text}] = [
                    old.note,
                    new.note,
                ]
            if old.met != new.met or old.note != new.note:
                old.met, old.note = new.met, new.note
                to_update.append(old)
        # A criterion switched off since the last save is no longer part of this year's scan.
        stale = [a for pk, a in existing.items() if pk not in criteria]
        for answer in stale:
            changes[answer.criterion.text] = [_yes_no(answer.met), ""]

        if not created and not changes:
            return scan

        for answer in to_create + to_update:
            neutralise_bidi_controls(answer)  # bulk_create() and bulk_update() send no pre_save
            answer.full_clean(exclude=["scan", "criterion"])
        if stale:
            QuickScanAnswer.objects.filter(pk__in=[a.pk for a in stale]).delete()
        QuickScanAnswer.objects.bulk_create(to_create)
        QuickScanAnswer.objects.bulk_update(to_update, ["met", "note"])
        touch(QuickScanAnswer)  # bulk writes send no signal (avk.cache)

        old_score = "" if created else f"{scan.score}/{scan.total}"
        scan.score = sum(1 for a in cleaned.values() if a.met)
        scan.total = len(cleaned)
        scan.filled_by = user if user is not None and user.is_authenticated else None
        scan.full_clean()
        scan.save()
        new_score = f"{scan.score}/{scan.total}"
        if old_score != new_score:
            changes = {_("score"): [old_score, new_score], **changes}
        audit_record(
            actor=user,
            instance=scan,
            action="quickscan.filled" if created else "quickscan.updated",
            changes=changes,
            group=audit_group("partner", partner.pk),
        )
    return scan


def _criterion_values(text: str, explanation: str, order: int) -> dict:
    return {
        "text": (text or "").strip(),
        "explanation": (explanation or "").strip(),
        "order": order,
    }


def criterion_create(
    *, user, text: str, explanation: str = "", order: int = 0
) -> QuickScanCriterion:
    """Add a criterion (a RUG precondition); partners are asked it from now on."""
    criterion = QuickScanCriterion(**_criterion_values(text, explanation, order))
    with transaction.atomic():
        criterion.full_clean()
        criterion.save()
        audit_record(
            actor=user,
            instance=criterion,
            action="quickscan.criterion_created",
            changes={
                field: ["", str(getattr(criterion, field))]
                for field in CRITERION_FIELDS
                if getattr(criterion, field) not in ("", None)
            },
            group=CRITERIA_GROUP,
        )
    return criterion


def criterion_update(
    *,
    criterion: QuickScanCriterion,
    user,
    text: str,
    explanation: str = "",
    order: int = 0,
    is_active: bool = True,
) -> QuickScanCriterion:
    """Change a criterion, or switch it off (it is no longer asked; old scans keep it)."""
    values = _criterion_values(text, explanation, order) | {"is_active": bool(is_active)}
    with transaction.atomic():
        criterion = QuickScanCriterion.objects.select_for_update().get(pk=criterion.pk)
        changes = diff(criterion, CRITERION_FIELDS, values)
        if not changes:
            return criterion
        for field, value in values.items():
            setattr(criterion, field, value)
        criterion.full_clean()
        criterion.save()
        if list(changes) == ["is_active"]:
            action = "quickscan.criterion_on" if criterion.is_active else "quickscan.criterion_off"
        else:
            action = "quickscan.criterion_updated"
        audit_record(
            actor=user, instance=criterion, action=action, changes=changes, group=CRITERIA_GROUP
        )
    return criterion


def criterion_delete(*, criterion: QuickScanCriterion, user) -> None:
    """Delete a criterion nobody has answered yet; one with answers can only be switched off."""
    with transaction.atomic():
        criterion = QuickScanCriterion.objects.select_for_update().get(pk=criterion.pk)
        if criterion.answers.exists():
            raise ValidationError(
                _("This criterion has been answered in quick scans: switch it off instead.")
            )
        audit_record(
            actor=user,
            instance=criterion,
            action="quickscan.criterion_deleted",
            changes={"text": [criterion.text, ""]},
            group=CRITERIA_GROUP,
        )
        try:
            criterion.delete()
        except ProtectedError as error:  # an answer arrived meanwhile
            raise ValidationError(
                _("This criterion has been answered in quick scans: switch it off instead.")
            ) from error
