from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from avk.forms import ModelForm
from partners.models import QuickScanCriterion
from partners.services.quickscan import NOTE_MAX_LENGTH, Answer

YES, NO = "yes", "no"


class QuickScanForm(forms.Form):
    """One yes/no question (and an optional note) per criterion in use."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"met_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.text,
                choices=[(YES, _("Yes")), (NO, _("No"))],
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("Answer this question with yes or no.")},
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Note (optional)"),
                max_length=NOTE_MAX_LENGTH,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )

    def clean(self):
        cleaned = super().clean()
        open_questions = sum(
            1 for criterion in self.criteria if f"met_{criterion.pk}" in self.errors
        )
        if open_questions:
            raise forms.ValidationError(
                ngettext(
                    "%(count)d question has no valid answer yet. Nothing has been saved.",
                    "%(count)d questions have no valid answer yet. Nothing has been saved.",
                    open_questions,
                )
                % {"count": open_questions}
            )
        return cleaned

    @property
    def rows(self):
        """(number, criterion, yes/no field, note field) per question, for the template."""
        return [
            (number, criterion, self[f"met_{criterion.pk}"], self[f"note_{criterion.pk}"])
            for number, criterion in enumerate(self.criteria, start=1)
        ]

    def answers(self) -> dict[int, Answer]:
        return {
            criterion.pk: Answer(
                self.cleaned_data[f"met_{criterion.pk}"] == YES,
                self.cleaned_data[f"note_{criterion.pk}"],
            )
            for criterion in self.criteria
        }

    @staticmethod
    def initial_from(scan) -> dict:
        """The saved answers of a scan as the form's initial values."""
        initial = {}
        for answer in scan.answers.all():
            initial[f"met_{answer.criterion_id}"] = YES if answer.met else NO
            initial[f"note_{answer.criterion_id}"] = answer.note
        return initial


class CriterionForm(ModelForm):
    class Meta:
        model = QuickScanCriterion
        fields = ["text", "explanation", "order"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "text": _("A statement a partner can answer with yes or no."),
            "order": _("Questions are asked from low to high."),
        }


class CriterionEditForm(CriterionForm):
    class Meta(CriterionForm.Meta):
        fields = ["text", "explanation", "order", "is_active"]
        help_texts = CriterionForm.Meta.help_texts | {
            "is_active": _(
                "Switch off a criterion that should no longer be asked. Scans of earlier "
                "years keep their answer."
            ),
        }
