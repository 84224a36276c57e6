"""No partners page grows with the history: with 20 years of commitments, quick scans,
interventions and team changes each main page is about as large as with 2 years (lists are
paginated or bounded, a partner's page shows its latest interventions with a link to the
rest, the scan pages its latest scans, the commitment pages the proposals waiting and a page
of the history), like the query counts next to it."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from partners.models import (
    Commitment,
    Intervention,
    Municipality,
    Package,
    Partner,
    Person,
    QuickScan,
    TeamMember,
)
from partners.services.quickscan import current_year
from tests.factories import MembershipFactory, PartnerFactory

PARTNERS = 8
TEAM = ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]
SLACK = 4096  # bytes: a longer number here and there, not a row per year


def _history(partners: list[Partner], municipalities, packages, years: range) -> None:
    """Per partner and year: a commitment, a quick scan, two interventions (the older ones
    finished, every third in the showcase) and a team change (someone left, someone came)."""
    Commitment.objects.bulk_create(
        Commitment(
            partner=partner,
            package=packages[(i + year) % len(packages)],
            period_start=datetime.date(year, 1, 1),
            status=Commitment.Status.IN_EFFECT,
        )
        for i, partner in enumerate(partners)
        for year in years
    )
    QuickScan.objects.bulk_create(
        QuickScan(partner=partner, year=year, score=(i + year) % 9, total=8)
        for i, partner in enumerate(partners)
        for year in years
    )
    now = current_year()
    interventions = Intervention.objects.bulk_create(
        Intervention(
            partner=partner,
            title=f"Inzet {year}-{k} van {partner.name}",
            description="Inwoners met geldzorgen vinden sneller de weg naar hulp. " * 4,
            target_group=Intervention.TargetGroup.FAMILIES,
            status=Intervention.Status.RUNNING if year == now else Intervention.Status.FINISHED,
            is_published=(year + k) % 3 == 0,
        )
        for partner in partners
        for year in years
        for k in range(2)
    )
    # Each in the busiest municipality and one other: two years already fill its first page.
    Intervention.municipalities.through.objects.bulk_create(
        Intervention.municipalities.through(intervention=intervention, municipality=municipality)
        for n, intervention in enumerate(interventions)
        for municipality in (municipalities[0], municipalities[1 + n % (len(municipalities) - 1)])
    )
    Intervention.collaborators.through.objects.bulk_create(
        Intervention.collaborators.through(
            intervention=intervention, partner=partners[(n + 1) % len(partners)]
        )
        for n, intervention in enumerate(interventions)
    )
    for partner in partners:  # a team change a year: the one who left is gone from the team
        for year in years:
            gone = Person.objects.create(partner=partner, name=f"Vertrokken {year}")
            TeamMember.objects.create(partner=partner, person=gone, role="uitvoering").delete()


@pytest.fixture
def pages(client, staff):
    """Sizes of the partners pages, the history given by `grow(years)`."""
    municipalities = [Municipality.objects.create(name=f"Gemeente {n}") for n in range(4)]
    packages = [Package.objects.create(code=code, name=code) for code in "ABC"]
    partners = PartnerFactory.create_batch(PARTNERS)
    for n, partner in enumerate(partners):
        partner.municipality = municipalities[n % len(municipalities)]
        partner.save()
        for role in TEAM:
            person = Person.objects.create(partner=partner, name=f"Lid {role} {partner.pk}")
            TeamMember.objects.create(partner=partner, person=person, role=role)
        # A proposal waits for staff, however long the history: every one is listed.
        Commitment.objects.create(
            partner=partner,
            package=packages[n % len(packages)],
            period_start=datetime.date(current_year() + 1, 1, 1),
            status=Commitment.Status.PROPOSED,
        )
    partner = partners[0]
    editor = MembershipFactory(partner=partner, is_editor=True).user

    def grow(years: range) -> None:
        _history(partners, municipalities, packages, years)

    def sizes() -> dict[str, int]:
        cache.clear()  # the history was written in bulk (no signals): build the pages afresh
        busiest = municipalities[0].pk
        urls = {
            "directory": (staff, reverse("partners:partner_list")),
            "detail": (staff, reverse("partners:partner_detail", args=[partner.pk])),
            "team": (editor, reverse("partners:team", args=[partner.pk])),
            "teams": (staff, reverse("partners:team_overview")),
            "quick scans": (staff, reverse("partners:quickscan_overview")),
            "interventions": (staff, reverse("partners:intervention_list")),
            "per municipality": (
                staff,
                reverse("partners:intervention_by_municipality") + f"?gemeente={busiest}",
            ),
            "commitment changes": (staff, reverse("partners:commitment_changes")),
            "commitment (staff)": (staff, reverse("partners:commitment", args=[partner.pk])),
            "commitment": (editor, reverse("partners:commitment", args=[partner.pk])),
            "quick scan": (editor, reverse("partners:quickscan_fill", args=[partner.pk])),
            "quick scan of a year": (
                editor,
                reverse("partners:quickscan_detail", args=[partner.pk, current_year()]),
            ),
            "all quick scans": (
                editor,
                reverse("partners:quickscan_history", args=[partner.pk]),
            ),
        }
        found = {}
        for name, (user, url) in urls.items():
            client.force_login(user)
            response = client.get(url)
            assert response.status_code == 200, name
            found[name] = len(response.content)
        return found

    return grow, sizes


def test_partners_pages_do_not_grow_with_the_years(pages):
    grow, sizes = pages
    now = current_year()
    # Two years, then eighteen more: twenty years of history in all.
    grow(range(now - 1, now + 1))
    small = sizes()
    grow(range(now - 19, now - 1))
    large = sizes()
    for name in small:
        assert large[name] <= small[name] * 1.15 + SLACK, (
            f"{name}: {small[name]} bytes with 2 years, {large[name]} with 20"
        )
