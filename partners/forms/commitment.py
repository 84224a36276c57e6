import re

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm
from partners.models import Package


class CommitmentForm(forms.Form):
    RECORD = "record"
    PROPOSE = "propose"

    package = forms.ModelChoiceField(
        label=_("Package"), queryset=Package.objects.all(), empty_label=None
    )
    period_start = forms.DateField(label=_("From"), widget=DateInput)
    period_end = forms.DateField(label=_("Until"), widget=DateInput, required=False)
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput, required=False)
    signed_by = forms.CharField(label=_("Signed by"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    action = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=[
            (
                RECORD,
                _("Record it: the covenant has been signed, it takes effect on its start date"),
            ),
            (PROPOSE, _("Propose it: the programme team checks it first")),
        ],
        widget=forms.RadioSelect,
        initial=RECORD,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date is before the start date."))
        if cleaned.get("action") == self.RECORD and not cleaned.get("signed_on"):
            self.add_error("signed_on", _("Fill in when the covenant was signed."))
        return cleaned


class PackageForm(ModelForm):
    class Meta:
        model = Package
        fields = ["name", "description", "checklist", "steering_group_seat"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "checklist": forms.Textarea(attrs={"rows": 5}),
        }


# The years a change can start in: a value outside is no filter (and no 500).
FIRST_YEAR, LAST_YEAR = 1900, 9999


def change_filters(query) -> dict:
    """year (that a change starts in) and package (a code letter) for the changes page,
    from a query string; what cannot be one of them becomes "no filter"."""
    try:
        year = int(query.get("year", ""))
    except (TypeError, ValueError, OverflowError):
        year = None
    package = query.get("package", "")
    return {
        "year": year if year and FIRST_YEAR <= year <= LAST_YEAR else None,
        "package": package if re.fullmatch(r"[A-Z]", package) else "",
    }
