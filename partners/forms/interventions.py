"""Forms of the interventions inventory ("weten wie waar wat doet en met wie")."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import ModelForm, SafeModelMultipleChoiceField
from partners.models import Intervention, Municipality, Partner, Person


class InterventionForm(ModelForm):
    """What a partner runs. Only staff see the showcase switch (is_published)."""

    class Meta:
        model = Intervention
        fields = [
            "title",
            "description",
            "target_group",
            "status",
            "municipalities",
            "collaborators",
            "contact",
            "is_published",
        ]
        field_classes = {
            "municipalities": SafeModelMultipleChoiceField,
            "collaborators": SafeModelMultipleChoiceField,
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "municipalities": forms.CheckboxSelectMultiple,
            "collaborators": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "municipalities": _("Where the intervention runs."),
            "collaborators": _("The other partners of the alliance you run it with."),
            "contact": _("Someone of your organisation who can tell more about it."),
        }

    def __init__(self, *args, partner: Partner, can_publish: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = partner
        self.fields["description"].required = True
        self.fields["municipalities"].queryset = Municipality.objects.order_by("name")
        # The partner itself stays in the queryset so that a forged POST gets the clear
        # message of clean_collaborators, but it is not offered as a choice.
        collaborators = self.fields["collaborators"]
        collaborators.queryset = Partner.objects.filter(is_active=True).order_by("name")
        collaborators.widget.choices = [
            (p.pk, p.name) for p in collaborators.queryset.exclude(pk=partner.pk)
        ]
        self.fields["contact"].queryset = Person.objects.filter(partner=partner).order_by("name")
        if not can_publish:
            del self.fields["is_published"]

    def clean_collaborators(self):
        collaborators = self.cleaned_data["collaborators"]
        if any(p.pk == self.partner.pk for p in collaborators):
            raise forms.ValidationError(
                _("%(partner)s runs this intervention: choose only the other partners."),
                params={"partner": self.partner.name},
                code="self_collaboration",
            )
        return collaborators
