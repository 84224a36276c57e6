"""Forms of the stories (ervaringen): the story, its consent, and the review."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelChoiceField
from monitoring.models import Consent, Experience, Indicator
from partners.models import Municipality, Partner
from reflection.models import Effort, PhasePlan


class ExperienceForm(ModelForm):
    """The story and what it is about. `partners` limits the organisations one may choose
    (an editor: their own; None: every active partner, for staff)."""

    class Meta:
        model = Experience
        fields = ["title", "story", "teller_name", "municipality", "partner", "effort", "indicator"]
        field_classes = {
            "municipality": SafeModelChoiceField,
            "partner": SafeModelChoiceField,
            "effort": SafeModelChoiceField,
            "indicator": SafeModelChoiceField,
        }
        widgets = {"story": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "teller_name": _(
                "Leave this empty: the story stays anonymous. Only fill in a name when the "
                "teller asked for it."
            ),
            "municipality": _("Where it happened. You may leave this empty."),
            "effort": _("The effort of a phase plan the story is about, if any."),
            "indicator": _("The figure the story tells more about, if any."),
        }

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        partner_field = self.fields["partner"]
        if partners is None:
            partner_field.queryset = Partner.objects.filter(
                Q(is_active=True) | Q(pk=self.instance.partner_id)
            ).order_by("name")
        else:
            partner_field.queryset = partners.order_by("name")
            partner_field.required = True
            partner_field.empty_label = None
            partner_field.help_text = _("The organisation that shares this story.")
        # Efforts of the adopted plans only: older versions would make the list grow.
        self.fields["effort"].queryset = (
            Effort.objects.filter(
                Q(plan__status=PhasePlan.Status.ADOPTED) | Q(pk=self.instance.effort_id)
            )
            .select_related("plan")
            .order_by("plan__number", "order", "id")
        )
        self.fields["indicator"].queryset = Indicator.objects.order_by("name")


class ConsentForm(ModelForm):
    """The teller's consent: who may read the story, from when, until when."""

    class Meta:
        model = Consent
        fields = ["scope", "given_on", "ends_on"]
        widgets = {"given_on": DateInput(), "ends_on": DateInput()}
        labels = {
            "scope": _("Who may read the story?"),
            "given_on": _("Consent given on"),
            "ends_on": _("Consent ends on"),
        }
        help_texts = {
            "scope": _(
                "Staff only; everyone who logs in to the portal; or also visitors of the "
                "public showcase. Outside staff a story is only shown after an experience "
                "expert approved it."
            ),
            "ends_on": _("Leave empty when the consent has no end date."),
        }

    def clean(self):
        cleaned = super().clean()
        given_on, ends_on = cleaned.get("given_on"), cleaned.get("ends_on")
        if given_on and ends_on and ends_on < given_on:
            self.add_error(
                "ends_on",
                forms.ValidationError(
                    _("The consent cannot end before the day it was given."),
                    code="ends_before_given",
                ),
            )
        return cleaned


class ReviewForm(forms.Form):
    """An experience expert approves a story or sends it back with a note."""

    APPROVE = "approve"
    RETURN = "return"

    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            (APPROVE, _("Approve: the story may be shown")),
            (RETURN, _("Send it back: something has to change first")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Your note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what has to change. This is needed when you send the story back."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.RETURN and not cleaned.get("note", "").strip():
            self.add_error(
                "note",
                forms.ValidationError(
                    _("Write what has to change before you send the story back."),
                    code="note_needed",
                ),
            )
        return cleaned
