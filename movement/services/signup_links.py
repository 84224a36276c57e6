"""The secrets in a sign-up's links, shared by every kind of sign-up.

The confirmation link holds a random secret; only its SHA-256 is stored on the sign-up.
The withdraw link holds the sign-up's id and a keyed hash of that stored hash, so every
mail can carry it without the raw secret being kept, and it stops working once the
sign-up is withdrawn (the stored hash is cleared).
"""

import hashlib

from django.utils.crypto import constant_time_compare, salted_hmac


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def withdraw_token(signup) -> str:
    """The secret of a sign-up's withdraw link."""
    return f"{signup.pk}-{_withdraw_mac(signup)}"


def _withdraw_mac(signup) -> str:
    salt = f"movement.signups.withdraw.{signup._meta.label_lower}"
    return salted_hmac(salt, signup.token_hash or "").hexdigest()[:32]


def signup_for_withdraw_token(model, token: str):
    """The sign-up of a withdraw link, or None for a forged or used one."""
    pk, _dash, mac = (token or "").partition("-")
    if not pk.isdigit() or len(pk) > 18 or not mac:
        return None
    signup = model.objects.filter(pk=int(pk), token_hash__isnull=False).first()
    if signup is None or not constant_time_compare(_withdraw_mac(signup), mac):
        return None
    return signup


def signup_for_token(model, token: str):
    """The sign-up of a confirmation link, or None."""
    return model.objects.filter(token_hash=token_hash(token or "")).first()
