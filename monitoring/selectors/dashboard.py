"""Reads of the dashboard: what asks for the attention of the person who logs in."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from partners.models import Commitment, Partner, QuickScan
from partners.selectors.team import (
    RoleGap,
    annotate_team_counts,
    complete_team_count,
    counts_of,
    team_gaps,
)


def partner_alerts() -> dict:
    """What asks for the programme's attention across the alliance (three queries)."""
    active = Partner.objects.filter(is_active=True)
    year = timezone.localdate().year
    complete, total = complete_team_count(active)
    return {
        "pending_proposals": Commitment.objects.filter(status=Commitment.Status.PROPOSED).count(),
        "incomplete_teams": total - complete,
        "scans_missing": active.exclude(quick_scans__year=year).count(),
        "year": year,
    }


@dataclass
class OwnPartnerAlert:
    """What an editor still has to do for one organisation they keep up to date."""

    partner: Partner
    team_gaps: list[RoleGap] = field(default_factory=list)
    scan_missing: bool = False
    contact_missing: bool = False

    def __bool__(self) -> bool:
        return bool(self.team_gaps or self.scan_missing or self.contact_missing)


def own_partner_alerts(memberships) -> list[OwnPartnerAlert]:
    """For the active partners an editor keeps up to date: the AVK team roles still missing,
    this year's quick scan when not done, a missing contact person. Only partners with
    something to do are returned (one query)."""
    partner_ids = [m.partner_id for m in memberships if m.is_editor]
    if not partner_ids:
        return []
    year = timezone.localdate().year
    partners = annotate_team_counts(
        Partner.objects.filter(pk__in=partner_ids, is_active=True).order_by("name")
    ).annotate(
        has_scan=Exists(QuickScan.objects.filter(partner=OuterRef("pk"), year=year)),
    )
    alerts = [
        OwnPartnerAlert(
            partner=partner,
            team_gaps=[gap for gap in team_gaps(counts_of(partner)) if gap.missing],
            scan_missing=not partner.has_scan,
            contact_missing=partner.contact_person_id is None,
        )
        for partner in partners
    ]
    return [alert for alert in alerts if alert]
