"""The one rule for who may read a story (monitoring.access), as a table of cases, and the
reviewers: who counts as an experience expert of the experience experts' body."""

import datetime
import itertools

import pytest
from django.utils import timezone

from governance.models import Seat
from monitoring.access import experiences_visible_to, public_experiences, reviewer_of
from monitoring.models import Experience
from monitoring.models.indicators import Visibility
from tests.factories import MembershipFactory, UserFactory
from tests.monitoring.factories_experiences import (
    ConsentFactory,
    ExperienceFactory,
    ed_member,
    story,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)
READERS = ["anonymous", "logged_in", "staff"]


def expected(scope, approved, withdrawn, ended, reader) -> bool:
    if reader == "staff":
        return True
    if not approved or withdrawn or ended:
        return False
    if reader == "anonymous":
        return scope == Visibility.PUBLIC
    return scope in (Visibility.PARTNERS, Visibility.PUBLIC)


CASES = list(
    itertools.product(Visibility.values, [True, False], [True, False], [True, False], READERS)
)


def _reader(kind):
    from django.contrib.auth.models import AnonymousUser

    if kind == "anonymous":
        return AnonymousUser()
    return UserFactory(is_staff=kind == "staff")


@pytest.mark.parametrize(
    ("scope", "approved", "withdrawn", "ended", "reader"),
    CASES,
    ids=[
        f"{s}-{'approved' if a else 'waiting'}-{'withdrawn' if w else 'standing'}-"
        f"{'ended' if e else 'running'}-{r}"
        for s, a, w, e, r in CASES
    ],
)
def test_who_may_read_a_story(scope, approved, withdrawn, ended, reader):
    experience = ExperienceFactory(
        review=Experience.Review.APPROVED if approved else Experience.Review.WAITING
    )
    ConsentFactory(
        experience=experience,
        scope=scope,
        given_on=datetime.date(2025, 1, 1),
        ends_on=TODAY - datetime.timedelta(days=1) if ended else None,
        withdrawn_at=timezone.now() if withdrawn else None,
    )
    visible = experiences_visible_to(_reader(reader), TODAY).filter(pk=experience.pk).exists()
    assert visible is expected(scope, approved, withdrawn, ended, reader)
    is_public = public_experiences(TODAY).filter(pk=experience.pk).exists()
    assert is_public is expected(scope, approved, withdrawn, ended, "anonymous")


def test_the_consent_runs_until_its_end_date_included():
    experience = story(scope=Visibility.PARTNERS)
    experience.consents.update(ends_on=TODAY)
    assert experiences_visible_to(UserFactory(), TODAY).filter(pk=experience.pk).exists()
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert not experiences_visible_to(UserFactory(), tomorrow).filter(pk=experience.pk).exists()


def test_a_story_without_consent_or_with_a_future_consent_is_for_staff_only():
    bare = ExperienceFactory()
    future = ExperienceFactory()
    ConsentFactory(experience=future, scope=Visibility.PUBLIC, given_on=TODAY.replace(month=7))
    reader = UserFactory()
    assert not experiences_visible_to(reader, TODAY).filter(pk__in=[bare.pk, future.pk]).exists()
    assert experiences_visible_to(UserFactory(is_staff=True), TODAY).count() == 2


def test_the_newest_consent_counts_so_a_narrower_one_hides_the_story():
    experience = story(scope=Visibility.PUBLIC)
    assert public_experiences(TODAY).filter(pk=experience.pk).exists()
    ConsentFactory(experience=experience, scope=Visibility.INTERNAL, given_on=TODAY)
    assert not public_experiences(TODAY).filter(pk=experience.pk).exists()
    assert not experiences_visible_to(UserFactory(), TODAY).filter(pk=experience.pk).exists()
    # The day before the new consent the old one still counted.
    yesterday = TODAY - datetime.timedelta(days=1)
    assert public_experiences(yesterday).filter(pk=experience.pk).exists()


def test_a_new_consent_after_a_withdrawal_shows_the_story_again():
    experience = story(scope=Visibility.PARTNERS)
    experience.consents.update(withdrawn_at=timezone.now())
    reader = UserFactory()
    assert not experiences_visible_to(reader, TODAY).filter(pk=experience.pk).exists()
    ConsentFactory(experience=experience, scope=Visibility.PARTNERS, given_on=TODAY)
    assert experiences_visible_to(reader, TODAY).filter(pk=experience.pk).exists()


def test_an_editor_follows_the_stories_their_organisation_submitted(editor_a, editor_b, partner_a):
    colleague = MembershipFactory(partner=partner_a, is_editor=False).user
    mine = story(
        scope=Visibility.INTERNAL,
        review=Experience.Review.WAITING,
        partner=partner_a,
        submitted_by=colleague,
    )
    # Written by staff about partner A: not submitted by partner A, so not shown while waiting.
    about_a = story(
        review=Experience.Review.WAITING,
        partner=partner_a,
        submitted_by=UserFactory(is_staff=True),
    )
    assert list(experiences_visible_to(editor_a, TODAY)) == [mine]
    assert not experiences_visible_to(editor_b, TODAY).exists()
    assert not experiences_visible_to(colleague, TODAY).exists()  # not an editor
    # Once the consent is withdrawn, the editor no longer sees it either.
    mine.consents.update(withdrawn_at=timezone.now())
    assert not experiences_visible_to(editor_a, TODAY).exists()
    assert about_a.pk  # (kept for the assertion above)


def test_reviewers_read_what_waits_when_its_consent_reaches_beyond_staff():
    reviewer = ed_member()
    waiting = story(scope=Visibility.PARTNERS, review=Experience.Review.WAITING)
    internal = story(scope=Visibility.INTERNAL, review=Experience.Review.WAITING)
    visible = set(experiences_visible_to(reviewer, TODAY))
    assert waiting in visible
    assert internal not in visible


@pytest.mark.parametrize(
    ("role", "term_end", "is_reviewer"),
    [
        (Seat.Role.EXPERIENCE_EXPERT, None, True),
        (Seat.Role.CHAIR, None, True),
        (Seat.Role.MEMBER, None, True),
        (Seat.Role.SECRETARY, None, False),
        (Seat.Role.ADVISER, None, False),
        (Seat.Role.EXPERIENCE_EXPERT, datetime.date(2025, 1, 1), False),
    ],
)
def test_who_reviews(role, term_end, is_reviewer):
    user = ed_member(role=role, term_end=term_end)
    assert (reviewer_of(user, TODAY) is not None) is is_reviewer


def test_staff_and_other_bodies_experience_experts_do_not_review(staff, db_body):
    from tests.factories import PersonFactory, SeatFactory

    expert = UserFactory()
    SeatFactory(
        person=PersonFactory(user=expert, is_experience_expert=True),
        body=db_body,
        role=Seat.Role.EXPERIENCE_EXPERT,
    )
    assert reviewer_of(staff, TODAY) is None
    assert reviewer_of(expert, TODAY) is None
