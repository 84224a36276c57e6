"""What the partners' pages show of the learning offer, without the partners app importing
movement (the layers of docs/architecture.md): its templates load this library."""

from django import template

from movement.access import can_see_team_learning
from movement.selectors.learning import TEAM_LEARNING_SHOWN, team_attendance

register = template.Library()


@register.inclusion_tag("movement/learning/includes/team_learning.html")
def team_learning(partner, user) -> dict:
    """Who of `partner`'s AVK team attended which courses and meetings, the newest first:
    for staff and the partner's own people only (names are personal data). At most two
    queries, whatever the number of courses."""
    if not can_see_team_learning(user, partner):
        return {"shown": False}
    rows = team_attendance(partner, limit=TEAM_LEARNING_SHOWN + 1)
    return {
        "shown": True,
        "rows": rows[:TEAM_LEARNING_SHOWN],
        "more": len(rows) > TEAM_LEARNING_SHOWN,
        "limit": TEAM_LEARNING_SHOWN,
    }
