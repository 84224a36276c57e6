"""Reads of the dashboard: what asks for the attention of the person who logs in."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from avk.cache import cached
from governance.models import Body, DecisionReview, Memo, Seat
from governance.selectors.bodies import bodies_without_experience_expert
from governance.selectors.reviews import reviews_due_soon
from monitoring.selectors.spotlights import SPOTLIGHT_READ, spotlights_for
from partners.models import Commitment, Invitation, Partner, Person, QuickScan, TeamMember
from partners.selectors.team import (
    RoleGap,
    annotate_team_counts,
    counts_of,
    team_gaps,
)


def count_each(**querysets: QuerySet) -> dict[str, int]:
    """How many rows each queryset has, all in one query (a scalar subquery per count)."""
    counts, columns, params = {}, [], []
    for name, queryset in querysets.items():
        inner = queryset.order_by().values("pk")
        try:
            sql, inner_params = inner.query.get_compiler(using=inner.db).as_sql()
        except EmptyResultSet:  # .none(), or a filter on an empty list
            counts[name] = 0
            continue
        # The SQL is Django's own compilation; the values stay parameters.
        columns.append((name, f"(SELECT COUNT(*) FROM ({sql}) counted)"))  # noqa: S608
        params.extend(inner_params)
    if columns:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(column for _name, column in columns), params)
            counts.update(zip([name for name, _column in columns], cursor.fetchone(), strict=True))
    return counts


def incomplete_teams(partners: QuerySet[Partner]) -> QuerySet[Partner]:
    """The partners whose AVK team misses a role of the target composition (not run)."""
    short = Q()
    for role, need in settings.AVK_TEAM_TARGET.items():
        short |= Q(**{f"team_{role}__lt": need})
    if not short:
        return partners.none()
    return annotate_team_counts(partners).filter(short)


def partner_alerts_counts(year: int) -> dict[str, QuerySet]:
    """What asks for the programme's attention across the alliance, as querysets to count
    (count_each runs them in one query)."""
    active = Partner.objects.filter(is_active=True)
    return {
        "pending_proposals": Commitment.objects.filter(status=Commitment.Status.PROPOSED),
        "incomplete_teams": incomplete_teams(active),
        "scans_missing": active.exclude(quick_scans__year=year),
    }


# What staff's picture of the programme on the start page is drawn from (avk.cache keeps it).
STAFF_PICTURE_READ = [
    *SPOTLIGHT_READ,
    Body,
    Invitation,
    Memo,
    DecisionReview,
    Commitment,
    TeamMember,
    QuickScan,
    Seat,
    Person,
]


def staff_picture(user) -> dict:
    """What staff's start page shows of the programme, the same for every member of staff:
    the counts (one query), the bodies without a current experience expert and the current
    spotlights. Kept until a row of STAFF_PICTURE_READ changes or the hour turns
    (invitations and reviews fall due, spotlights start and end by the clock)."""
    now = timezone.localtime()
    today = now.date()

    def build() -> dict:
        counts = count_each(
            partner_count=Partner.objects.filter(is_active=True),
            body_count=Body.objects.all(),
            pending_invitations=Invitation.objects.pending(),
            memos_in_voting=Memo.objects.filter(status=Memo.Status.VOTING),
            memo_drafts=Memo.objects.filter(status=Memo.Status.DRAFT),
            reviews_due=reviews_due_soon(today),
            **partner_alerts_counts(today.year),
        )
        return {
            **counts,
            "bodies_without_experience_expert": bodies_without_experience_expert(),
            "spotlights": spotlights_for(user, today),
        }

    return cached("staff_picture", STAFF_PICTURE_READ, build, parts=[f"{now:%Y-%m-%dT%H}"])


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
