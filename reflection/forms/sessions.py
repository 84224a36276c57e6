"""Forms of the reflection sessions: the island, its three sides, its attention points."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelMultipleChoiceField
from partners.models import Person
from reflection.models import AttentionPoint, Ingredient, ReflectionSession, SessionSide, Side

MAX_INGREDIENTS = 50


class SessionForm(ModelForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    participants = SafeModelMultipleChoiceField(
        label=_("Participants"),
        queryset=Person.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one person."),
    )

    class Meta:
        model = ReflectionSession
        fields = ["year", "level", "group_name", "date", "facilitator", "participants"]
        fields += ["introduction"]
        widgets = {
            "date": DateInput(),
            "introduction": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        level, name = cleaned.get("level"), (cleaned.get("group_name") or "").strip()
        if level == ReflectionSession.Level.OTHER and not name:
            self.add_error("group_name", _("Give the name of the group."))
        elif level and level != ReflectionSession.Level.OTHER:
            # The name is only for another group; a leftover name would dodge "once per year".
            cleaned["group_name"] = ""
        return cleaned


class SessionSideForm(ModelForm):
    """What one side brought up; shown three times on the session page (prefix = side)."""

    class Meta:
        model = SessionSide
        fields = ["observations", "other_points", "summary"]
        widgets = {
            "observations": forms.Textarea(attrs={"rows": 3}),
            "other_points": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


def side_forms(data, session: ReflectionSession | None) -> list[tuple[str, str, SessionSideForm]]:
    """(side, label, form) for HET, WIJ and IK, bound to the session's existing sides."""
    existing = {s.side: s for s in session.sides.all()} if session else {}
    return [
        (
            value,
            label,
            SessionSideForm(
                data, instance=existing.get(value) or SessionSide(side=value), prefix=value
            ),
        )
        for value, label in Side.choices
    ]


class AttentionPointCreateForm(forms.Form):
    side = forms.ChoiceField(label=_("Side"), choices=Side.choices)
    title = forms.CharField(
        label=_("Attention point"), max_length=AttentionPoint._meta.get_field("title").max_length
    )
    description = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=AttentionPoint._meta.get_field("description").max_length,
        required=False,
    )


class AttentionPointForm(forms.Form):
    title = forms.CharField(
        label=_("Attention point"), max_length=AttentionPoint._meta.get_field("title").max_length
    )
    description = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=AttentionPoint._meta.get_field("description").max_length,
        required=False,
    )
    ingredients = forms.CharField(
        label=_("Ingredients"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=MAX_INGREDIENTS * 501,
        help_text=_(
            "The concrete actions that go with this attention point: one per line, "
            "in the order you want them shown."
        ),
    )
    related = SafeModelMultipleChoiceField(
        label=_("Recognised in"),
        queryset=AttentionPoint.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Attention points of the other islands of this year that recur here."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related"].queryset = candidates
        self.fields["related"].label_from_instance = lambda p: (
            f"{p.citation} ({p.get_side_display()}): {p.title}"
        )

    def clean_ingredients(self):
        lines = [line.strip() for line in self.cleaned_data["ingredients"].splitlines()]
        lines = [line for line in lines if line]
        limit = Ingredient._meta.get_field("text").max_length
        too_long = [n for n, line in enumerate(lines, start=1) if len(line) > limit]
        if too_long:
            raise forms.ValidationError(
                _("Line %(line)s is longer than %(limit)s characters: make it shorter."),
                params={"line": too_long[0], "limit": limit},
            )
        if len(lines) > MAX_INGREDIENTS:
            raise forms.ValidationError(
                _("At most %(limit)s ingredients."), params={"limit": MAX_INGREDIENTS}
            )
        return lines


class AttentionPointMoveForm(forms.Form):
    """Move a point one place up or down in its session's numbering."""

    direction = forms.ChoiceField(
        label=_("Direction"), choices=[("up", _("Up")), ("down", _("Down"))]
    )
