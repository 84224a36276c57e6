"""Staff's forms of the network: importing a list of readers, writing a mailing."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.forms import ModelForm, SafeModelChoiceField, SpreadsheetField
from avk.tables import ImportFileError
from avk.text import without_bidi_controls
from movement.models import Mailing, Pilot
from movement.selectors import readers


class ReaderImportForm(forms.Form):
    """Upload a list of readers; clean() reads it, so a bad file is a form error."""

    file = SpreadsheetField(
        help_text=_(
            "A CSV file (UTF-8) or an Excel workbook (.xlsx), at most 2 MB and 10,000 rows."
        )
    )
    source = forms.CharField(
        label=_("Where does the list come from?"),
        max_length=200,
        error_messages={"required": _("Say where the list comes from.")},
        help_text=_(
            "For example: newsletter list of 2024. Used for every row without its own source."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if isinstance(cleaned.get("source"), str):
            cleaned["source"] = without_bidi_controls(cleaned["source"]).strip()
            if not cleaned["source"]:
                self.add_error("source", _("Say where the list comes from."))
        upload = cleaned.get("file")
        if upload is not None:
            try:
                cleaned["table"] = readers.read_upload(upload)
            except ImportFileError as error:
                self.add_error("file", error.message)
        return cleaned


class MailingForm(ModelForm):
    class Meta:
        model = Mailing
        fields = ["subject", "body", "pilot"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        field_classes = {"pilot": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only pilots that take sign-ups (and the one already chosen).
        also = Q(pk=self.instance.pilot_id) if self.instance.pilot_id else Q(pk__in=[])
        self.fields["pilot"].queryset = Pilot.objects.filter(
            Q(status=Pilot.Status.OPEN) | also
        ).order_by("starts_on", "pk")
        self.fields["pilot"].empty_label = _("No pilot")

    def clean(self):
        cleaned = super().clean()
        for name in ("subject", "body"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = without_bidi_controls(cleaned[name]).strip()
        return cleaned
