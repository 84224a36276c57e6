"""CSV exports of the directory and the AVK teams, made for opening in Excel.

`avk.csv.to_csv()` writes them (UTF-8 with a byte order mark, ";" between the cells,
formulas defused). Each export runs one query, whatever the number of partners.
"""

from django.utils.translation import gettext as _

from avk.csv import to_csv
from partners.models import Partner, TeamMember
from partners.selectors import team as teams
from partners.selectors.commitment import with_current_package


def directory_csv(partners=None) -> str:
    """The directory: one line per partner, with its contact person and team completeness."""
    partners = Partner.objects.all() if partners is None else partners
    partners = teams.annotate_team_counts(
        with_current_package(partners)
        .select_related("municipality", "contact_person")
        .order_by("name")
    )
    header = [
        _("Name"),
        _("Kind"),
        _("Municipality"),
        _("Package"),
        _("Active"),
        _("Contact person"),
        _("Contact e-mail"),
        _("Team complete"),
    ]
    rows = (
        [
            partner.name,
            partner.get_kind_display(),
            partner.municipality.name if partner.municipality else "",
            partner.current_package_code or "",
            _("yes") if partner.is_active else _("no"),
            partner.contact_person.name if partner.contact_person else "",
            partner.contact_person.email if partner.contact_person else "",
            _("yes") if teams.is_complete(teams.counts_of(partner)) else _("no"),
        ]
        for partner in partners
    )
    return to_csv(header, rows)


def teams_csv() -> str:
    """Every AVK team member: partner, person, role, e-mail, phone."""
    members = TeamMember.objects.select_related("partner", "person").order_by(
        "partner__name", "role", "person__name"
    )
    header = [_("Partner"), _("Person"), _("Role"), _("E-mail address"), _("Phone")]
    rows = (
        [
            member.partner.name,
            member.person.name,
            member.get_role_display(),
            member.person.email,
            member.person.phone,
        ]
        for member in members
    )
    return to_csv(header, rows)
