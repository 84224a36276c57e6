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
    """Record (in effect now) or propose (waits for staff) a commitment. Never overwrites.

    The history is the list of Commitment rows; the partner's current package follows the
    newest entry in effect.
    """
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        commitment = Commitment(
            partner=partner,
            package=package,
            previous_package=partner.package,
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
        if not propose:
            partner.package = package
            partner.save(update_fields=["package", "updated_at"])
        audit_record(
            actor=user,
            instance=commitment,
            action="commitment.proposed" if propose else "commitment.recorded",
            changes={"package": [_code(commitment.previous_package), package.code]},
            group=audit_group("partner", partner.pk),
        )
    return commitment


def commitment_decide(*, commitment: Commitment, user, accept: bool) -> Commitment:
    """Staff accept (it comes into effect now) or decline a proposed commitment."""
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=commitment.partner_id)
        commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if commitment.status != Commitment.Status.PROPOSED:
            raise ValidationError(_("This proposal has already been decided."))
        commitment.decided_by = user
        commitment.decided_at = timezone.now()
        if accept:
            commitment.status = Commitment.Status.IN_EFFECT
            commitment.previous_package = partner.package
            partner.package = commitment.package
            partner.save(update_fields=["package", "updated_at"])
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


def _code(package: Package | None) -> str:
    return package.code if package else ""
