"""The partner directory's filters, shared by the list and its CSV export
(partners.forms.directory reads them from the query string), and its rows."""

from django.db.models import QuerySet
from django.urls import reverse

from partners.models import (
    Commitment,
    Delegate,
    Intervention,
    Municipality,
    Package,
    Partner,
    Person,
    QuickScan,
    TeamMember,
)
from partners.selectors import team as teams
from partners.selectors.commitment import with_package_filter

NO_PACKAGE = "-"  # ?package=-: partners without a package

# What the directory's rows and chart are built from: a change to one shows at once (avk.cache).
DIRECTORY_READ = (Partner, Municipality, Package, Commitment, TeamMember)


def directory_filtered(partners, filters: dict):
    """The partners that match the filters of partners.forms.directory.directory_filters(),
    annotated with the package current today (`current_package_code`)."""
    if filters["kind"]:
        partners = partners.filter(kind=filters["kind"])
    if filters["municipality"]:
        partners = partners.filter(municipality_id=filters["municipality"])
    return with_package_filter(partners, filters["package"])


def directory_rows(partners: QuerySet) -> list[dict]:
    """One dict per partner with what a row of the directory shows, its link included:
    one query, reading only the columns shown."""
    partners = teams.annotate_team_counts(
        partners.select_related("municipality").only(
            "pk", "name", "kind", "is_active", "municipality__name"
        )
    )
    return [
        {
            "pk": p.pk,
            "name": p.name,
            "url": reverse("partners:partner_detail", args=[p.pk]),
            "kind": p.get_kind_display(),
            "municipality": p.municipality.name if p.municipality else "",
            "package": p.current_package_code,
            "is_active": p.is_active,
            "complete": teams.is_complete(teams.counts_of(p)),
        }
        for p in partners
    ]


# What a partner's page shows (avk.cache). Team, contact and delegate changes also bump
# the Partner (services.team), which they update in bulk.
PARTNER_PAGE_READ = (
    Partner,
    Municipality,
    Person,
    Package,
    Commitment,
    TeamMember,
    Delegate,
    Intervention,
    Intervention.municipalities.through,
    QuickScan,
)
