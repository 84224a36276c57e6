"""What every write of the resources shares: save a checked form and record the change."""

from decimal import Decimal

from django.db import models, transaction

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


def row_delete(*, instance, user, kind: str, fields: list[str], group: str = "") -> None:
    """Delete a row, recording what it held."""
    with transaction.atomic():
        audit_record(
            actor=user,
            instance=instance,
            action=f"{kind}.deleted",
            changes={f: [_show(getattr(instance, f)), ""] for f in fields},
            group=group,
        )
        instance.delete()
