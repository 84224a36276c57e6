from django import forms

from avk.forms import SpreadsheetField
from avk.tables import ImportFileError
from monitoring.selectors import imports


class MeasurementImportForm(forms.Form):
    """Upload a file of measurements; clean() reads it, so a file that cannot be read is a
    form error."""

    file = SpreadsheetField()

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            try:
                cleaned["table"] = imports.read_upload(upload)
            except ImportFileError as error:
                self.add_error("file", error.message)
        return cleaned
