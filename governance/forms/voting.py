"""Forms of the voting: submitting a memo, a vote, and a body's voting rules. The views
hand the cleaned data to governance.services.voting, which checks the rules again."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.forms import DateTimeInput
from governance.models import ProposedDecision, Vote
from governance.selectors.voting import choices_for
from governance.services.voting import COMMENT_MAX


def default_deadline(now: datetime.datetime | None = None) -> datetime.datetime:
    """Now + AVK_VOTING_DAYS days, at 17:00 local time."""
    local = timezone.localtime(now or timezone.now())
    day = local.date() + datetime.timedelta(days=settings.AVK_VOTING_DAYS)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))


class MemoSubmitForm(forms.Form):
    voting_deadline = forms.DateTimeField(
        label=_("Voting closes at"),
        widget=DateTimeInput(),
        help_text=_("Date and time; after this moment votes can no longer change."),
    )
    voting_opens_at = forms.DateTimeField(
        label=_("Voting opens at"),
        widget=DateTimeInput(),
        required=False,
        help_text=_("Leave empty to open the voting right away."),
    )

    def clean(self):
        cleaned = super().clean()
        opens, deadline = cleaned.get("voting_opens_at"), cleaned.get("voting_deadline")
        if deadline and deadline <= timezone.now():
            self.add_error("voting_deadline", _("The voting deadline must be in the future."))
        elif opens and deadline and deadline <= opens:
            self.add_error("voting_deadline", _("The voting deadline must be after the opening."))
        return cleaned


class VoteForm(forms.Form):
    """A vote on one proposed decision. The seat is never a field: it is the user's own."""

    choice = forms.ChoiceField(label=_("Your vote"), widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, decision: ProposedDecision, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Vote.Choice.choices)
        self.fields["choice"].choices = [(c, labels[c]) for c in choices_for(decision)]
        self.fields["choice"].error_messages["invalid_choice"] = _(
            "Choose one of the options shown."
        )


class ConfirmStepForm(forms.Form):
    """The second POST of a step that cannot be undone (templates/includes/confirm_step.html):
    only confirm=yes takes the step; anything else shows the confirmation again."""

    confirm = forms.ChoiceField(choices=[("yes", "yes")], widget=forms.HiddenInput)
