"""Input of the library: a document's details, and an uploaded version."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from avk.forms import ModelForm, UploadField
from library.models import DocumentVersion, LibraryDocument
from library.uploads import document_check


class DocumentForm(ModelForm):
    class Meta:
        model = LibraryDocument
        fields = ["title", "category", "description", "visibility"]
        labels = {
            "title": _("Title"),
            "category": _("Category"),
            "description": _("Description"),
            "visibility": _("Who may see it"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
        }


class VersionForm(forms.Form):
    file = UploadField(
        label=_("File"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or ODT, at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.odt"}),
    )
    note = forms.CharField(
        label=_("What changed"),
        max_length=DocumentVersion._meta.get_field("note").max_length,
        required=False,
        help_text=_("For example: “Adopted by the steering group”."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.cleaned_data["extension"] = document_check(upload)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return upload


class DocumentCreateForm(DocumentForm):
    """A new document: its details and its first file, in one form."""

    file = VersionForm.base_fields["file"]
    note = VersionForm.base_fields["note"]
    clean_file = VersionForm.clean_file
