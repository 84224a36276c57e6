"""Staff's form of a course or learning meeting, and the public sign-up form for one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateTimeInput, ModelForm
from movement.forms.signups import SignupForm
from movement.models import Course
from movement.models.learning import CAPACITY_MAX

# What a datetime-local field sends, with or without seconds.
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class CourseForm(ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=CAPACITY_MAX,
        help_text=_("How many people can take part. Who signs up after that, waits."),
        error_messages={
            "min_value": _("A course or meeting has at least 1 place."),
            "max_value": _("A course or meeting has at most %(limit_value)s places."),
        },
    )

    class Meta:
        model = Course
        fields = [
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "capacity",
            "status",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class CourseSignupForm(SignupForm):
    """The public form on a course's page (movement.forms.signups)."""
