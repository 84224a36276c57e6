from django import template
from django.utils.translation import gettext_lazy as _

from partners.selectors.team import missing_text

register = template.Library()


@register.filter
def still_needed(gap) -> str:
    """'nog 1 manager nodig' for a teams.RoleGap."""
    return missing_text(gap.role, gap.missing)


@register.simple_tag
def missing_roles(pairs) -> str:
    """For mails: [[role, count], ...] as 'nog 1 manager nodig, ...' in the active language."""
    return ", ".join(missing_text(role, count) for role, count in pairs)


AUDIT_ACTIONS = {
    "commitment.recorded": _("Commitment recorded"),
    "commitment.proposed": _("Commitment proposed"),
    "commitment.accepted": _("Proposal accepted"),
    "commitment.declined": _("Proposal declined"),
    "team.added": _("Added to the AVK team"),
    "team.removed": _("Removed from the AVK team"),
    "contact.changed": _("Contact person changed"),
    "delegate.changed": _("Delegate changed"),
    "intervention.created": _("Intervention added"),
    "intervention.updated": _("Intervention changed"),
    "intervention.published": _("Put in the showcase"),
    "intervention.unpublished": _("Taken out of the showcase"),
    "import.partner_created": _("Partner imported"),
    "import.partner_updated": _("Partner updated by import"),
    "import.person_created": _("Person imported"),
    "quickscan.filled": _("Quick scan filled in"),
    "quickscan.updated": _("Quick scan changed"),
    "quickscan.criterion_created": _("Criterion added"),
    "quickscan.criterion_updated": _("Criterion changed"),
    "quickscan.criterion_off": _("Criterion switched off"),
    "quickscan.criterion_on": _("Criterion switched on"),
    "quickscan.criterion_deleted": _("Criterion deleted"),
}


@register.filter
def audit_action(code: str) -> str:
    """A readable label for an audit entry's action code (the code itself if unknown)."""
    return AUDIT_ACTIONS.get(code, code)


@register.filter
def editor_memberships(user) -> list[tuple[int, str]]:
    """(pk, name) of the partners `user` keeps up to date, by name (for the menu)."""
    if not user.is_authenticated:
        return []
    memberships = user.partner_memberships.filter(is_editor=True).order_by("partner__name")
    return list(memberships.values_list("partner_id", "partner__name"))
