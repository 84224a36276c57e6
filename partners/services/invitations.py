import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from avk.emails import mail_queue
from avk.links import absolute_reverse
from partners.models import (
    Invitation,
    Partner,
    PartnerMembership,
    Person,
)

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
        link = absolute_reverse("partners:invitation_accept", token)
        language = settings.LANGUAGE_CODE
        with translation.override(language):
            expires = formats.date_format(timezone.localtime(invitation.expires_at), "j F Y")
        # Through the outbox: a mail server or queue that is down delays the mail, never
        # loses it or breaks the page. The link's token is blanked on the row once sent.
        mail_queue(
            key=f"invitation:{invitation.pk}",
            to=email,
            name="invitation",
            language=language,
            context={
                "invitation": {
                    "name": name,
                    "partner": {"name": partner.name} if partner else None,
                    "expires": expires,
                },
                "inviter": str(invited_by),
                "link": link,
            },
            forget_after_sending=("link",),
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
