"""Staff's forms for indicators: the indicator itself, a measurement, a target, the story
behind the curve and the link of an effort to an indicator."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DecimalField, ModelForm, SafeModelChoiceField, SafeModelMultipleChoiceField
from monitoring.models import Area, EffortIndicator, Indicator, IndicatorStory, Measurement, Target
from partners.models import Partner
from reflection.models import Effort

NUMBER_MESSAGE = _("Fill in a number, such as 9,6 or 1500.")


class IndicatorForm(ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "unit",
            "polarity",
            "source",
            "source_url",
            "visibility",
            "order",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 4})}


class AreaCodeField(forms.CharField):
    """An area by its CBS code (GM0114, PV20, NL01, RGVK); any case, spaces ignored."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("CBS code of the area"))
        kwargs.setdefault(
            "help_text",
            _(
                "GM and 4 digits for a municipality (GM0114 is Emmen), PV20 or PV22 for a "
                "province, NL01 for the Netherlands, RGVK for the Veenkoloniën."
            ),
        )
        super().__init__(max_length=10, **kwargs)

    def clean(self, value):
        code = "".join(super().clean(value).split()).upper()
        area = Area.objects.filter(code=code).select_related("municipality").first()
        if area is None:
            raise forms.ValidationError(
                _("The CBS code %(code)s is unknown in the portal. Check the code."),
                params={"code": code[:10]},
                code="unknown_area",
            )
        return area


def _decimal_fields(form, names):
    """The value fields read a decimal comma or point (avk.forms.DecimalField)."""
    for name in names:
        model_field = form._meta.model._meta.get_field(name)
        form.fields[name] = model_field.formfield(
            form_class=DecimalField, error_messages={"invalid": NUMBER_MESSAGE}
        )


class MeasurementForm(ModelForm):
    """One value of an indicator for an area in a year. The same (indicator, area, year)
    twice is refused here with a clear message (the import updates instead)."""

    area_code = AreaCodeField()

    class Meta:
        model = Measurement
        fields = ["year", "value", "numerator", "denominator", "note", "is_break"]

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.order_fields(["area_code"])
        if self.instance.area_id:
            self.initial.setdefault("area_code", self.instance.area.code)
        self.fields["year"].error_messages["invalid"] = _("Fill in a year, such as 2024.")
        self.fields["year"].widget.attrs.update(min=1990, max=2100)
        _decimal_fields(self, ["value", "numerator", "denominator"])

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("area_code")
        if area is not None:
            self.instance.area = area
            year = cleaned.get("year")
            taken = Measurement.objects.filter(
                indicator=self.instance.indicator, area=area, year=year
            ).exclude(pk=self.instance.pk)
            if year and taken.exists():
                self.add_error(
                    "year",
                    _(
                        "There is already a value for %(area)s in %(year)s. Change that "
                        "value instead of adding a second one."
                    )
                    % {"area": area.name, "year": year},
                )
        return cleaned


class TargetForm(ModelForm):
    """What the alliance aims for in a milestone year; setting one for a year that has one
    replaces it."""

    area_code = AreaCodeField(initial="RGVK")

    class Meta:
        model = Target
        fields = ["year", "value", "note"]

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.order_fields(["area_code"])
        self.fields["year"].error_messages["invalid"] = _("Fill in a year, such as 2030.")
        _decimal_fields(self, ["value"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("area_code") is not None:
            self.instance.area = cleaned["area_code"]
        value = cleaned.get("value")
        if (
            value is not None
            and self.instance.indicator.unit == Indicator.Unit.PERCENTAGE
            and not 0 <= value <= 100
        ):
            self.add_error("value", _("A percentage is a number from 0 up to 100."))
        return cleaned

    def validate_unique(self):
        # A target for a year that has one replaces it (target_set): not an error.
        pass

    def validate_constraints(self):
        pass


class StoryForm(ModelForm):
    """The story behind the curve of one year."""

    class Meta:
        model = IndicatorStory
        fields = ["year", "helps", "hinders", "partners"]
        field_classes = {"partners": SafeModelMultipleChoiceField}
        widgets = {
            "helps": forms.Textarea(attrs={"rows": 5}),
            "hinders": forms.Textarea(attrs={"rows": 5}),
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["year"].error_messages["invalid"] = _("Fill in a year, such as 2024.")
        self.fields["partners"].queryset = Partner.objects.filter(is_active=True).order_by("name")

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        taken = IndicatorStory.objects.filter(indicator=self.instance.indicator, year=year)
        if year and taken.exclude(pk=self.instance.pk).exists():
            self.add_error(
                "year",
                _("There is already a story for %(year)s. Change that one.") % {"year": year},
            )
        if not cleaned.get("helps") and not cleaned.get("hinders"):
            self.add_error(None, _("Write what helps, what hinders, or both."))
        return cleaned


class EffortLinkForm(ModelForm):
    """Link an effort of a phase plan to the indicator, with what it expects to change."""

    class Meta:
        model = EffortIndicator
        fields = ["effort", "expected_change"]
        field_classes = {"effort": SafeModelChoiceField}

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["effort"].queryset = (
            Effort.objects.exclude(indicator_links__indicator=indicator)
            .select_related("plan")
            .order_by("-plan__number", "order", "pk")
        )
        self.fields["effort"].label_from_instance = lambda e: f"{e.plan} · {e.title}"
