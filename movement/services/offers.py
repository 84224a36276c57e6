"""Staff's writes every kind of offer (a pilot, a morning, a course) shares: create it and
change it, audited, without ever dropping its places below those taken; extra places go
to the waiting list at once (first in turn)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from movement.selectors.signups import places_taken
from movement.services import signups


def _full_clean_and_save(offer) -> None:
    offer.full_clean()
    offer.save()


def offer_create(*, model, fields, actor, action: str, values: dict, save=_full_clean_and_save):
    """A new offer of `model` from the `values` among `fields`, audited as `action`.
    `save` validates and saves it (raising ValidationError, which saves nothing)."""
    offer = model(created_by=actor, **{name: values[name] for name in fields if name in values})
    with transaction.atomic():
        save(offer)
        audit_record(
            actor=actor,
            instance=offer,
            action=action,
            group=audit_group(model._meta.model_name, offer.pk),
        )
    return offer


def offer_update(
    *, offer, fields, actor, action: str, values: dict, check=None, save=_full_clean_and_save
):
    """Change `offer` (locked) with the `values` among `fields`, audited as `action`.
    `check(locked, values)` may refuse first (ValidationError). Places cannot drop below
    those taken; once saved, free places go to the waiting list."""
    values = {name: values[name] for name in fields if name in values}
    model = type(offer)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=offer.pk)
        if check is not None:
            check(locked, values)
        changes = diff(locked, values.keys(), values)
        for name, value in values.items():
            setattr(locked, name, value)
        taken = places_taken(locked)
        if locked.capacity is not None and locked.capacity < taken:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(taken)s places are taken already. Decline someone first, or keep "
                        "at least %(taken)s places."
                    )
                    % {"taken": taken}
                }
            )
        save(locked)
        if changes:
            audit_record(
                actor=actor,
                instance=locked,
                action=action,
                changes=changes,
                group=audit_group(model._meta.model_name, locked.pk),
            )
        if locked.takes_signups:
            signups.signups_fill(offer=locked)
    return locked
