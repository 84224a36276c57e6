"""The audit trail: who changed what, when. Apps call audit_record() from their services."""

from django.contrib.contenttypes.models import ContentType

from avk.models import AuditEntry


def audit_record(*, actor, instance, action: str, changes: dict | None = None, group: str = ""):
    """Record one change to `instance`. `group` gathers entries shown together (e.g. a partner).

    `changes` maps a field name to [old, new]; values must be JSON-serialisable.
    """
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes or {},
        group=group,
    )


def audit_group(kind: str, key) -> str:
    """The group under which the entries of one thing are read together: "partner:12"."""
    return f"{kind}:{key}"


def diff(instance, fields, new_values: dict) -> dict:
    """[old, new] per field whose value changes; values as strings for the JSON column."""

    def show(value):
        return "" if value is None else str(value)

    return {
        field: [show(getattr(instance, field)), show(new_values[field])]
        for field in fields
        if field in new_values and getattr(instance, field) != new_values[field]
    }
