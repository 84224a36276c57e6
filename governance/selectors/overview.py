"""Reads of the governance overview: every body with its current seats, and the programme
organisation under its opdrachtgever (five queries).

The picture and the bodies are the same for everyone with the same kind of access: the view
keeps them rendered (avk.cache) per language, day (seats and terms start and end) and kind
of reader, until a row of OVERVIEW_READ changes."""

from governance.models import Body, RoleTerm, Seat
from governance.selectors.bodies import bodies_with_current_seats
from governance.selectors.programme import programme_organisation
from partners.models import Partner, Person

# Every model the overview shows a field of: a change to any of them renders it afresh.
OVERVIEW_READ = [Body, Seat, Person, Partner, RoleTerm]


def overview(*, staff: bool) -> dict:
    """The bodies with their current seats, those without an experience expert, and who
    fills each programme role now; `staff` adds the links only staff follow."""
    bodies = bodies_with_current_seats()
    return {
        "bodies": bodies,
        "bodies_without_experience_expert": [b for b in bodies if not b.has_experience_expert],
        "organisation": programme_organisation(),
        "is_staff": staff,
    }
