"""The demo stories and spotlights: anonymous, clearly demo, one public and approved by an
experience expert of the ED body, one waiting, one withdrawn; two spotlights, one public."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command

from governance.models import Body, Seat
from monitoring.access import experiences_visible_to, public_experiences
from monitoring.models import Consent, Experience, Spotlight
from monitoring.selectors.experiences import review_queue
from monitoring.selectors.spotlights import public_spotlights, spotlights_for

TODAY = datetime.date(2026, 1, 15)


def test_demo_stories_and_spotlights(db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = [Experience.objects.count(), Consent.objects.count(), Spotlight.objects.count()]
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [Experience.objects.count(), Consent.objects.count(), Spotlight.objects.count()] == (
        first
    )
    assert first[0] >= 3 and first[2] == 2
    experiences = Experience.objects.all()
    assert all(e.is_anonymous and e.title.startswith("Voorbeeld") for e in experiences)
    public = list(public_experiences(TODAY))
    assert len(public) == 1
    reviewer = public[0].reviewed_by
    assert Seat.objects.current(TODAY).filter(
        person=reviewer, body__kind=Body.Kind.ED_MEDEZEGGENSCHAP
    )
    assert reviewer.name == "Lineke"
    assert review_queue(TODAY).count() == 1
    assert Consent.objects.filter(withdrawn_at__isnull=False).count() == 1
    staff = get_user_model().objects.get(email="programmaleider@avk.example")
    assert len(spotlights_for(staff, TODAY)) == 2
    assert len(public_spotlights(TODAY)) == 1
    assert experiences_visible_to(staff, TODAY).count() == first[0]
