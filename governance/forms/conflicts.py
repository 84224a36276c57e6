"""Forms of conflicts of interest: a member reports their own, staff record one said at a
meeting. governance.services.conflicts checks every rule again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import ModelForm, SafeModelChoiceField
from governance.access import voting_seats_of
from governance.models import Body, ConflictOfInterest

REASON_MAX = ConflictOfInterest.REASON_MAX


class ConflictForm(ModelForm):
    """The reason; for staff also whose seat it is (the body's current voting seats)."""

    class Meta:
        model = ConflictOfInterest
        fields = ["seat", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX})}

    def __init__(self, *args, body: Body, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.label = (
            _("Why is there a personal interest?")
            if staff
            else _("Why do you have a personal interest?")
        )
        reason.help_text = _("At most %(max)s characters.") % {"max": REASON_MAX}
        reason.error_messages["required"] = _("Write down briefly why there is an interest.")
        if staff:
            seat = SafeModelChoiceField(
                queryset=voting_seats_of(body).select_related("person").order_by("person__name"),
                label=_("Who has the interest?"),
                help_text=_("For example someone who said so at a meeting."),
                error_messages={"invalid_choice": _("Choose someone from the list.")},
            )
            seat.label_from_instance = lambda s: f"{s.person.name} ({s.get_role_display()})"
            self.fields["seat"] = seat
        else:
            del self.fields["seat"]
