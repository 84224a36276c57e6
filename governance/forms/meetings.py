"""Forms of meetings, with their agenda. The views hand the cleaned data to
governance.services.meetings, which holds the rules."""

from django import forms
from django.db.models import Max
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from avk.forms import DateTimeInput, ModelForm, SafeModelChoiceField
from governance.models import Body, Meeting, Memo
from partners.models import Partner

MAX_AGENDA_ITEMS = 40
# What a datetime-local field sends, with or without seconds.
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class HostChoiceField(SafeModelChoiceField):
    """Partners, each with the date it last hosted a meeting: the location rotates."""

    def label_from_instance(self, obj):
        if obj.last_hosted:
            return _("%(partner)s (last hosted %(date)s)") % {
                "partner": obj.name,
                "date": formats.date_format(obj.last_hosted, "j-n-Y"),
            }
        return obj.name


class MeetingForm(ModelForm):
    body = SafeModelChoiceField(label=_("Body"), queryset=Body.objects.all())
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        required=False,
        widget=DateTimeInput(),
        input_formats=DATETIME_FORMATS,
    )
    location_partner = HostChoiceField(
        label=_("Host partner"),
        queryset=Partner.objects.annotate(last_hosted=Max("hosted_meetings__starts_at")).order_by(
            "name"
        ),
        required=False,
        help_text=_("The meetings rotate among the partners: each shows when it last hosted."),
    )

    location = forms.CharField(
        label=_("Location"),
        max_length=200,
        required=False,
        help_text=_("Address and room, for example: Raadhuisplein 1, Veendam, raadzaal."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    class Meta:
        model = Meeting
        fields = ["body", "starts_at", "ends_at", "location_partner", "location", "notes"]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        return cleaned

    def _post_clean(self):
        # The service validates the meeting as a whole (with its agenda).
        pass


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=200, required=False)
    memo = SafeModelChoiceField(
        label=_("Memo"),
        queryset=Memo.objects.select_related("body"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, memo_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if memo_choices is not None:
            # Offer a short list; any memo is accepted and checked against the body.
            self.fields["memo"].widget.choices = memo_choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("memo") and not cleaned.get("title", "").strip():
            cleaned["title"] = cleaned["memo"].title[:200]
        return cleaned


class BaseAgendaFormSet(forms.BaseFormSet):
    def entries(self):
        """The filled-in rows, in the order asked for, without the ones marked for removal."""
        rows = []
        for form in self.ordered_forms if self.can_order else self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not (data.get("title") or "").strip():
                continue
            rows.append(data)
        return rows


AgendaFormSet = forms.formset_factory(
    AgendaItemForm,
    formset=BaseAgendaFormSet,
    extra=3,
    can_order=True,
    can_delete=True,
    max_num=MAX_AGENDA_ITEMS,
    validate_max=True,
    absolute_max=MAX_AGENDA_ITEMS,
)


def memo_choices(body: Body | None, *, keep=()) -> list:
    """The memos offered for an agenda: the body's recent ones (one query), plus those
    already on the agenda."""
    memos = Memo.objects.select_related("body").exclude(status=Memo.Status.WITHDRAWN)
    if body is not None:
        memos = memos.filter(body=body)
    memos = list(memos.order_by("-memo_date", "-id")[:100])
    seen = {m.pk for m in memos}
    memos += [m for m in keep if m is not None and m.pk not in seen]
    return [("", "---------")] + [
        (m.pk, f"{m.body.short_name} · {formats.date_format(m.memo_date, 'j-n-Y')} · {m.title}")
        for m in memos
    ]
