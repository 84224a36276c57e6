"""Saving a checked file of measurements: all rows in one transaction, or nothing at all."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from avk.audit import audit_record
from avk.imports import CREATE, UPDATE, ImportOutcome, ImportRefused
from monitoring.models import Measurement
from monitoring.selectors import imports
from monitoring.services.indicators import group_of


def _decimal(text):
    return None if text is None else Decimal(text)


def measurements_import(*, rows: list[dict], headers: dict[str, str], user) -> ImportOutcome:
    """Check the rows again against the database as it is now and save them all: new values
    are created, changed ones updated, unchanged ones left alone. When any row fails, now or
    while saving, nothing is saved and ImportRefused says why. Each write is audited."""
    try:
        with transaction.atomic():
            results = imports.validate_rows(rows, headers)
            if not results or any(not result.ok for result in results):
                raise ImportRefused(
                    _("Some rows have errors. Correct the file and upload it again."),
                    results=results,
                )
            changing = [r for r in results if r.action in (CREATE, UPDATE)]
            locked = Measurement.objects.select_for_update().in_bulk(
                [r.clean["pk"] for r in changing if r.clean["pk"]]
            )
            created = updated = 0
            for result in changing:
                clean = result.clean
                values = {
                    "value": Decimal(clean["value"]),
                    "numerator": _decimal(clean["numerator"]),
                    "denominator": _decimal(clean["denominator"]),
                    "note": clean["note"],
                    "is_break": clean["is_break"],
                }
                if result.action == CREATE:
                    measurement = Measurement.objects.create(
                        indicator_id=clean["indicator_id"],
                        area_id=clean["area_id"],
                        year=clean["year"],
                        origin=Measurement.Origin.IMPORTED,
                        entered_by=user,
                        **values,
                    )
                    changes = {name: ["", str(v)] for name, v in values.items() if v}
                    created += 1
                else:
                    measurement = locked.get(clean["pk"])
                    if measurement is None:
                        raise ImportRefused(
                            _("Row %(row)s: the value was removed meanwhile. Nothing was imported.")
                            % {"row": result.number}
                        )
                    changes = {
                        name: [str(getattr(measurement, name)), str(v)]
                        for name, v in values.items()
                        if getattr(measurement, name) != v
                    }
                    for name, value in values.items():
                        setattr(measurement, name, value)
                    measurement.origin = Measurement.Origin.IMPORTED
                    measurement.entered_by = user
                    measurement.save()
                    updated += 1
                audit_record(
                    actor=user,
                    instance=measurement,
                    action="measurement.imported"
                    if result.action == CREATE
                    else "measurement.reimported",
                    changes=changes,
                    group=group_of(measurement.indicator_id),
                )
            return ImportOutcome(created=created, updated=updated)
    except IntegrityError:
        raise ImportRefused(
            _(
                "Someone entered the same values while you were importing. Nothing was "
                "imported: upload the file again to see the current state."
            )
        ) from None
