"""Reads of the dashboard: what asks for the programme's attention across the alliance."""

from django.utils import timezone

from partners.models import Commitment, Partner
from partners.selectors.team import annotate_team_counts, counts_of, is_complete


def partner_alerts() -> dict:
    """What asks for the programme's attention across the alliance (three queries)."""
    active = Partner.objects.filter(is_active=True)
    year = timezone.localdate().year
    return {
        "pending_proposals": Commitment.objects.filter(status=Commitment.Status.PROPOSED).count(),
        "incomplete_teams": sum(
            not is_complete(counts_of(p)) for p in annotate_team_counts(active)
        ),
        "scans_missing": active.exclude(quick_scans__year=year).count(),
        "year": year,
    }
