"""The progress update an effort's owner writes per period."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import ModelForm
from reflection.forms.contributions import AnswerField
from reflection.models import EffortUpdate
from reflection.selectors.progress import period_label
from reflection.services.progress import NARRATIVE_MAX

PERIOD_MESSAGE = _("You can write an update for this period or the one before.")


class EffortUpdateForm(ModelForm):
    """Status, an optional percentage and what happened, for one of the `periods` the plan
    takes (the current one first). The service checks every rule again."""

    period = forms.ChoiceField(
        label=_("Period"),
        widget=forms.RadioSelect,
        error_messages={"required": PERIOD_MESSAGE, "invalid_choice": PERIOD_MESSAGE},
    )
    status = forms.ChoiceField(
        label=_("How is it going?"),
        choices=EffortUpdate.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how it is going."),
            "invalid_choice": _("Choose how it is going."),
        },
    )
    percent_done = forms.IntegerField(
        label=_("Percentage done (optional)"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": _("Fill in a whole number from 0 to 100."),
            "min_value": _("A percentage is at least 0."),
            "max_value": _("A percentage is at most 100."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    narrative = AnswerField(
        label=_("What happened?"),
        help_text=_("In a few sentences: what went well, what got in the way, what comes next."),
        max_length=NARRATIVE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write what happened."),
            "max_length": _(
                "Your text is too long: at most %(limit_value)d characters (now %(show_value)d)."
            ),
        },
    )

    class Meta:
        model = EffortUpdate
        fields = ["status", "percent_done", "narrative"]

    def __init__(self, *args, periods: list[datetime.date], months: int, **kwargs):
        super().__init__(*args, **kwargs)
        labels = [_("this period"), _("the period before")]
        self.fields["period"].choices = [
            (start.isoformat(), f"{period_label(start, months)} ({label})")
            for start, label in zip(periods, labels, strict=False)
        ]
        self.order_fields(["period", "status", "percent_done", "narrative"])

    def clean_period(self) -> datetime.date:
        return datetime.date.fromisoformat(self.cleaned_data["period"])
