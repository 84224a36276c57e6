"""Reads of the programme organisation: who fills each role now (the picture on the
governance overview) and every term so far (the roles page). Fixed query counts."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, QuerySet, When
from django.utils import timezone

from governance.models import ProgrammeRole, RoleTerm

# The supporting roles of the memo of 19 June 2023, in the order the memo names them.
SUPPORT_ROLES = (ProgrammeRole.SECRETARY, ProgrammeRole.CONTROLLER, ProgrammeRole.COMMUNICATION)
# The overview shows at most this many effort leads; the roles page has them all.
MAX_EFFORT_LEADS = 30


@dataclass
class ProgrammeOrganisation:
    """The current holders: one term (or None) per single role, and the effort leads."""

    penvoerder: RoleTerm | None = None
    manager: RoleTerm | None = None
    support: list[tuple[str, RoleTerm | None]] = field(default_factory=list)
    effort_leads: list[RoleTerm] = field(default_factory=list)

    @property
    def secretary(self) -> RoleTerm | None:
        return dict(self.support).get(ProgrammeRole.SECRETARY.label)

    @property
    def secretary_not_from_penvoerder(self) -> bool:
        """The memo of 19 June 2023: the penvoerder supplies the programme secretary. True
        when both roles are filled and the secretary works elsewhere (a hint, not a rule)."""
        secretary, penvoerder = self.secretary, self.penvoerder
        if secretary is None or penvoerder is None:
            return False
        return secretary.person.partner_id != penvoerder.partner_id

    @property
    def is_empty(self) -> bool:
        return not (
            self.penvoerder
            or self.manager
            or any(term for _label, term in self.support)
            or self.effort_leads
        )


def programme_organisation(on: datetime.date | None = None) -> ProgrammeOrganisation:
    """Who fills each programme role on `on` (today), in one query."""
    terms = list(
        RoleTerm.objects.current(on)
        .select_related("person__partner", "partner")
        # The single roles first, so the bound never cuts them off.
        .order_by(
            Case(When(role=ProgrammeRole.EFFORT_LEAD, then=1), default=0), "effort", "-term_start"
        )[: MAX_EFFORT_LEADS + len(ProgrammeRole)]
    )
    single = {}
    leads = []
    for term in terms:
        if term.role == ProgrammeRole.EFFORT_LEAD:
            leads.append(term)
        else:
            single.setdefault(term.role, term)
    return ProgrammeOrganisation(
        penvoerder=single.get(ProgrammeRole.PENVOERDER),
        manager=single.get(ProgrammeRole.MANAGER),
        support=[(ProgrammeRole(role).label, single.get(role)) for role in SUPPORT_ROLES],
        effort_leads=leads[:MAX_EFFORT_LEADS],
    )


def role_terms() -> QuerySet[RoleTerm]:
    """Every term of every programme role, by role, newest first (for a paginated page)."""
    return RoleTerm.objects.select_related("person__partner", "partner").order_by(
        "role", "effort", "-term_start", "-pk"
    )


def penvoerder_history(limit: int = 20) -> list[RoleTerm]:
    """The penvoerders so far, newest first, each marked `.is_current` (one query)."""
    today = timezone.localdate()
    terms = list(
        RoleTerm.objects.filter(role=ProgrammeRole.PENVOERDER)
        .select_related("partner")
        .order_by("-term_start")[:limit]
    )
    for term in terms:
        term.is_current = term.term_start <= today and (
            term.term_end is None or term.term_end >= today
        )
    return terms
