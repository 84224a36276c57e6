"""Writes of the interventions inventory, with their audit records."""

from django.db import transaction

from avk.audit import audit_group, audit_record, diff
from partners.forms.interventions import InterventionForm
from partners.models import Intervention, Partner

AUDITED_FIELDS = ["title", "description", "target_group", "status", "contact", "is_published"]


def _names(objects) -> str:
    return ", ".join(sorted(str(o) for o in objects))


def intervention_save(*, form: InterventionForm, user, partner: Partner) -> Intervention:
    """Create or update the intervention of `form` for `partner` and record it in the audit.

    Collaborators that are no longer active are not offered in the form; they are kept.
    """
    creating = form.instance.pk is None
    with transaction.atomic():
        if creating:
            old, old_municipalities, old_collaborators = None, [], []
            kept = []
        else:
            old = Intervention.objects.select_for_update().get(pk=form.instance.pk)
            old_municipalities = list(old.municipalities.all())
            old_collaborators = list(old.collaborators.all())
            kept = [p for p in old_collaborators if not p.is_active]
        intervention = form.save(commit=False)
        intervention.partner = partner
        if creating:
            intervention.created_by = user
        intervention.save()
        intervention.municipalities.set(form.cleaned_data["municipalities"])
        new_collaborators = [*form.cleaned_data["collaborators"], *kept]
        intervention.collaborators.set(new_collaborators)

        new_values = {field: getattr(intervention, field) for field in AUDITED_FIELDS}
        if creating:
            changes = {
                field: ["", "" if value is None else str(value)]
                for field, value in new_values.items()
                if value not in (None, "", False)
            }
        else:
            changes = diff(old, AUDITED_FIELDS, new_values)
        for field, before, after in (
            ("municipalities", old_municipalities, form.cleaned_data["municipalities"]),
            ("collaborators", old_collaborators, new_collaborators),
        ):
            if _names(before) != _names(after):
                changes[field] = [_names(before), _names(after)]
        if creating or changes:
            audit_record(
                actor=user,
                instance=intervention,
                action="intervention.created" if creating else "intervention.updated",
                changes=changes,
                group=audit_group("partner", partner.pk),
            )
    return intervention


def intervention_publish(*, intervention: Intervention, user, publish: bool | None) -> Intervention:
    """Put a good example in the public showcase (True), take it out (False) or toggle (None).

    Setting an explicit value makes a double submit harmless.
    """
    with transaction.atomic():
        intervention = (
            Intervention.objects.select_for_update()
            .select_related("partner")
            .get(pk=intervention.pk)
        )
        was = intervention.is_published
        now = (not was) if publish is None else publish
        if now != was:
            intervention.is_published = now
            intervention.save(update_fields=["is_published", "updated_at"])
            audit_record(
                actor=user,
                instance=intervention,
                action="intervention.published" if now else "intervention.unpublished",
                changes={"is_published": [str(was), str(now)]},
                group=audit_group("partner", intervention.partner_id),
            )
    return intervention
