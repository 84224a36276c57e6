"""Staff's forms of the open mornings (plan several, change one) and the public "I'll
join" form."""

from django import forms
from django.db.models import Max, Q
from django.forms.utils import ErrorDict
from django.utils import formats
from django.utils.dates import WEEKDAYS as WEEKDAYS_NAMES
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelChoiceField
from avk.text import without_bidi_controls
from movement.forms.signups import SignupForm
from movement.models import TeamMorning
from movement.models.mornings import DEFAULT_CAPACITY, DEFAULT_END, DEFAULT_START
from movement.selectors.mornings import DEFAULT_WEEKS, MAX_WEEKS, WEDNESDAY
from partners.models import Partner

CAPACITY_MAX = 1000
# Django's own names of the days (its catalogue translates them).
WEEKDAYS = list(WEEKDAYS_NAMES.items())


class TimeInput(forms.TimeInput):
    """A browser time picker; its value is always HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def _host_label(partner) -> str:
    if getattr(partner, "last_hosted", None):
        return _("%(partner)s (last hosted %(date)s)") % {
            "partner": partner.name,
            "date": formats.date_format(partner.last_hosted, "j-n-Y"),
        }
    return _("%(partner)s (never hosted)") % {"partner": partner.name}


class HostChoiceField(SafeModelChoiceField):
    """The active partners, each with the date it last hosted: the mornings rotate."""

    def label_from_instance(self, obj):
        return _host_label(obj)


def _hosts(also=None):
    active = Q(is_active=True)
    return (
        Partner.objects.filter(active | Q(pk=also) if also else active)
        .annotate(
            last_hosted=Max(
                "hosted_mornings__date",
                filter=Q(hosted_mornings__status=TeamMorning.Status.PLANNED),
            )
        )
        .order_by("name", "pk")
    )


def _check_times(form, cleaned) -> None:
    starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
    if starts and ends and ends <= starts:
        form.add_error("ends_at", _("The morning must end after it starts."))


_CAPACITY_ERRORS = {"min_value": _("A morning has at least 1 place.")}


class MorningForm(ModelForm):
    """One morning, to change (staff). The service holds the rules on dates and places."""

    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=CAPACITY_MAX,
        help_text=_("How many people can join. Who signs up after that, waits."),
        error_messages=_CAPACITY_ERRORS,
    )
    host = HostChoiceField(
        label=_("Host"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("No host (fill in an address)"),
        help_text=_("The mornings rotate over the partners: each shows when it last hosted."),
    )

    class Meta:
        model = TeamMorning
        fields = ["date", "starts_at", "ends_at", "host", "place", "capacity", "note"]
        widgets = {
            "date": DateInput(),
            "starts_at": TimeInput(),
            "ends_at": TimeInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A partner no longer active stays choosable for the morning it hosts already.
        self.fields["host"].queryset = _hosts(also=self.instance.host_id)

    def clean(self):
        cleaned = super().clean()
        _check_times(self, cleaned)
        return cleaned


class PlanSettingsForm(forms.Form):
    """Which weekday and how many weeks to propose (read from the query string)."""

    weekday = forms.TypedChoiceField(
        label=_("Day of the week"), choices=WEEKDAYS, coerce=int, initial=WEDNESDAY
    )
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=DEFAULT_WEEKS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weeks"].help_text = gettext("At most %(max)s weeks at a time.") % {
            "max": MAX_WEEKS
        }

    def values(self) -> tuple[int, int]:
        """The chosen weekday and weeks; the defaults where the choice is not valid."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["weekday"], self.cleaned_data["weeks"]
        return WEDNESDAY, DEFAULT_WEEKS


class PlanRowForm(forms.Form):
    """One proposed morning on the plan page. An unticked row is left out (its other
    fields are not checked). `partners` are the hosts to choose from, read once for all
    rows."""

    plan = forms.BooleanField(label=_("Plan this morning"), required=False, initial=True)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    starts_at = forms.TimeField(
        label=pgettext_lazy("time", "From"), widget=TimeInput(), initial=DEFAULT_START
    )
    ends_at = forms.TimeField(
        label=pgettext_lazy("time", "Until"), widget=TimeInput(), initial=DEFAULT_END
    )
    host = forms.TypedChoiceField(label=_("Host"), coerce=int, required=False, empty_value=None)
    place = forms.CharField(
        label=_("Address"),
        max_length=200,
        required=False,
        help_text=_("Street, town and room. Empty: the host's name is shown."),
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=CAPACITY_MAX,
        initial=DEFAULT_CAPACITY,
        error_messages=_CAPACITY_ERRORS,
    )

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partners = {partner.pk: partner for partner in partners}
        self.fields["host"].choices = [
            ("", _("No host (fill in an address)")),
            *((partner.pk, _host_label(partner)) for partner in partners),
        ]

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self.cleaned_data.get("plan"):
            self._errors = ErrorDict()
            self.cleaned_data = {"plan": False}

    def clean(self):
        cleaned = super().clean()
        _check_times(self, cleaned)
        if "host" in cleaned:
            cleaned["host"] = self.partners.get(cleaned["host"])
        if "place" in cleaned:
            cleaned["place"] = without_bidi_controls(cleaned["place"]).strip()
            if "host" in cleaned and cleaned["host"] is None and not cleaned["place"]:
                self.add_error("place", _("Choose a host or fill in an address."))
        return cleaned

    @property
    def shown_date(self):
        """The row's date for its heading: the valid one sent, else the proposed one."""
        return getattr(self, "cleaned_data", {}).get("date") or self.initial.get("date")

    def morning_values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("date", "starts_at", "ends_at", "host", "place", "capacity")
        }


class BasePlanFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if not any(form.cleaned_data.get("plan") for form in self.forms):
            raise forms.ValidationError(_("Tick at least one morning to plan."))


PlanFormSet = forms.formset_factory(
    PlanRowForm,
    formset=BasePlanFormSet,
    extra=0,
    max_num=MAX_WEEKS,
    absolute_max=MAX_WEEKS,
    validate_max=True,
)


class MorningSignupForm(SignupForm):
    """The public "I'll join" form on a morning's page (movement.forms.signups)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motivation"].label = _("What would you like to talk about? (optional)")
