"""The form of a stakeholder entry: where a partner stands in the movement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm
from movement.models import Stage, StakeholderEntry


class StakeholderEntryForm(ModelForm):
    """Stage, date, what the organisation works on and a note. The service checks the
    date against today."""

    # Declared here so the radio buttons have no empty "---------" choice.
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices, widget=forms.RadioSelect)

    class Meta:
        model = StakeholderEntry
        fields = ["stage", "recorded_on", "working_on", "note"]
        widgets = {
            "recorded_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "recorded_on": _("The day you judged this. Not in the future."),
            "working_on": _("In a few words: what the organisation is busy with now."),
            "note": _("For the programme team only."),
        }
