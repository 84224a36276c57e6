import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Seat
from tests.factories import BodyFactory, PartnerFactory, PersonFactory, SeatFactory


def test_anonymous_visitors_get_the_public_welcome(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.templates[0].name == "monitoring/welcome.html"
    assert reverse("account_login").encode() in response.content


def test_staff_see_the_programme_and_bodies_without_experience_expert(
    client, staff, db_body, partner_a
):
    client.force_login(staff)
    response = client.get(reverse("home"))
    assert response.context["is_staff"]
    assert response.context["partner_count"] == 1
    assert response.context["bodies_without_experience_expert"] == [db_body]
    assert reverse("partners:invitation_list").encode() in response.content


def test_editor_sees_their_organisation(client, editor_a, partner_a):
    client.force_login(editor_a)
    response = client.get(reverse("home"))
    assert not response.context["is_staff"]
    assert [m.partner for m in response.context["memberships"]] == [partner_a]
    assert reverse("partners:partner_detail", args=[partner_a.pk]).encode() in response.content
    assert reverse("partners:invitation_list").encode() not in response.content


def test_seat_holder_sees_their_seats(client, db_member, db_body):
    client.force_login(db_member)
    response = client.get(reverse("home"))
    assert [s.body for s in response.context["seats"]] == [db_body]


def test_outsider_is_told_how_to_get_linked(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("home"))
    assert response.context["has_role"] is False


def test_dashboard_query_count_does_not_grow(client, staff):
    from avk.cache import touch
    from partners.models import Partner

    client.force_login(staff)

    def count():
        touch(Partner, Seat)  # the programme's counts and the seats are read afresh
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("home"))
        return len(queries)

    SeatFactory()  # one body with one seat: every query of the page runs
    client.get(reverse("home"))  # the cache's generation keys exist from the first request on
    small = count()
    partners = PartnerFactory.create_batch(30)
    for body in BodyFactory.create_batch(6):
        for partner in partners[:10]:
            SeatFactory(body=body, partner=partner)
    assert count() == small


def test_staff_dashboard_shows_what_needs_attention(client, staff, partner_a, editor_a):
    import datetime

    from partners.models import Package
    from partners.services import commitment as services

    package = Package.objects.create(code="A", name="Kopgroep")
    services.commitment_change(
        partner=partner_a,
        user=editor_a,
        package=package,
        period_start=datetime.date(2026, 1, 1),
        propose=True,
    )
    client.force_login(staff)
    response = client.get(reverse("home"))
    assert response.context["pending_proposals"] == 1
    assert response.context["incomplete_teams"] == 1
    assert response.context["scans_missing"] == 1
    assert reverse("partners:commitment_changes").encode() in response.content


def test_seat_holder_sees_what_waits_for_their_vote_and_actions(client, db_member, db_body):
    import datetime

    from django.utils import timezone

    from partners.models import Person
    from tests.governance.factories import (
        ActionItemFactory,
        ProposedDecisionFactory,
        VotingMemoFactory,
    )

    memo = VotingMemoFactory(body=db_body)
    ProposedDecisionFactory.create_batch(2, memo=memo)
    person = Person.objects.get(user=db_member)
    ActionItemFactory(owner=person, due_date=timezone.localdate() - datetime.timedelta(days=2))
    ActionItemFactory(owner=person)
    client.force_login(db_member)
    html = client.get(reverse("home")).content.decode()
    assert "2 voorgestelde besluiten wachten op jouw stem" in html
    assert reverse("governance:my_votes") in html
    assert "2 open actiepunten" in html
    assert "1 te laat" in html


def test_nothing_waiting_says_so(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("home"))
    assert response.context["has_tasks"] is False
    assert b'id="nothing-to-do"' in response.content
    assert b'id="tasks"' not in response.content


def test_staff_dashboard_lists_no_zero_counts(client, staff, db_body):
    """A programme where nothing needs following up: no "0 memo's zijn concept" lines."""
    SeatFactory(body=db_body, role=Seat.Role.EXPERIENCE_EXPERT)
    client.force_login(staff)
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.context["memo_drafts"] == 0
    assert response.context["pending_invitations"] == 0
    assert not re.search(r">\s*0 ", html), "a zero count is listed"
    assert "concept" not in html
    assert "open uitnodigingen" not in html
    assert 'id="nothing-to-do"' in html


def test_editor_is_told_what_their_organisation_still_needs(client, editor_a, partner_a):
    client.force_login(editor_a)
    html = client.get(reverse("home")).content.decode()
    assert 'id="nothing-to-do"' not in html
    assert "Partner A: maak het AVK-team compleet" in html
    assert "nog 2 managers nodig" in html
    assert reverse("partners:team", args=[partner_a.pk]) in html
    assert "Partner A: kies een contactpersoon" in html
    assert reverse("partners:quickscan_fill", args=[partner_a.pk]) in html
    assert html.index('id="tasks"') < html.index('id="org-heading"'), "tasks come first"


def test_editor_of_an_organisation_in_order_has_nothing_to_do(client, editor_a, partner_a):
    from django.conf import settings
    from django.utils import timezone

    from tests.partners.factories_imports import TeamMemberFactory
    from tests.partners.factories_quickscan import QuickScanFactory

    for role, need in settings.AVK_TEAM_TARGET.items():
        TeamMemberFactory.create_batch(need, partner=partner_a, role=role)
    partner_a.contact_person = PersonFactory(partner=partner_a)
    partner_a.save()
    QuickScanFactory(partner=partner_a, year=timezone.localdate().year)
    client.force_login(editor_a)
    response = client.get(reverse("home"))
    assert response.context["own_partner_alerts"] == []
    assert b'id="nothing-to-do"' in response.content


def test_staff_see_memos_in_voting_and_drafts(client, staff, db_body):
    from tests.governance.factories import MemoFactory, VotingMemoFactory

    VotingMemoFactory(body=db_body)
    MemoFactory.create_batch(2, body=db_body)
    client.force_login(staff)
    html = client.get(reverse("home")).content.decode()
    assert "1 memo staat open voor stemming" in html
    assert "2 memo&#x27;s zijn concept" in html or "2 memo's zijn concept" in html


def test_count_each_counts_every_queryset_in_one_query(
    django_assert_num_queries, partner_a, partner_b
):
    from monitoring.selectors.dashboard import count_each, incomplete_teams
    from partners.models import Partner

    partner_b.is_active = False
    partner_b.save()
    with django_assert_num_queries(1):
        counts = count_each(
            active=Partner.objects.filter(is_active=True),
            every=Partner.objects.all(),
            none=Partner.objects.none(),
            incomplete=incomplete_teams(Partner.objects.all()),
        )
    assert counts == {"active": 1, "every": 2, "none": 0, "incomplete": 2}
