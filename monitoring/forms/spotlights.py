"""The form of a spotlight (partner en acties uitgelicht)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelChoiceField
from monitoring.models import Experience, Spotlight
from partners.models import Intervention, Partner

FEATURED = ("partner", "intervention", "experience")


class SpotlightForm(ModelForm):
    """Exactly one of a partner, an intervention or a story, for a period."""

    class Meta:
        model = Spotlight
        fields = [
            "title",
            "text",
            "partner",
            "intervention",
            "experience",
            "starts_on",
            "ends_on",
            "is_public",
        ]
        field_classes = dict.fromkeys(FEATURED, SafeModelChoiceField)
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }
        help_texts = {
            "partner": _("Choose one: a partner, an intervention or a story."),
            "experience": _(
                "Only approved stories. It is shown only to who may read the story, and on "
                "the public showcase only while the story's consent is public."
            ),
            "ends_on": _("Leave empty to keep it until you end it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["partner"].queryset = Partner.objects.filter(
            Q(is_active=True) | Q(pk=instance.partner_id)
        ).order_by("name")
        self.fields["intervention"].queryset = (
            Intervention.objects.filter(Q(partner__is_active=True) | Q(pk=instance.intervention_id))
            .select_related("partner")
            .order_by("title", "pk")
        )
        self.fields["experience"].queryset = Experience.objects.filter(
            Q(review=Experience.Review.APPROVED) | Q(pk=instance.experience_id)
        ).order_by("title", "pk")

    def clean(self):
        cleaned = super().clean()
        chosen = [name for name in FEATURED if cleaned.get(name)]
        if len(chosen) != 1 and not any(name in self.errors for name in FEATURED):
            raise forms.ValidationError(
                _("Choose exactly one thing to feature: a partner, an intervention or a story."),
                code="feature_one",
            )
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on",
                forms.ValidationError(
                    _("The end date cannot be before the start date."), code="ends_before_start"
                ),
            )
        return cleaned
