"""The fields of the public sign-up form (movement.forms.signups), kept rendered; and how
long the details of a sign-up are kept.

Rendering the form's fields with crispy forms costs more than the rest of a public offer's
page together. As long as nobody typed anything in (not bound, nothing filled in ahead),
the fields are the same for every visitor: they are kept per language and day until a
municipality changes (avk.cache). No CSRF token or per-visitor value is inside them.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from avk.cache import cached_html
from movement.forms.signups import SignupForm
from partners.models import Municipality

register = template.Library()

TEMPLATE = "movement/includes/signup_field_list.html"
# What the fields show besides fixed text: the municipalities to choose from.
SIGNUP_FIELDS_READ = (Municipality,)


def _untouched(form) -> bool:
    return (
        not form.is_bound
        and form.prefix is None
        and not any(form.initial.get(name) for name in SignupForm.base_fields)
    )


@register.simple_tag
def signup_fields(form):
    if _untouched(form):
        return cached_html(
            "movement:signup-fields",
            SIGNUP_FIELDS_READ,
            TEMPLATE,
            lambda: {"form": SignupForm()},
            # The consent's help says it: a changed setting shows at once.
            parts=[str(settings.AVK_SIGNUP_RETENTION_DAYS)],
        )
    return render_to_string(TEMPLATE, {"form": form})


@register.simple_tag
def signup_retention_days() -> int:
    """Days after the end of an offer until its sign-ups' details are deleted."""
    return settings.AVK_SIGNUP_RETENTION_DAYS
