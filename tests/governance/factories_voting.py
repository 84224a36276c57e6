"""Factories and helpers of the voting tests: voters with a seat and MFA, a memo in voting."""

from allauth.mfa.models import Authenticator

from governance.models import Seat
from tests.factories import PersonFactory, SeatFactory, UserFactory
from tests.governance.factories import ProposedDecisionFactory, VotingMemoFactory


def with_mfa(user):
    """Give the user a TOTP authenticator (what allauth stores after set-up)."""
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}}
    )
    return user


def voter(body, *, role=Seat.Role.MEMBER, mfa=True, email=None, name=None):
    """A user holding a current seat of `body` (with MFA unless mfa=False)."""
    user = UserFactory(**({"email": email} if email else {}))
    person = PersonFactory(email=user.email, user=user, **({"name": name} if name else {}))
    SeatFactory(person=person, body=body, role=role)
    return with_mfa(user) if mfa else user


def voting_memo(body, *, decisions=("approve",), **kwargs):
    """A memo of `body` in voting, with proposed decisions of the given kinds, in order."""
    memo = VotingMemoFactory(body=body, **kwargs)
    for order, kind in enumerate(decisions):
        ProposedDecisionFactory(memo=memo, order=order, kind=kind)
    return memo
