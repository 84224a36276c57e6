from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from partners.models import (
    Commitment,
    Package,
    Partner,
)
from partners.selectors.commitment import current_commitment

User = get_user_model()


def commitment_change(
    *,
    partner: Partner,
    user,
    package: Package,
    period_start,
    period_end=None,
    signed_on=None,
    signed_by: str = "",
    note: str = "",
    propose: bool,
) -> Commitment:
    """Record (in effect from `period_start`) or propose (waits for staff) a commitment.
    Never overwrites.

    The history is the list of Commitment rows; which one is current at a date is
    `partners.selectors.commitment.current_commitment`.
    """
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        commitment = Commitment(
            partner=partner,
            package=package,
            previous_package=_package_on(partner, period_start),
            period_start=period_start,
            period_end=period_end,
            signed_on=signed_on,
            signed_by=signed_by.strip(),
            note=note.strip(),
            status=Commitment.Status.PROPOSED if propose else Commitment.Status.IN_EFFECT,
            created_by=user,
        )
        commitment.full_clean()
        commitment.save()
        audit_record(
            actor=user,
            instance=commitment,
            action="commitment.proposed" if propose else "commitment.recorded",
            changes={"package": [_code(commitment.previous_package), package.code]},
            group=audit_group("partner", partner.pk),
        )
    return commitment


def commitment_decide(*, commitment: Commitment, user, accept: bool) -> Commitment:
    """Staff accept (it comes into effect on its start date) or decline a proposed commitment."""
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=commitment.partner_id)
        commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if commitment.status != Commitment.Status.PROPOSED:
            raise ValidationError(_("This proposal has already been decided."))
        commitment.decided_by = user
        commitment.decided_at = timezone.now()
        if accept:
            commitment.status = Commitment.Status.IN_EFFECT
            commitment.previous_package = _package_on(partner, commitment.period_start)
        else:
            commitment.status = Commitment.Status.DECLINED
        commitment.save()
        audit_record(
            actor=user,
            instance=commitment,
            action="commitment.accepted" if accept else "commitment.declined",
            changes={"status": [Commitment.Status.PROPOSED, commitment.status]},
            group=audit_group("partner", partner.pk),
        )
    return commitment


def _package_on(partner: Partner, day) -> Package | None:
    """The package the new entry replaces: the one current on its start date until now."""
    current = current_commitment(partner, on=day) if day else None
    return current.package if current else None


def _code(package: Package | None) -> str:
    return package.code if package else ""
