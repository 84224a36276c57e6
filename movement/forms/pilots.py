"""Staff's form of a pilot, and the public sign-up form for a pilot."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelChoiceField
from movement.forms.signups import SignupForm
from movement.models import Pilot
from reflection.models import Effort

CAPACITY_MAX = 100_000


def _efforts(also=None):
    """Efforts still planned or running (a list that does not grow with history)."""
    current = ~Q(status__in=[Effort.Status.DONE, Effort.Status.STOPPED])
    return (
        Effort.objects.select_related("plan")
        .filter(current | also if also is not None else current)
        .order_by("-plan__number", "-plan__version", "order", "pk")
    )


class EffortChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.plan}: {obj.title}"


class PilotForm(ModelForm):
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=CAPACITY_MAX,
        help_text=_("How many people can take part. Who signs up after that, waits."),
        error_messages={"min_value": _("A pilot has at least 1 place.")},
    )
    effort = EffortChoiceField(
        label=_("Effort"),
        # Only efforts still running or planned: a list that does not grow with history.
        queryset=Effort.objects.none(),
        required=False,
        help_text=_("The effort of a phase plan this pilot belongs to (optional)."),
    )

    class Meta:
        model = Pilot
        fields = [
            "title",
            "description",
            "place",
            "starts_on",
            "ends_on",
            "capacity",
            "effort",
            "status",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effort"].queryset = _efforts()
        if self.instance.effort_id:
            # A finished effort stays choosable for the pilot that already points at it.
            self.fields["effort"].queryset = _efforts(Q(pk=self.instance.effort_id))


class PilotSignupForm(SignupForm):
    """The public form on a pilot's page (movement.forms.signups). `via` carries the
    mailing whose link the person followed, so the mailing's sign-ups can be counted."""

    via = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_via(self):
        # Only ever looked up (movement.selectors.mailings): a wrong value counts for nothing.
        return self.cleaned_data["via"][:20]
