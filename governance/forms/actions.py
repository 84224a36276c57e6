"""Forms of action items. The views hand the cleaned data to governance.services.actions,
which holds the rules."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, ModelForm, SafeModelChoiceField
from governance.models import ActionItem, Meeting, ProposedDecision
from partners.models import Person


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j-n-Y H:i")


class PersonChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.partner.name})" if obj.partner else obj.name


class ActionForm(ModelForm):
    title = forms.CharField(label=_("Action"), max_length=200)
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = PersonChoiceField(
        label=_("Owner"), queryset=Person.objects.select_related("partner").order_by("name")
    )
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())
    meeting = SafeModelChoiceField(
        label=_("From meeting"),
        queryset=Meeting.objects.select_related("body"),
        required=False,
    )
    decision = SafeModelChoiceField(
        label=_("From decision"),
        queryset=ProposedDecision.objects.exclude(result=""),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("Actions can only come from a decision whose voting has closed.")
        },
    )

    class Meta:
        model = ActionItem
        fields = ["title", "details", "owner", "due_date", "meeting", "decision"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, source=None, **kwargs):
        super().__init__(*args, **kwargs)
        # With a given source (?meeting= or ?decision=) the source is fixed and hidden;
        # without one, staff pick the meeting.
        if source is not None:
            self.fields["meeting"].widget = forms.HiddenInput()
        else:
            self.fields["meeting"].required = True
            # Offer the meetings of the past year and the coming ones; any is accepted.
            recent = (
                Meeting.objects.select_related("body")
                .filter(starts_at__gte=timezone.now() - datetime.timedelta(days=365))
                .order_by("-starts_at")[:100]
            )
            self.fields["meeting"].widget.choices = [("", "---------")] + [
                (
                    m.pk,
                    f"{m.body.name}, {_when(m.starts_at)}",
                )
                for m in recent
            ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("meeting") and not cleaned.get("decision") and not self.errors:
            raise forms.ValidationError(_("An action comes from a meeting or from a decision."))
        return cleaned

    def _post_clean(self):
        pass


class ActionEditForm(ModelForm):
    title = forms.CharField(label=_("Action"), max_length=200)
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)
    owner = PersonChoiceField(
        label=_("Owner"), queryset=Person.objects.select_related("partner").order_by("name")
    )
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    class Meta:
        model = ActionItem
        fields = ["title", "details", "owner", "due_date", "status"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        pass
