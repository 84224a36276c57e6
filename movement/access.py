"""Who may see or change what in the movement app."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from avk.access import is_staff
from avk.forms import parse_id
from movement.models import Course, CourseSignup, Pilot, PilotSignup
from movement.selectors.learning import public_course
from movement.selectors.pilots import public_pilot
from partners.models import Partner

# --- stakeholders
# The stakeholder picture is the programme team's own judgement of the partners: staff read
# and record it; everyone else gets 403, for every partner alike (so an id reveals nothing).


def get_partner_for_stakeholders(user, pk) -> Partner:
    """A partner whose place in the movement `user` may read and record: staff only (403),
    an unknown partner 404."""
    if not is_staff(user):
        raise PermissionDenied
    return get_object_or_404(Partner, pk=pk)


# --- end of stakeholders


# --- pilots


def get_public_pilot(user, pk) -> Pilot:
    """A pilot's public page: open and closed pilots for everyone (no login); a draft
    only for staff; 404 otherwise."""
    pilot = public_pilot(pk, drafts=is_staff(user)) if parse_id(pk) else None
    if pilot is None:
        raise Http404
    return pilot


def get_pilot_for_staff(user, pk) -> Pilot:
    """A pilot to manage: 403 for anyone but staff, 404 when it does not exist."""
    if not is_staff(user):
        raise PermissionDenied
    pilot = Pilot.objects.filter(pk=pk).first() if parse_id(pk) else None
    if pilot is None:
        raise Http404
    return pilot


def get_pilot_signup_for_staff(user, pk) -> PilotSignup:
    """A sign-up to decide on: staff only (403), 404 when it does not exist."""
    if not is_staff(user):
        raise PermissionDenied
    signup = (
        PilotSignup.objects.select_related("pilot").filter(pk=pk).first() if parse_id(pk) else None
    )
    if signup is None:
        raise Http404
    return signup


# --- pilots end


# --- learning


def get_public_course(user, pk) -> Course:
    """A course's public page: open and closed ones for everyone (no login); a draft only
    for staff; 404 otherwise."""
    course = public_course(pk, drafts=is_staff(user)) if parse_id(pk) else None
    if course is None:
        raise Http404
    return course


def get_course_for_staff(user, pk) -> Course:
    """A course to manage: 403 for anyone but staff, 404 when it does not exist."""
    if not is_staff(user):
        raise PermissionDenied
    course = Course.objects.filter(pk=pk).first() if parse_id(pk) else None
    if course is None:
        raise Http404
    return course


def get_course_signup_for_staff(user, pk) -> CourseSignup:
    """A sign-up for a course to decide on: staff only (403), 404 when it does not exist."""
    if not is_staff(user):
        raise PermissionDenied
    signup = (
        CourseSignup.objects.select_related("course").filter(pk=pk).first()
        if parse_id(pk)
        else None
    )
    if signup is None:
        raise Http404
    return signup


def can_see_team_learning(user, partner: Partner) -> bool:
    """Who of a partner's AVK team took part in the learning offer names people: staff and
    the partner's own people with a login (editors or not) see it; nobody else."""
    if is_staff(user):
        return True
    return user.is_authenticated and user.partner_memberships.filter(partner=partner).exists()


# --- learning end


# --- mornings
# The open mornings are public (planned, cancelled and past alike); managing them and
# seeing who comes is for staff only (403 for everyone else, before any lookup).
# isort: split
from movement.models import MorningSignup, TeamMorning  # noqa: E402
from movement.selectors.mornings import public_morning  # noqa: E402


def get_public_morning(pk) -> TeamMorning:
    """A morning's public page, for everyone (no login); 404 for an unknown id."""
    morning = public_morning(pk) if parse_id(pk) else None
    if morning is None:
        raise Http404
    return morning


def get_morning_for_staff(user, pk) -> TeamMorning:
    """A morning to manage: 403 for anyone but staff, 404 when it does not exist."""
    if not is_staff(user):
        raise PermissionDenied
    morning = (
        TeamMorning.objects.select_related("host").filter(pk=pk).first() if parse_id(pk) else None
    )
    if morning is None:
        raise Http404
    return morning


def get_morning_signup_for_staff(user, pk) -> MorningSignup:
    """A sign-up for a morning to decide on: staff only (403), 404 when it does not exist."""
    if not is_staff(user):
        raise PermissionDenied
    signup = (
        MorningSignup.objects.select_related("morning").filter(pk=pk).first()
        if parse_id(pk)
        else None
    )
    if signup is None:
        raise Http404
    return signup


# --- mornings end
