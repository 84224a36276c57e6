from django import forms
from django.utils.translation import gettext_lazy as _

from avk.forms import SpreadsheetField
from partners.selectors import imports


class ImportForm(forms.Form):
    """Upload a file; clean() reads it, so a file that cannot be read is a form error."""

    kind = forms.ChoiceField(
        label=_("What does the file hold?"),
        choices=imports.KINDS,
        widget=forms.RadioSelect,
        initial=imports.PARTNERS,
    )
    file = SpreadsheetField()

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        kind = cleaned.get("kind")
        if upload is not None and kind:
            try:
                cleaned["table"] = imports.read_upload(upload, kind)
            except imports.ImportFileError as error:
                self.add_error("file", error.message)
        return cleaned
