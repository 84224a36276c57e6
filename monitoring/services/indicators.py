"""Staff's writes of indicators, measurements, targets, stories and effort links; each one
checked (full_clean), in one transaction, with its audit record grouped per indicator."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from monitoring.forms.indicators import IndicatorForm
from monitoring.models import EffortIndicator, Indicator, IndicatorStory, Measurement, Target

INDICATOR_FIELDS = IndicatorForm.Meta.fields  # what staff may change is what is audited
MEASUREMENT_FIELDS = ["area", "year", "value", "numerator", "denominator", "note", "is_break"]
STORY_FIELDS = ["year", "helps", "hinders"]


def group_of(indicator_id: int) -> str:
    return audit_group("indicator", indicator_id)


def _changes(old, fields: list[str], new) -> dict:
    values = {name: getattr(new, name) for name in fields}
    if old is None:
        return {n: ["", str(v)] for n, v in values.items() if v not in (None, "", False)}
    return diff(old, fields, values)


def _save(instance, *, user, fields: list[str], action: str, duplicate_message: str):
    """full_clean, save and audit `instance` (new or changed) in one transaction."""
    instance.full_clean()
    model = type(instance)
    try:
        with transaction.atomic():
            old = model.objects.select_for_update().get(pk=instance.pk) if instance.pk else None
            changes = _changes(old, fields, instance)
            instance.save()
            if old is None or changes:
                audit_record(
                    actor=user,
                    instance=instance,
                    action=f"{action}.{'created' if old is None else 'updated'}",
                    changes=changes,
                    group=group_of(getattr(instance, "indicator_id", None) or instance.pk),
                )
    except IntegrityError:
        # Someone saved the same one in the meantime (the form checked it just before).
        raise ValidationError(duplicate_message) from None
    return instance


def indicator_save(*, indicator: Indicator, user) -> Indicator:
    """Create or change an indicator."""
    return _save(
        indicator,
        user=user,
        fields=INDICATOR_FIELDS,
        action="indicator",
        duplicate_message=_("There is already an indicator with this name."),
    )


def measurement_save(*, measurement: Measurement, user) -> Measurement:
    """Create or change one value. A second value for the same indicator, area and year is
    refused (ValidationError); nothing is saved then."""
    if measurement.pk is None:
        measurement.entered_by = user
        measurement.origin = Measurement.Origin.ENTERED
    return _save(
        measurement,
        user=user,
        fields=MEASUREMENT_FIELDS,
        action="measurement",
        duplicate_message=_("There is already a value for this area and year."),
    )


def measurement_delete(*, measurement: Measurement, user) -> None:
    with transaction.atomic():
        audit_record(
            actor=user,
            instance=measurement,
            action="measurement.deleted",
            changes={"value": [str(measurement.value), ""]},
            group=group_of(measurement.indicator_id),
        )
        measurement.delete()


def target_set(*, target: Target, user) -> Target:
    """Set the target of an indicator for an area in a milestone year; one that was set for
    that year is replaced."""
    target.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        existing, _created = Target.objects.select_for_update().get_or_create(
            indicator=target.indicator,
            area=target.area,
            year=target.year,
            defaults={"value": target.value, "note": target.note},
        )
        changes = {"value": ["" if _created else str(existing.value), str(target.value)]}
        if not _created:
            if (existing.value, existing.note) == (target.value, target.note):
                return existing
            existing.value, existing.note = target.value, target.note
            existing.save()
        audit_record(
            actor=user,
            instance=existing,
            action="target.set",
            changes=changes,
            group=group_of(existing.indicator_id),
        )
    return existing


def target_delete(*, target: Target, user) -> None:
    with transaction.atomic():
        audit_record(
            actor=user,
            instance=target,
            action="target.deleted",
            changes={"value": [str(target.value), ""]},
            group=group_of(target.indicator_id),
        )
        target.delete()


def story_save(*, story: IndicatorStory, partners, user) -> IndicatorStory:
    """Create or change the story behind the curve of a year; the writer is recorded, with
    their name as it is now (the name the story shows)."""
    story.written_by = user
    story.written_by_name = str(user)
    before = set() if story.pk is None else set(story.partners.values_list("name", flat=True))
    with transaction.atomic():
        story = _save(
            story,
            user=user,
            fields=STORY_FIELDS,
            action="story",
            duplicate_message=_("There is already a story for this year."),
        )
        story.partners.set(partners)
        after = {p.name for p in partners}
        if before != after:
            audit_record(
                actor=user,
                instance=story,
                action="story.partners_changed",
                changes={"partners": [", ".join(sorted(before)), ", ".join(sorted(after))]},
                group=group_of(story.indicator_id),
            )
    return story


def effort_link_add(*, link: EffortIndicator, user) -> EffortIndicator:
    """Link an effort to the indicator it aims to move."""
    link.full_clean()
    try:
        with transaction.atomic():
            link.save()
            audit_record(
                actor=user,
                instance=link,
                action="effort_indicator.linked",
                changes={"expected_change": ["", link.expected_change]},
                group=group_of(link.indicator_id),
            )
    except IntegrityError:
        raise ValidationError(_("This effort is already linked to the indicator.")) from None
    return link


def effort_link_remove(*, link: EffortIndicator, user) -> None:
    with transaction.atomic():
        audit_record(
            actor=user,
            instance=link,
            action="effort_indicator.unlinked",
            group=group_of(link.indicator_id),
        )
        link.delete()
