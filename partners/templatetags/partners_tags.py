from django import template

from partners.teams import missing_text

register = template.Library()


@register.filter
def still_needed(gap) -> str:
    """'nog 1 manager nodig' for a teams.RoleGap."""
    return missing_text(gap.role, gap.missing)


@register.simple_tag
def missing_roles(pairs) -> str:
    """For mails: [[role, count], ...] as 'nog 1 manager nodig, ...' in the active language."""
    return ", ".join(missing_text(role, count) for role, count in pairs)
