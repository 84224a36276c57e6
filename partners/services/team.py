from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.cache import touch
from partners.models import (
    Delegate,
    Partner,
    Person,
    TeamMember,
)
from partners.models.team import DelegationLevel, TeamRole

User = get_user_model()


class TeamConflict(ValidationError):
    """Someone else changed the team between loading the page and saving it."""


def _lock_team(partner: Partner, expected_version: int) -> Partner:
    locked = Partner.objects.select_for_update().get(pk=partner.pk)
    if locked.team_version != expected_version:
        raise TeamConflict(
            _(
                "Someone else changed this team while you were working on it. Check the "
                "team as it is now and try again; what you typed is still in the form."
            )
        )
    return locked


def _bump(partner: Partner) -> None:
    Partner.objects.filter(pk=partner.pk).update(
        team_version=F("team_version") + 1, updated_at=timezone.now()
    )
    touch(Partner)  # an update() sends no signal: the partner's kept pages go (avk.cache)


def person_for_partner(*, partner: Partner, name: str, email: str = "", phone: str = "") -> Person:
    """The person with this e-mail address, or a new person of this partner."""
    email = email.strip().lower()
    if email:
        validate_email(email)
        person = Person.objects.filter(email__iexact=email).first()
        if person is not None:
            return person
    person = Person(name=name.strip(), email=email, phone=phone.strip(), partner=partner)
    person.full_clean()
    person.save()
    return person


def team_member_add(
    *,
    partner: Partner,
    user,
    role: str,
    expected_version: int,
    name: str,
    email: str = "",
    phone: str = "",
) -> TeamMember:
    """Add someone to the partner's AVK team (refused when the team changed meanwhile)."""
    if role not in TeamRole.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    with transaction.atomic():
        locked = _lock_team(partner, expected_version)
        person = person_for_partner(partner=locked, name=name, email=email, phone=phone)
        if TeamMember.objects.filter(partner=locked, person=person).exists():
            raise ValidationError(
                {"email": _("%(name)s is already in this team.") % {"name": person.name}}
            )
        member = TeamMember.objects.create(partner=locked, person=person, role=role)
        _bump(locked)
        audit_record(
            actor=user,
            instance=member,
            action="team.added",
            changes={"role": ["", role], "person": ["", person.name]},
            group=audit_group("partner", locked.pk),
        )
    return member


def team_member_remove(*, member: TeamMember, user, expected_version: int) -> None:
    with transaction.atomic():
        locked = _lock_team(member.partner, expected_version)
        audit_record(
            actor=user,
            instance=member,
            action="team.removed",
            changes={"role": [member.role, ""], "person": [member.person.name, ""]},
            group=audit_group("partner", locked.pk),
        )
        member.delete()
        _bump(locked)


def contact_set(*, partner: Partner, user, person: Person | None, expected_version: int) -> None:
    """Choose the partner's contact person (aanspreekpunt) from its people."""
    if person is not None and person.partner_id != partner.pk:
        raise ValidationError({"person": _("Choose someone of this organisation.")})
    with transaction.atomic():
        locked = _lock_team(partner, expected_version)
        old = locked.contact_person.name if locked.contact_person else ""
        Partner.objects.filter(pk=locked.pk).update(contact_person=person)
        _bump(locked)
        audit_record(
            actor=user,
            instance=locked,
            action="contact.changed",
            changes={"contact_person": [old, person.name if person else ""]},
            group=audit_group("partner", locked.pk),
        )


def delegate_set(
    *, partner: Partner, user, level: str, person: Person | None, expected_version: int
) -> None:
    """Choose who comes for the partner to the delegation meetings at one level."""
    if level not in DelegationLevel.values:
        raise ValidationError({"level": _("Choose a level from the list.")})
    if person is not None and person.partner_id != partner.pk:
        raise ValidationError({"person": _("Choose someone of this organisation.")})
    with transaction.atomic():
        locked = _lock_team(partner, expected_version)
        current = Delegate.objects.filter(partner=locked, level=level).select_related("person")
        old = current[0].person.name if current else ""
        current.delete()
        if person is not None:
            Delegate.objects.create(partner=locked, level=level, person=person)
        _bump(locked)
        audit_record(
            actor=user,
            instance=locked,
            action="delegate.changed",
            changes={f"delegate_{level}": [old, person.name if person else ""]},
            group=audit_group("partner", locked.pk),
        )
