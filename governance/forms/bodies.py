"""The forms of a body: its voting rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import ModelForm
from governance.models import Body, Seat
from governance.models.bodies import RULE_FIELDS


class BodyRulesForm(ModelForm):
    voting_roles = forms.MultipleChoiceField(
        label=_("Seat roles that vote"),
        choices=Seat.Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quorum_count = forms.IntegerField(
        label=_("Minimum number of voters (quorum)"), min_value=1, max_value=32767, required=False
    )
    quorum_percent = forms.IntegerField(
        label=_("Minimum percentage of the people who may vote (quorum)"),
        min_value=1,
        max_value=100,
        required=False,
    )

    class Meta:
        model = Body
        fields = RULE_FIELDS
        help_texts = {
            "quorum_count": "",
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("quorum_count") is not None and cleaned.get("quorum_percent") is not None:
            raise forms.ValidationError(
                _("Give the minimum number of voters as a number or as a percentage, not both.")
            )
        return cleaned

    def _post_clean(self):
        # The service validates and saves; the model's clean() would repeat the messages.
        pass
