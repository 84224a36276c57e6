"""The rules every public sign-up shares: double opt-in, places and the waiting list,
staff's decisions, withdrawing (AVG) and the expiry of unconfirmed sign-ups.

A sign-up is made unconfirmed and its person gets a mail with a confirmation link that
holds a random secret; only its SHA-256 is stored. Confirming decides the place: while the
offer has free places a confirmed sign-up takes one (first come, first served), after that
it goes on the waiting list. The offer's row is locked (select_for_update) and the places
are counted in the database inside that lock, so two confirmations at the same moment can
never fill a place twice. Every lock takes the offer first and the sign-up second, in the
same order everywhere, so two of these services never wait on each other.

Withdrawing is for the person themselves, through the link in every mail. A confirmed
sign-up is anonymised: every personal field is blanked and its links stop working; the
row stays (as status "withdrawn") so the counts of how many signed up stay true and the
audit trail points at a row. An unconfirmed one never counted, so it is deleted. Either
way the mails of the sign-up (with its address) are deleted from the outbox, and a place
that comes free goes to the first on the waiting list, who is told by mail.

Personal data is kept only as long as needed: once the offer ended longer ago than
settings.AVK_SIGNUP_RETENTION_DAYS, what the person typed in is deleted in the same way
(beat, daily); the status stays, so the counts stay true.

The secrets of the links are in movement.services.signup_links, the mails in
movement.services.signup_mails.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.links import absolute_reverse
from movement.models import SignupStatus
from movement.models.signups import PERSONAL_FIELDS
from movement.selectors.signups import places_taken
from movement.services.readers import reader_join
from movement.services.signup_links import signup_for_token, signup_for_withdraw_token, token_hash
from movement.services.signup_mails import mails_forget, signup_notify, status_notify

# An unconfirmed sign-up is removed after this many days (movement.tasks).
CONFIRM_DAYS = 7


class Decision:
    """What staff may decide about a confirmed sign-up."""

    ACCEPT = "accept"
    WAITLIST = "waitlist"
    DECLINE = "decline"
    CHOICES = (ACCEPT, WAITLIST, DECLINE)


_DECIDED_STATUS = {
    Decision.ACCEPT: SignupStatus.ACCEPTED,
    Decision.WAITLIST: SignupStatus.WAITLISTED,
    Decision.DECLINE: SignupStatus.DECLINED,
}

# The outcomes of a click on a confirmation link (the page says which).
CONFIRM_UNKNOWN = "unknown"  # no such link: forged, mistyped, withdrawn or removed
CONFIRM_EXPIRED = "expired"
CONFIRM_CLOSED = "closed"  # the offer stopped taking sign-ups before the person confirmed
CONFIRM_DUPLICATE = "duplicate"  # this address had already confirmed for the offer
CONFIRM_ALREADY = "already"  # the link was used before: nothing changes


def is_expired(signup, now=None) -> bool:
    """An unconfirmed sign-up older than CONFIRM_DAYS no longer counts (and is removed)."""
    now = now or timezone.now()
    return signup.status == SignupStatus.UNCONFIRMED and signup.created_at <= now - (
        datetime.timedelta(days=CONFIRM_DAYS)
    )


def _audit(signup, action: str, actor=None, changes=None) -> None:
    offer = signup.offer
    audit_record(
        actor=actor,
        instance=signup,
        action=action,
        changes=changes or {},
        group=audit_group(offer._meta.model_name, offer.pk),
    )


def _locked(signup):
    """Lock the offer, then the sign-up (always in this order); both re-read."""
    offer_model = type(signup)._meta.get_field(signup.offer_field).related_model
    offer = offer_model.objects.select_for_update().get(pk=signup.offer_id)
    # No ordering: the model's default one joins the offer, and FOR UPDATE would lock the
    # joined row too. Only the offer's own lock above serialises who takes a place.
    locked = type(signup).objects.select_for_update().filter(pk=signup.pk).order_by().first()
    if locked is not None:
        setattr(locked, signup.offer_field, offer)
    return offer, locked


def signup_create(
    *,
    model,
    offer,
    name: str,
    email: str,
    consent: bool,
    organisation: str = "",
    municipality=None,
    municipality_text: str = "",
    motivation: str = "",
    joins_network: bool = False,
    extra_fields: dict | None = None,
    now=None,
    confirmation_mail: bool = True,
):
    """Sign someone up for `offer` (unconfirmed) and mail them the confirmation link.

    `joins_network`: they also asked for the newsletter (they become a reader once they
    confirm). `extra_fields`: values of the concrete model's own fields (e.g. a pilot
    sign-up's mailing).

    Consent to be contacted is required; the offer must take sign-ups. An earlier
    unconfirmed sign-up of the same address for the same offer is replaced (its link stops
    working). Returns the sign-up and the secret of its confirmation link. Raises
    ValidationError and saves nothing for anything refused.

    `confirmation_mail=False` is for an address the caller has seen verified already (a
    logged-in person's own address): no mail is sent, and the caller confirms the sign-up
    at once with the returned secret (signup_confirm), in the same transaction.
    """
    if not consent:
        raise ValidationError(
            {"consent": _("Tick the box: we can only sign you up if we may contact you.")}
        )
    if not offer.takes_signups:
        raise ValidationError(_("Sign-ups for this are closed."))
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    signup = model(
        **{model.offer_field: offer},
        name=(name or "").strip(),
        email=(email or "").strip().lower(),
        organisation=(organisation or "").strip(),
        municipality=municipality,
        municipality_text="" if municipality else (municipality_text or "").strip(),
        motivation=(motivation or "").strip(),
        joins_network=bool(joins_network),
        consented_at=now,
        token_hash=token_hash(token),
        **(extra_fields or {}),
    )
    signup.full_clean(validate_constraints=False)
    with transaction.atomic():
        earlier = model.objects.filter(
            **{model.offer_field: offer},
            email=signup.email,
            status=SignupStatus.UNCONFIRMED,
        )
        mails_forget(list(earlier))
        earlier.delete()
        signup.save()
        if not confirmation_mail:
            return signup, token
        signup_notify(
            signup=signup,
            template="signup_confirm",
            what="confirm",
            extra={
                "confirm_link": absolute_reverse(signup.confirm_url_name, token),
                "days": CONFIRM_DAYS,
            },
        )
    return signup, token


def signup_confirm(*, model, token: str, now=None) -> tuple[str, object]:
    """Confirm the address of the sign-up whose link holds `token`, and give it its place.

    Returns (outcome, sign-up): the new status (registered, or waitlisted when the offer
    is full), or CONFIRM_ALREADY for a link used before (nothing changes), or
    CONFIRM_UNKNOWN / CONFIRM_EXPIRED / CONFIRM_CLOSED / CONFIRM_DUPLICATE, which change
    nothing either (a duplicate is removed: the address already has its sign-up).
    """
    now = now or timezone.now()
    found = signup_for_token(model, token)
    if found is None:
        return CONFIRM_UNKNOWN, None
    with transaction.atomic():
        offer, signup = _locked(found)
        if signup is None or signup.token_hash != token_hash(token):
            return CONFIRM_UNKNOWN, None
        if signup.status != SignupStatus.UNCONFIRMED:
            return CONFIRM_ALREADY, signup
        if is_expired(signup, now):
            return CONFIRM_EXPIRED, signup
        if not offer.takes_signups:
            return CONFIRM_CLOSED, signup
        twin = (
            model.objects.filter(**{model.offer_field: offer}, email=signup.email)
            .exclude(status__in=[SignupStatus.UNCONFIRMED, SignupStatus.WITHDRAWN])
            .exists()
        )
        if twin:
            mails_forget([signup])
            signup.delete()
            return CONFIRM_DUPLICATE, None
        # Counted inside the offer's lock: a racing confirmation waits for this one.
        full = places_taken(offer) >= offer.capacity
        signup.status = SignupStatus.WAITLISTED if full else SignupStatus.REGISTERED
        signup.confirmed_at = now
        signup.decided_at = now
        signup.queued_at = now if full else None
        signup.save(update_fields=["status", "confirmed_at", "decided_at", "queued_at"])
        _audit(signup, "signup.confirmed", changes={"status": ["unconfirmed", signup.status]})
        status_notify(signup)
        if signup.joins_network:
            reader_join(
                email=signup.email,
                name=signup.name,
                source=_("Sign-up: %(title)s") % {"title": offer.title},
                consented_on=timezone.localdate(now),
            )
    return str(signup.status), signup


def signup_decide(*, signup, decision: str, actor) -> object:
    """Staff accept, wait-list or decline a confirmed sign-up; the person gets a mail.

    Accepting needs a free place unless the sign-up holds one already (never an over-full
    offer); wait-listing puts it at the end of the waiting list; declining a sign-up that
    held a place gives that place to the first on the waiting list. The same decision
    again changes nothing. Raises ValidationError for what cannot be decided.
    """
    if decision not in Decision.CHOICES:
        raise ValidationError(_("Choose accept, waiting list or decline."))
    now = timezone.now()
    with transaction.atomic():
        offer, signup = _locked(signup)
        if signup is None or signup.status in (SignupStatus.UNCONFIRMED, SignupStatus.WITHDRAWN):
            raise ValidationError(_("Only a confirmed sign-up can be accepted or declined."))
        if signup.is_forgotten:
            raise ValidationError(
                _(
                    "The details of this sign-up were deleted after the retention period: "
                    "there is nothing to decide."
                )
            )
        new_status = _DECIDED_STATUS[decision]
        if signup.status == new_status:
            return signup
        if (
            new_status == SignupStatus.ACCEPTED
            and not signup.holds_place
            and places_taken(offer) >= offer.capacity
        ):
            raise ValidationError(
                _("There is no free place. Decline someone or put them on the waiting list first.")
            )
        held = signup.holds_place
        old = signup.status
        signup.status = new_status
        signup.decided_at = now
        signup.queued_at = now if new_status == SignupStatus.WAITLISTED else None
        signup.save(update_fields=["status", "decided_at", "queued_at"])
        _audit(signup, f"signup.{decision}", actor, {"status": [old, new_status]})
        status_notify(signup)
        if held and new_status == SignupStatus.DECLINED:
            _fill_free_places(offer, now)
    return signup


def signup_withdraw(*, model, token: str) -> bool:
    """The person withdraws through the link in a mail: their data is deleted (see the
    module's docstring) and a place they held goes to the first on the waiting list.
    Returns False for a forged or used link (nothing happens)."""
    found = signup_for_withdraw_token(model, token)
    if found is None:
        return False
    now = timezone.now()
    with transaction.atomic():
        offer, signup = _locked(found)
        if signup is None or signup.token_hash is None:
            return False
        held = signup.holds_place
        mails_forget([signup])
        if signup.status == SignupStatus.UNCONFIRMED:
            signup.delete()
            return True
        old = signup.status
        for name, blank in PERSONAL_FIELDS.items():
            setattr(signup, name, blank)
        signup.status = SignupStatus.WITHDRAWN
        signup.queued_at = None
        signup.decided_at = now
        signup.save()
        _audit(signup, "signup.withdrawn", changes={"status": [old, signup.status]})
        if held:
            _fill_free_places(offer, now)
    return True


def signups_expire(*, model, now=None) -> int:
    """Remove the sign-ups left unconfirmed for CONFIRM_DAYS, with their mails.

    Idempotent: what is gone stays gone. Returns how many were removed.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=CONFIRM_DAYS)
    with transaction.atomic():
        stale = list(model.objects.filter(status=SignupStatus.UNCONFIRMED, created_at__lte=cutoff))
        mails_forget(stale)
        model.objects.filter(pk__in=[s.pk for s in stale]).delete()
    return len(stale)


def signups_forget_ended(*, model, today=None, days: int | None = None) -> int:
    """Delete the personal data of `model`'s sign-ups whose offer ended more than `days`
    (settings.AVK_SIGNUP_RETENTION_DAYS) ago, with their mails: the fields of
    PERSONAL_FIELDS are blanked (their links stop working), the status stays. An
    unconfirmed one never counted and is removed. One audit entry per offer, without
    an actor. Idempotent. Returns how many sign-ups were forgotten or removed."""
    today = today or timezone.localdate()
    days = settings.AVK_SIGNUP_RETENTION_DAYS if days is None else days
    cutoff = today - datetime.timedelta(days=days)
    ended = model.objects.filter(**{f"{model.offer_end_lookup}__lt": cutoff}).exclude(
        token_hash=None
    )
    with transaction.atomic():
        found = list(ended.select_for_update(of=("self",)).order_by("pk"))
        if not found:
            return 0
        mails_forget(found)
        pks = [signup.pk for signup in found]
        model.objects.filter(pk__in=pks, status=SignupStatus.UNCONFIRMED).delete()
        model.objects.filter(pk__in=pks).update(**PERSONAL_FIELDS)
        per_offer: dict = {}
        for signup in found:
            per_offer.setdefault(signup.offer_id, []).append(signup)
        offer_model = model._meta.get_field(model.offer_field).related_model
        for offer in offer_model.objects.filter(pk__in=per_offer).order_by("pk"):
            audit_record(
                actor=None,
                instance=offer,
                action="signups.forgotten",
                changes={"forgotten": len(per_offer[offer.pk])},
                group=audit_group(offer._meta.model_name, offer.pk),
            )
    return len(found)


def signups_fill(*, offer) -> list:
    """Give the free places of `offer` to the waiting list (e.g. after staff add places)."""
    with transaction.atomic():
        offer = type(offer).objects.select_for_update().get(pk=offer.pk)
        return _fill_free_places(offer, timezone.now())


def _fill_free_places(offer, now) -> list:
    """Inside the offer's lock: the first on the waiting list move up while places are free."""
    free = offer.capacity - places_taken(offer)
    if free <= 0:
        return []
    moved = list(
        offer.signups.select_for_update()
        .filter(status=SignupStatus.WAITLISTED)
        .order_by("queued_at", "pk")[:free]
    )
    for signup in moved:
        signup.status = SignupStatus.REGISTERED
        signup.decided_at = now
        signup.queued_at = None
        signup.save(update_fields=["status", "decided_at", "queued_at"])
        _audit(signup, "signup.moved_up", changes={"status": ["waitlisted", "registered"]})
        status_notify(signup, moved_up=True)
    return moved
