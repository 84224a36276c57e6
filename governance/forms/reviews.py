"""Forms of a decision's review: plan it (date and owner), then record what it found."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput
from governance.forms.actions import PersonChoiceField
from governance.models import Decision, DecisionReview
from partners.models import Person


class ReviewPlanForm(forms.Form):
    review_on = forms.DateField(label=_("Review date"), widget=DateInput())
    owner = PersonChoiceField(
        label=_("Owner"),
        queryset=Person.objects.select_related("partner").order_by("name"),
        help_text=_("This person checks the decision and gets a reminder."),
    )


class ReviewRecordForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What did the check find?"),
        choices=DecisionReview.Outcome.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("In a few words"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    new_decision = forms.CharField(
        label=_("Number of the new decision"),
        max_length=32,
        required=False,
        help_text=_("Only when a new decision changed it. For example DB-2026-014."),
    )

    def clean_new_decision(self):
        number = self.cleaned_data["new_decision"].strip().upper()
        if not number:
            return None
        decision = Decision.objects.filter(number=number).first()
        if decision is None:
            raise forms.ValidationError(_("There is no decision with this number."))
        return decision
