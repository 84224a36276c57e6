"""The forms of the funding sources and the applications."""

from django import forms

from avk.forms import DateInput, ModelForm, SafeModelChoiceField
from resources.forms.fields import use_money_fields
from resources.models import FundingApplication, FundingSource


class FundingSourceForm(ModelForm):
    class Meta:
        model = FundingSource
        fields = ["name", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class FundingApplicationForm(ModelForm):
    """The model's rules (granted only when granted, never more than asked, a decision not
    before the submission) come back on their fields through full_clean."""

    class Meta:
        model = FundingApplication
        fields = [
            "source",
            "title",
            "status",
            "amount_asked",
            "amount_granted",
            "submitted_on",
            "decision_expected_on",
            "decided_on",
            "owner",
            "note",
        ]
        field_classes = {"source": SafeModelChoiceField}
        widgets = {
            "submitted_on": DateInput(),
            "decision_expected_on": DateInput(),
            "decided_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The sources are a handful (the funds of the region), so a select stays small.
        self.fields["source"].queryset = FundingSource.objects.order_by("name")
        use_money_fields(self, ["amount_asked", "amount_granted"])
