"""Notification preferences: per person and per kind of mail, at once, in a digest, or off.

avk knows no domain word: each app registers the kinds of mail it sends from its
AppConfig.ready() with `kind_register("votes", _("Votes"), ...)`, and passes the key when
it queues such a mail (`mail_queue(..., user=..., kind="votes")`). A mail without a kind
(an invitation, a password reset, a security notice) cannot be switched off.

The one-click unsubscribe link of a mail is a signed token (django.core.signing, salt
UNSUBSCRIBE_SALT) holding the user's pk and the kinds; it expires after
UNSUBSCRIBE_MAX_AGE_DAYS. It works without logging in; a forged, expired or other
person's token changes nothing.
"""

from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.urls import reverse

from avk.audit import audit_group, audit_record
from avk.links import absolute_url
from avk.models import NotificationPreference

Mode = NotificationPreference.Mode
HELD_MODES = (Mode.DAILY, Mode.WEEKLY)
UNSUBSCRIBE_SALT = "avk.notifications.unsubscribe"
UNSUBSCRIBE_MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    help_text: str
    order: int


_KINDS: dict[str, Kind] = {}


def kind_register(key: str, label, help_text, *, order: int) -> None:
    """Register a kind of mail people can tune (called from an app's ready())."""
    _KINDS[key] = Kind(key=key, label=label, help_text=help_text, order=order)


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.key))


def kind_get(key: str) -> Kind | None:
    return _KINDS.get(key)


# --- reads ---------------------------------------------------------------------------


def preferences_of(user) -> dict[str, str]:
    """Every registered kind -> the user's mode (one query)."""
    stored = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "mode"))
    return {kind.key: stored.get(kind.key, Mode.NOW) for kind in kinds()}


def modes_for(user_ids, kind: str) -> dict[int, str]:
    """user pk -> mode for one kind, for many users in one query; absent means NOW."""
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    return dict(
        NotificationPreference.objects.filter(kind=kind, user_id__in=user_ids).values_list(
            "user_id", "mode"
        )
    )


# --- writes --------------------------------------------------------------------------


def preferences_set(*, user, modes: dict[str, str], actor=None) -> list[str]:
    """Store the user's mode per kind; returns the kinds that changed. Unknown kinds and
    modes are refused with ValueError (the form checks them first)."""
    for kind, mode in modes.items():
        if kind not in _KINDS or mode not in Mode.values:
            raise ValueError(f"unknown kind or mode: {kind!r} {mode!r}")
    changed = []
    with transaction.atomic():
        current = {
            p.kind: p
            for p in NotificationPreference.objects.select_for_update().filter(
                user=user, kind__in=list(modes)
            )
        }
        for kind, mode in modes.items():
            pref = current.get(kind)
            old = pref.mode if pref else Mode.NOW
            if old == mode:
                continue
            if pref is None:
                pref = NotificationPreference.objects.create(user=user, kind=kind, mode=mode)
            else:
                pref.mode = mode
                pref.save(update_fields=["mode", "updated_at"])
            audit_record(
                actor=actor if actor is not None else user,
                instance=pref,
                action="notification_preference.changed",
                changes={"mode": [old, mode]},
                group=audit_group("user", user.pk),
            )
            changed.append(kind)
    return changed


# --- the one-click unsubscribe token -------------------------------------------------


def unsubscribe_token(user_pk: int, kinds_: list[str] | tuple[str, ...]) -> str:
    return signing.dumps({"u": user_pk, "k": sorted(set(kinds_))}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user_pk: int, kinds_) -> str:
    token = unsubscribe_token(user_pk, kinds_)
    return absolute_url(reverse("notification_unsubscribe", args=[token]))


class TokenInvalid(Exception):
    """Forged, expired, or naming a kind or person that no longer exists."""


def unsubscribe_read(token: str, *, max_age_days: int | None = None) -> tuple[int, list[str]]:
    """The (user pk, kinds) a token was made for; TokenInvalid when it is not one of ours,
    has expired, or names no known kind."""
    days = UNSUBSCRIBE_MAX_AGE_DAYS if max_age_days is None else max_age_days
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=days * 24 * 60 * 60)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise TokenInvalid(str(exc)) from exc
    if not isinstance(data, dict):
        raise TokenInvalid("not a token")
    user_pk, keys = data.get("u"), data.get("k")
    if not isinstance(user_pk, int) or not isinstance(keys, list) or not keys:
        raise TokenInvalid("not a token")
    if not all(isinstance(k, str) and k in _KINDS for k in keys):
        raise TokenInvalid("unknown kind")
    return user_pk, keys


def unsubscribe(*, user, kinds_: list[str]) -> list[str]:
    """Switch the kinds off for the user (idempotent); returns those that changed."""
    return preferences_set(user=user, modes=dict.fromkeys(kinds_, Mode.OFF))
