"""Saving a checked import: all rows in one transaction, or nothing at all."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.imports import ImportOutcome, ImportRefused
from partners.models import Package, Partner, Person
from partners.selectors import imports
from partners.selectors.commitment import with_current_package
from partners.services.commitment import commitment_change


def batch_import(*, kind: str, rows: list[dict], headers: dict[str, str], user) -> ImportOutcome:
    """Check the rows again against the database as it is now and save them all.

    One transaction: when any row fails, now or while saving, nothing is saved and
    ImportRefused says why. Every created or updated partner or person gets an audit entry.
    """
    try:
        with transaction.atomic():
            results = imports.validate_rows(kind, rows, headers)
            if not results or any(not result.ok for result in results):
                raise ImportRefused(
                    _("Some rows have errors. Correct the file and upload it again."),
                    results=results,
                )
            if kind == imports.PARTNERS:
                return _partners_save(results, user)
            return _people_save(results, user)
    except IntegrityError:
        # Someone else saved the same partner or person in the meantime.
        raise ImportRefused(
            _(
                "Someone changed the same partners or people while you were importing. "
                "Nothing was imported: upload the file again to see the current state."
            )
        ) from None


def _row_refused(result, error: ValidationError) -> ImportRefused:
    return ImportRefused(
        _("Row %(row)s could not be saved: %(error)s. Nothing was imported.")
        % {"row": result.number, "error": " ".join(error.messages)}
    )


def _partners_save(results, user) -> ImportOutcome:
    locked = Partner.objects.select_for_update().in_bulk(
        [r.clean["pk"] for r in results if r.clean["pk"]]
    )
    packages = Package.objects.in_bulk()
    current_packages = dict(
        with_current_package(Partner.objects.filter(pk__in=locked)).values_list(
            "pk", "current_package_id"
        )
    )
    created = updated = 0
    for result in results:
        clean = result.clean
        # Empty cells leave an existing partner's municipality and website as they are.
        new_values = {"name": clean["name"], "kind": clean["kind"]}
        if clean["municipality_id"]:
            new_values["municipality_id"] = clean["municipality_id"]
        if clean["website"]:
            new_values["website"] = clean["website"]
        partner = locked.get(clean["pk"]) if clean["pk"] else None
        if clean["pk"] and partner is None:
            raise ImportRefused(
                _("Row %(row)s: the partner was removed meanwhile. Nothing was imported.")
                % {"row": result.number}
            )
        if partner is None:
            partner = Partner(**new_values)
            changes = {field: ["", str(value)] for field, value in new_values.items()}
            action = "import.partner_created"
        else:
            changes = diff(partner, list(new_values), new_values)
            for field, value in new_values.items():
                setattr(partner, field, value)
            action = "import.partner_updated"
        try:
            partner.full_clean()
        except ValidationError as error:
            raise _row_refused(result, error) from None
        is_new = partner.pk is None
        if is_new or changes:
            partner.save()
            audit_record(
                actor=user,
                instance=partner,
                action=action,
                changes=changes,
                group=audit_group("partner", partner.pk),
            )
            if is_new:
                created += 1
            else:
                updated += 1
        package = packages.get(clean["package_id"])
        if package is not None and current_packages.get(partner.pk) != package.pk:
            # A package change is a commitment: it goes into the partner's history.
            commitment_change(
                partner=partner,
                user=user,
                package=package,
                period_start=timezone.localdate(),
                note=_("Imported from a file."),
                propose=False,
            )
            if not is_new and not changes:
                updated += 1
    return ImportOutcome(created=created, updated=updated)


def _people_save(results, user) -> ImportOutcome:
    partners = Partner.objects.in_bulk([r.clean["partner_id"] for r in results])
    for result in results:
        clean = result.clean
        partner = partners.get(clean["partner_id"])
        if clean["partner_id"] and partner is None:
            raise ImportRefused(
                _("Row %(row)s: the organisation was removed meanwhile. Nothing was imported.")
                % {"row": result.number}
            )
        person = Person(
            name=clean["name"],
            email=clean["email"],
            phone=clean["phone"],
            partner=partner,
            is_experience_expert=clean["is_experience_expert"],
        )
        try:
            person.full_clean()
        except ValidationError as error:
            raise _row_refused(result, error) from None
        person.save()
        audit_record(
            actor=user,
            instance=person,
            action="import.person_created",
            changes={
                "name": ["", person.name],
                "email": ["", person.email],
                "partner": ["", partner.name if partner else ""],
                "is_experience_expert": ["", str(person.is_experience_expert)],
            },
            group=audit_group("partner", partner.pk) if partner else "",
        )
    return ImportOutcome(created=len(results), updated=0)
