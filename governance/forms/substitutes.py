"""The form for naming a substitute: who (by the e-mail address of their login) and for
which period. governance.services.substitutes checks every rule again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput
from partners.models import Person


class SubstituteForm(forms.Form):
    substitute = forms.EmailField(
        label=_("E-mail address of your substitute"),
        help_text=_("The address they log in to the portal with."),
        max_length=254,
        error_messages={
            "required": _("Fill in the e-mail address of your substitute."),
            "invalid": _("Fill in a valid e-mail address, like name@example.nl."),
        },
    )
    starts_on = forms.DateField(
        label=_("First day"),
        widget=DateInput,
        error_messages={
            "required": _("Fill in the first day."),
            "invalid": _("Fill in a date, like 1-3-2027."),
        },
    )
    ends_on = forms.DateField(
        label=_("Last day"),
        help_text=_("On this day your substitute can still vote."),
        widget=DateInput,
        error_messages={
            "required": _("Fill in the last day."),
            "invalid": _("Fill in a date, like 1-3-2027."),
        },
    )

    def clean_substitute(self):
        """The Person whose login has this address (one query)."""
        email = self.cleaned_data["substitute"]
        person = (
            Person.objects.filter(user__email__iexact=email, user__is_active=True)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if person is None:
            raise forms.ValidationError(
                _("Nobody with a login for the portal has this e-mail address.")
            )
        return person
