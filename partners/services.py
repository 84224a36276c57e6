import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_record
from avk.emails import mail_send
from partners.models import (
    Commitment,
    Delegate,
    Invitation,
    Package,
    Partner,
    PartnerMembership,
    Person,
    TeamMember,
)
from partners.models.team import DelegationLevel, TeamRole

User = get_user_model()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(
    *,
    invited_by,
    email: str,
    name: str,
    partner: Partner | None = None,
    is_editor: bool = False,
) -> tuple[Invitation, str]:
    """Invite a person by e-mail. Returns the invitation and the secret token in its link.

    A new invitation to the same address replaces an open one (its link stops working).
    """
    email = email.strip().lower()
    name = name.strip()
    validate_email(email)
    if not name:
        raise ValidationError({"name": _("Fill in a name.")})
    if is_editor and partner is None:
        raise ValidationError({"partner": _("An editor belongs to a partner: choose one.")})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("There is already an account with this e-mail address.")})

    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        Invitation.objects.pending().filter(email__iexact=email).update(expires_at=timezone.now())
        invitation = Invitation(
            email=email,
            name=name,
            partner=partner,
            is_editor=is_editor,
            invited_by=invited_by,
            token_hash=_token_hash(token),
            expires_at=timezone.now() + timezone.timedelta(days=settings.AVK_INVITATION_VALID_DAYS),
        )
        invitation.full_clean()
        invitation.save()
        link = settings.SITE_URL + reverse("partners:invitation_accept", args=[token])
        transaction.on_commit(
            lambda: mail_send(
                to=email,
                name="invitation",
                context={"invitation": invitation, "link": link, "inviter": invited_by},
                language="nl",
            )
        )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("partner").filter(token_hash=_token_hash(token)).first()
    )


def invitation_accept(*, token: str, password: str) -> User:
    """Turn an open invitation into an account with a verified e-mail address.

    Links the person (found by e-mail, or made) and the partner membership. Raises
    ValidationError for a used, expired or unknown link, or a weak password.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=_token_hash(token)).first()
        )
        if invitation is None:
            raise ValidationError(_("This invitation link is not valid."))
        if invitation.accepted_at is not None:
            raise ValidationError(_("This invitation has already been used. Log in instead."))
        if invitation.is_expired:
            raise ValidationError(
                _("This invitation has expired. Ask the programme team for a new one.")
            )
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(_("There is already an account with this e-mail address."))
        user = User(email=invitation.email, full_name=invitation.name)
        validate_password(password, user)
        user.set_password(password)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

        person = Person.objects.filter(email__iexact=invitation.email).first()
        if person is None:
            person = Person(
                name=invitation.name, email=invitation.email, partner=invitation.partner
            )
        person.user = user
        person.save()
        if invitation.partner_id:
            PartnerMembership.objects.update_or_create(
                user=user, partner=invitation.partner, defaults={"is_editor": invitation.is_editor}
            )
        invitation.accepted_at = timezone.now()
        invitation.accepted_user = user
        invitation.save(update_fields=["accepted_at", "accepted_user", "updated_at"])
    return user


# --- commitment ------------------------------------------------------------------------


def commitment_change(
    *,
    partner: Partner,
    user,
    package: Package,
    period_start,
    period_end=None,
    signed_on=None,
    signed_by: str = "",
    note: str = "",
    propose: bool,
) -> Commitment:
    """Record (in effect now) or propose (waits for staff) a commitment. Never overwrites.

    The history is the list of Commitment rows; the partner's current package follows the
    newest entry in effect.
    """
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        commitment = Commitment(
            partner=partner,
            package=package,
            previous_package=partner.package,
            period_start=period_start,
            period_end=period_end,
            signed_on=signed_on,
            signed_by=signed_by.strip(),
            note=note.strip(),
            status=Commitment.Status.PROPOSED if propose else Commitment.Status.IN_EFFECT,
            created_by=user,
        )
        commitment.full_clean()
        commitment.save()
        if not propose:
            partner.package = package
            partner.save(update_fields=["package", "updated_at"])
        audit_record(
            actor=user,
            instance=commitment,
            action="commitment.proposed" if propose else "commitment.recorded",
            changes={"package": [_code(commitment.previous_package), package.code]},
            group=partner_group(partner),
        )
    return commitment


def commitment_decide(*, commitment: Commitment, user, accept: bool) -> Commitment:
    """Staff accept (it comes into effect now) or decline a proposed commitment."""
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=commitment.partner_id)
        commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if commitment.status != Commitment.Status.PROPOSED:
            raise ValidationError(_("This proposal has already been decided."))
        commitment.decided_by = user
        commitment.decided_at = timezone.now()
        if accept:
            commitment.status = Commitment.Status.IN_EFFECT
            commitment.previous_package = partner.package
            partner.package = commitment.package
            partner.save(update_fields=["package", "updated_at"])
        else:
            commitment.status = Commitment.Status.DECLINED
        commitment.save()
        audit_record(
            actor=user,
            instance=commitment,
            action="commitment.accepted" if accept else "commitment.declined",
            changes={"status": [Commitment.Status.PROPOSED, commitment.status]},
            group=partner_group(partner),
        )
    return commitment


def _code(package: Package | None) -> str:
    return package.code if package else ""


# --- AVK team, contact person, delegates -----------------------------------------------


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
            group=partner_group(locked),
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
            group=partner_group(locked),
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
            group=partner_group(locked),
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
            group=partner_group(locked),
        )


def partner_group(partner: Partner) -> str:
    return f"partner:{partner.pk}"
