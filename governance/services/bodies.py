"""Writes of a body: its voting rules."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import ngettext

from avk.audit import audit_group, audit_record
from governance.access import require_staff, voting_seats_of
from governance.models import Body
from governance.models.bodies import RULE_FIELDS


def body_rules_update(*, body: Body, user, **values) -> Body:
    """Change a body's voting rules (staff). Votings already closed keep their results;
    an open voting is closed with the rules in force at its close. A quorum (a number of
    votes) above the body's voting seats is refused: no voting could reach it."""
    require_staff(user)
    with transaction.atomic():
        body = Body.objects.select_for_update().get(pk=body.pk)
        changes = {}
        for name in RULE_FIELDS:
            if name in values and getattr(body, name) != values[name]:
                old = getattr(body, name)
                changes[name] = [
                    old if isinstance(old, list) else ("" if old is None else str(old)),
                    values[name]
                    if isinstance(values[name], list)
                    else ("" if values[name] is None else str(values[name])),
                ]
                setattr(body, name, values[name])
        body.full_clean()
        _check_quorum_reachable(body)
        body.save()
        if changes:
            audit_record(
                actor=user,
                instance=body,
                action="body.rules_updated",
                changes=changes,
                group=audit_group("body", body.pk),
            )
    return body


def _check_quorum_reachable(body: Body) -> None:
    """A quorum of more votes than the body has voting seats could never be reached."""
    if body.quorum_count is None:
        return
    seats = voting_seats_of(body).count()
    if body.quorum_count > seats:
        raise ValidationError(
            {
                "quorum_count": ngettext(
                    "The minimum number of voters can be at most the number of people who "
                    "may vote. Now %(count)s person may vote.",
                    "The minimum number of voters can be at most the number of people who "
                    "may vote. Now %(count)s people may vote.",
                    seats,
                )
                % {"count": seats}
            }
        )
