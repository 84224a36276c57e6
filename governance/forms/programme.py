"""The form of a programme role's term. The rules (holder fits the role, no overlap, end
after start) live in governance.services.programme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, SafeModelChoiceField
from governance.forms.actions import PersonChoiceField
from governance.models import ProgrammeRole
from partners.models import Partner, Person


class RoleTermForm(forms.Form):
    """A term of a programme role; for a change, `initial` comes from the term."""

    role = forms.ChoiceField(label=_("Role"), choices=ProgrammeRole.choices)
    person = PersonChoiceField(
        label=_("Person"),
        queryset=Person.objects.select_related("partner").order_by("name"),
        required=False,
        help_text=_("For every role except penvoerder."),
    )
    partner = SafeModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.filter(is_active=True).order_by("name"),
        required=False,
        help_text=_("Only for penvoerder: the partner that is opdrachtgever."),
    )
    effort = forms.CharField(
        label=_("Effort"),
        max_length=200,
        required=False,
        help_text=_("Only for an effort lead: the name of the effort."),
    )
    term_start = forms.DateField(label=_("Start of the term"), widget=DateInput())
    term_end = forms.DateField(
        label=_("End of the term"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty when the end is not known yet."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The end of the term cannot be before its start."))
        return cleaned
