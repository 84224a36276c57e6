from django import forms
from django.utils.translation import gettext_lazy as _

from reflection.models import Contribution, Side

MAX_ANSWER = 2000

# The three questions, one per side of the lemniscate, in plain words.
QUESTIONS = {
    Side.HET.value: _("What goes well in our work, and what needs attention?"),
    Side.WIJ.value: _("How do we work together?"),
    Side.IK.value: _("What drives you, and what do you need?"),
}
HINTS = {
    Side.HET.value: _("About the work: plans, rhythm, results."),
    Side.WIJ.value: _("About us: working together as a team or group."),
    Side.IK.value: _("About you: what makes this work matter to you."),
}


class AnswerField(forms.CharField):
    def to_python(self, value):
        # Browsers send line breaks as \r\n: count them as one character, as the page does.
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class ContributionForm(forms.Form):
    """The three questions; each may stay empty, but not all of them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for side, question in QUESTIONS.items():
            self.fields[side] = AnswerField(
                label=question,
                help_text=HINTS[side],
                required=False,
                max_length=MAX_ANSWER,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={
                    "max_length": _(
                        "Your answer is too long: at most %(limit_value)d characters "
                        "(now %(show_value)d)."
                    ),
                },
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(side) for side in QUESTIONS):
            raise forms.ValidationError(_("Answer at least one question."), code="empty")
        return cleaned

    def answers(self) -> dict[str, str]:
        return {side: self.cleaned_data.get(side, "") for side in QUESTIONS}


class ModerateForm(forms.Form):
    contribution = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=Contribution.Status.choices)
