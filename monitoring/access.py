"""Who may see and do what in the monitoring app.

Stories (experiences) of the people the programme is for:

- Staff see every story, write and edit them, record and withdraw consent.
- Beyond staff a story is shown only when an experience expert approved it AND its consent
  covers the reader. The consent that counts is the newest one given on or before today;
  it covers the reader when it is not withdrawn, has not ended, and its scope reaches them
  (partners: everyone logged in; public: also visitors; internal: staff only). So a
  withdrawal, or a newer and narrower consent, hides the story on the next request.
- A partner's editor submits stories for their own organisation and follows them (with their
  review status) while the consent stands, approved or not.
- The reviewers are the people with a current seat in the experience experts' body
  (Body.Kind.ED_MEDEZEGGENSCHAP), as chair, member or experience expert: its secretary and
  advisers support the body but do not speak for it, and staff cannot approve in its place.
  They read the stories whose consent reaches beyond staff, to review them.
- Spotlights are kept by staff; a spotlight of a story is shown only to who may read it.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from avk.access import is_staff
from governance.models import Body, Seat
from monitoring.models import Consent, Experience, Indicator
from monitoring.models.indicators import Visibility
from partners.access import editable_partner_ids
from partners.models import PartnerMembership, Person

REVIEWER_ROLES = (Seat.Role.CHAIR, Seat.Role.MEMBER, Seat.Role.EXPERIENCE_EXPERT)
BEYOND_STAFF = (Visibility.PARTNERS, Visibility.PUBLIC)


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def with_current_consent(experiences: QuerySet, today: datetime.date) -> QuerySet:
    """Annotate `current_consent_id`: the newest consent given on or before `today`."""
    newest = Consent.objects.filter(experience=OuterRef("pk"), given_on__lte=today).order_by(
        "-given_on", "-id"
    )
    return experiences.annotate(current_consent_id=Subquery(newest.values("pk")[:1]))


def consent_covers(scopes, today: datetime.date) -> Exists:
    """The experience's current consent (see with_current_consent) stands and reaches `scopes`."""
    return Exists(
        Consent.objects.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today),
            pk=OuterRef("current_consent_id"),
            withdrawn_at__isnull=True,
            scope__in=scopes,
        )
    )


def reviews_stories(seats) -> bool:
    """Whether someone with these current seats (body loaded) reviews stories: the same rule
    as reviewer_of(), without a query when the seats are at hand."""
    return any(
        seat.body.kind == Body.Kind.ED_MEDEZEGGENSCHAP and seat.role in REVIEWER_ROLES
        for seat in seats
    )


def reviewer_of(user, today: datetime.date | None = None) -> Person | None:
    """The person through whom `user` reviews stories (a current seat in the experience
    experts' body, in a speaking role), or None (one query)."""
    if not user.is_authenticated:
        return None
    seats = Seat.objects.current(_today(today)).filter(
        body__kind=Body.Kind.ED_MEDEZEGGENSCHAP, role__in=REVIEWER_ROLES, person__user=user
    )
    return Person.objects.filter(Exists(seats.filter(person=OuterRef("pk")))).first()


def public_experiences(today: datetime.date | None = None) -> QuerySet[Experience]:
    """Stories anyone may read, logged in or not: approved, with a public consent."""
    today = _today(today)
    return with_current_consent(Experience.objects.all(), today).filter(
        consent_covers([Visibility.PUBLIC], today), review=Experience.Review.APPROVED
    )


def experiences_visible_to(user, today: datetime.date | None = None) -> QuerySet[Experience]:
    """Every story `user` may read today: the one rule for pages, dashboard and PDF."""
    today = _today(today)
    experiences = with_current_consent(Experience.objects.all(), today)
    if is_staff(user):
        return experiences
    if not user.is_authenticated:
        return public_experiences(today)
    visible = Q(consent_covers(BEYOND_STAFF, today), review=Experience.Review.APPROVED)
    if reviewer_of(user, today):
        visible |= Q(pk__in=reviewable_experiences(today).values("pk"))
    own = submitted_by_own_partner(user)
    if own is not None:
        visible |= Q(own, consent_covers(Visibility.values, today))
    return experiences.filter(visible)


def submitted_by_own_partner(user) -> Exists | None:
    """Stories submitted by someone of a partner that `user` edits (None: edits none)."""
    partner_ids = editable_partner_ids(user)
    if not partner_ids:
        return None
    return Exists(
        PartnerMembership.objects.filter(
            user=OuterRef("submitted_by"), partner=OuterRef("partner"), partner__in=partner_ids
        )
    )


def get_experience_for_user(user, pk, *, write: bool = False) -> Experience:
    """A story the user may read (404 otherwise); with write=True, staff only (403)."""
    experiences = experiences_visible_to(user).select_related(
        "municipality", "partner", "effort__plan", "indicator", "reviewed_by"
    )
    experience = get_object_or_404(experiences, pk=pk)
    if write and not is_staff(user):
        raise PermissionDenied
    return experience


def can_submit_experiences(user) -> bool:
    """Staff, and the editors of a partner (for their own organisation)."""
    return is_staff(user) or bool(editable_partner_ids(user))


def get_experience_for_review(user, pk) -> tuple[Experience, Person]:
    """A story under review and the reviewer: 403 for anyone outside the experience experts'
    body (staff too), 404 for a story whose consent does not reach beyond staff."""
    reviewer = reviewer_of(user)
    if reviewer is None:
        raise PermissionDenied
    experiences = reviewable_experiences().select_related("municipality", "partner")
    return get_object_or_404(experiences, pk=pk), reviewer


def reviewable_experiences(today: datetime.date | None = None) -> QuerySet[Experience]:
    """The stories the experience experts review: those whose consent reaches beyond staff
    (a story for staff only needs no review)."""
    today = _today(today)
    return with_current_consent(Experience.objects.all(), today).filter(
        consent_covers(BEYOND_STAFF, today)
    )


# --- indicators ----------------------------------------------------------------------------
# Staff write indicators, measurements, targets, stories and effort links. Who may read an
# indicator (with everything on its page) follows its visibility: internal → staff only,
# partners → everyone logged in, public → also people who are not logged in.


def visibilities_for(user) -> list[str]:
    if is_staff(user):
        return list(Visibility.values)
    if user.is_authenticated:
        return [Visibility.PARTNERS, Visibility.PUBLIC]
    return [Visibility.PUBLIC]


def indicators_visible_to(user) -> QuerySet[Indicator]:
    """The indicators the user may read, in their order."""
    return Indicator.objects.filter(visibility__in=visibilities_for(user))


def get_indicator_for_user(user, pk, *, write: bool = False) -> Indicator:
    """An indicator the user may read (404 otherwise); with write=True, one they may change
    (staff; 403 for others who may read it)."""
    indicator = get_object_or_404(indicators_visible_to(user), pk=pk)
    if write and not is_staff(user):
        raise PermissionDenied
    return indicator


# --- end of indicators ---------------------------------------------------------------------
