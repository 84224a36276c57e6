from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def euro(value) -> str:
    """An amount in euros as the language writes it: € 1.250.000,50 in Dutch, always with
    cents and thousands separators (the portal does not group numbers by default)."""
    if value is None or value == "":
        return ""
    number = formats.number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)
    return f"€\xa0{number}"


@register.filter
def ratio(value) -> str:
    """An SROI ratio as 1 : 2,35."""
    if value is None:
        return ""
    return f"1\xa0:\xa0{formats.number_format(value, 2, use_l10n=True, force_grouping=True)}"
