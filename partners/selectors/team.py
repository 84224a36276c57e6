"""How complete a partner's AVK team is, against the target composition in settings."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import ngettext

from partners.models import Delegate, Partner, Person, TeamMember
from partners.models.team import TeamRole

# What the teams overview shows, and what the team page's forms offer (avk.cache).
TEAMS_READ = (Partner, TeamMember)
TEAM_FORMS_READ = (Partner, Person, Delegate)


@dataclass(frozen=True)
class RoleGap:
    role: str
    have: int
    need: int

    @property
    def missing(self) -> int:
        return max(self.need - self.have, 0)

    @property
    def label(self) -> str:
        return TeamRole(self.role).label


def missing_text(role: str, count: int) -> str:
    """'nog 1 manager nodig' in the active language."""
    if role == TeamRole.BESTUURDER:
        text = ngettext("%(count)s more director needed", "%(count)s more directors needed", count)
    elif role == TeamRole.MANAGER:
        text = ngettext("%(count)s more manager needed", "%(count)s more managers needed", count)
    else:
        text = ngettext(
            "%(count)s more practitioner needed", "%(count)s more practitioners needed", count
        )
    return text % {"count": count}


def team_gaps(counts: dict[str, int]) -> list[RoleGap]:
    return [
        RoleGap(role=role, have=counts.get(role, 0), need=need)
        for role, need in settings.AVK_TEAM_TARGET.items()
    ]


def is_complete(counts: dict[str, int]) -> bool:
    return all(gap.missing == 0 for gap in team_gaps(counts))


def annotate_team_counts(queryset):
    """Add team_<role> counts to a Partner queryset: one query for any number of partners."""
    return queryset.annotate(
        **{
            f"team_{role}": Count("team_members", filter=Q(team_members__role=role), distinct=True)
            for role in TeamRole.values
        }
    )


def counts_of(partner) -> dict[str, int]:
    """Role counts from annotate_team_counts(), or one query when not annotated."""
    if hasattr(partner, f"team_{TeamRole.BESTUURDER}"):
        return {role: getattr(partner, f"team_{role}") for role in TeamRole.values}
    rows = partner.team_members.values("role").annotate(n=Count("id"))
    return {row["role"]: row["n"] for row in rows}


def complete_team_count(partners) -> tuple[int, int]:
    """How many of `partners` (a Partner queryset) have a complete AVK team, and how many
    there are: one query."""
    counted = [is_complete(counts_of(p)) for p in annotate_team_counts(partners)]
    return sum(counted), len(counted)
