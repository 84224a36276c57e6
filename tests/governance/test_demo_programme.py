"""The demo's programme organisation: the penvoerder history, the roles filled with demo
people, and one adopted decision with a review due soon."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from governance.models import DecisionReview, ProgrammeRole, RoleTerm
from governance.selectors.programme import penvoerder_history, programme_organisation
from governance.services.reviews import decision_review_remind


def test_the_demo_fills_the_programme_roles_and_plans_a_review(db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115  idempotent
    assert [t.partner.name for t in penvoerder_history()] == ["CMO STAMM", "Zorg Innovatie Forum"]
    organisation = programme_organisation()
    assert organisation.penvoerder.partner.name == "CMO STAMM"
    assert organisation.manager.person.name == "Saskia Duursma"
    support = dict(organisation.support)
    assert support[ProgrammeRole.SECRETARY.label].person.partner.name == "CMO STAMM"
    assert all(term is not None for term in support.values())
    assert len(organisation.effort_leads) == 3
    assert RoleTerm.objects.count() == 10

    review = DecisionReview.objects.get()
    assert review.is_open
    assert review.review_on <= timezone.localdate() + datetime.timedelta(days=14)
    assert review.decision.number.startswith("DB-")
    assert decision_review_remind() == 1
