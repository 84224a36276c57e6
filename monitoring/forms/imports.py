from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import UploadField
from avk.tables import ImportFileError
from monitoring.selectors import imports


class MeasurementImportForm(forms.Form):
    """Upload a file of measurements; clean() reads it, so a file that cannot be read is a
    form error."""

    file = UploadField(
        label=_("File"),
        help_text=_(
            "A CSV file (UTF-8) or an Excel workbook (.xlsx), at most 2 MB and 1,000 rows."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            try:
                cleaned["table"] = imports.read_upload(upload)
            except ImportFileError as error:
                self.add_error("file", error.message)
        return cleaned
