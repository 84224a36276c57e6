"""Reads of the phase plans: which version of a plan is current.

Only an adopted version is current ("geldt nu"). A draft, even the only version of a plan,
is not: it may still change. A superseded version was current until its successor was
adopted.
"""

from itertools import groupby

from django.db.models import Count, Prefetch

from governance.models import Decision, ProposedDecision
from partners.models import Partner, Person
from reflection.models import AttentionPoint, Effort, EffortUpdate, PhasePlan, ReflectionSession

# The rows a plan's efforts are drawn from: the plan page keeps them rendered until one of
# these changes (avk.cache; watched in ReflectionConfig.ready).
PLAN_READ = [
    PhasePlan,
    Effort,
    Effort.partners.through,
    Effort.attention_points.through,
    EffortUpdate,
    AttentionPoint,
    ReflectionSession,
    Person,
    Partner,
]


# The adopt form lists only the newest adopted decisions; an older one is typed by its
# number, so the plan page stays the same size however long the decision lists grow.
RECENT_DECISIONS = 15


def recent_decisions(limit: int = RECENT_DECISIONS) -> list[Decision]:
    """The newest adopted decisions of every body, newest first (one query, bounded), with
    only the columns the adopt form shows."""
    return list(
        Decision.objects.filter(result=ProposedDecision.Result.ADOPTED)
        .only("pk", "number", "decided_on", "text")
        .order_by("-decided_on", "-number")[:limit]
    )


def efforts_with_relations(efforts=None):
    """Efforts with their owner, partners and attention points: three queries, however
    many efforts."""
    efforts = Effort.objects.all() if efforts is None else efforts
    return efforts.select_related("owner", "owner__partner").prefetch_related(
        Prefetch("partners", queryset=Partner.objects.order_by("name")),
        Prefetch(
            "attention_points",
            queryset=AttentionPoint.objects.select_related("session").order_by(
                "session__year", "session__date", "session_id", "number"
            ),
        ),
    )


def current_version(versions) -> PhasePlan | None:
    """The adopted one of a plan's versions, or None while none is adopted."""
    return next((v for v in versions if v.status == PhasePlan.Status.ADOPTED), None)


def plan_groups() -> list[dict]:
    """Every phase plan with its versions, the newest plan first (one query). Per plan:
    `current` (the adopted version, or None) and `shown`, the version its heading names:
    the current one, else the newest."""
    plans = PhasePlan.objects.annotate(effort_count=Count("efforts")).order_by(
        "-number", "-version"
    )
    groups = []
    for number, versions in groupby(plans, key=lambda p: p.number):
        versions = list(versions)
        current = current_version(versions)
        groups.append(
            {
                "number": number,
                "current": current,
                "shown": current or versions[0],
                "versions": versions,
            }
        )
    return groups
