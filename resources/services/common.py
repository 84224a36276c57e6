"""What every write of the resources shares: save a checked form and record the change."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avk.audit import audit_record, diff


def _show(value) -> str:
    return "" if value is None else str(value)


def _to_cents(instance) -> None:
    # 2500 typed is 2500.00 stored: the audit then shows what a later read shows.
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, models.DecimalField) and isinstance(value, Decimal):
            setattr(
                instance, field.attname, value.quantize(Decimal(1).scaleb(-field.decimal_places))
            )


def form_save(*, form, user, kind: str, fields: list[str], group: str = ""):
    """Save the form's instance after full_clean, in a transaction, with an audit record
    `<kind>.created` or `<kind>.updated` holding the changed fields (old, new)."""
    creating = form.instance.pk is None
    model = form._meta.model
    with transaction.atomic():
        old = None if creating else model.objects.select_for_update().get(pk=form.instance.pk)
        instance = form.save(commit=False)
        instance.full_clean()
        _to_cents(instance)
        instance.save()
        values = {field: getattr(instance, field) for field in fields}
        changes = (
            {f: ["", _show(v)] for f, v in values.items() if v not in (None, "")}
            if creating
            else diff(old, fields, values)
        )
        if creating or changes:
            audit_record(
                actor=user,
                instance=instance,
                action=f"{kind}.{'created' if creating else 'updated'}",
                changes=changes,
                group=group,
            )
    return instance


def row_delete(
    *, instance, user, kind: str, fields: list[str], group: str = "", refusal=None
) -> None:
    """Delete a row, recording what it held. `refusal(instance)` says why it cannot go (or
    ""), read inside the transaction with the row locked; then ValidationError, and nothing
    is deleted. A row that something came to rest on at the same moment is refused too."""
    with transaction.atomic():
        locked = type(instance).objects.select_for_update().filter(pk=instance.pk).first()
        if locked is None:
            return  # deleted already
        reason = refusal(locked) if refusal else ""
        if reason:
            raise ValidationError(reason)
        audit_record(
            actor=user,
            instance=locked,
            action=f"{kind}.deleted",
            changes={f: [_show(getattr(locked, f)), ""] for f in fields},
            group=group,
        )
        try:
            with transaction.atomic():
                locked.delete()
        except ProtectedError:
            raise ValidationError(
                _("Something was linked to this while you were deleting it. It is kept.")
            ) from None


def allocation_refusal(row) -> str:
    """Why an application or budget line cannot be deleted (money of it linked to
    efforts), or ""."""
    count = row.allocations.values("effort").distinct().count()
    if not count:
        return ""
    return ngettext(
        "Money of this is linked to %(count)s effort. Remove that link first.",
        "Money of this is linked to %(count)s efforts. Remove those links first.",
        count,
    ) % {"count": count}
