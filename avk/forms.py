from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.text import without_bidi_controls


def add_errors(form, error: ValidationError, field: str | None = None) -> None:
    """Show a service's ValidationError on the form: on the field it names where the form
    has that field, otherwise (or for an error without fields) on `field` or the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, error.messages)


class DateInput(forms.DateInput):
    """A browser date picker; its value is always ISO (what <input type=date> reads)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """A browser date-and-time picker, ISO value without seconds."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class SafeModelChoiceField(forms.ModelChoiceField):
    """Django's field, but an id beyond the database's integer range is an invalid choice
    (on SQLite the lookup would raise OverflowError: a 500)."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but an id beyond the database's integer range is an invalid choice.

    On SQLite such an id raises OverflowError inside the lookup (a 500) instead of the
    field's own "not a valid value" message.
    """

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_pk_value"],
                code="invalid_pk_value",
                params={"pk": "…"},
            ) from None


MAX_ID = 2**63 - 1  # the largest id a BigAutoField (and SQLite) can hold


def parse_id(value) -> int | None:
    """An id from a query string, or None for anything that cannot be one (no 500s)."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0 < number <= MAX_ID else None


class UploadField(forms.FileField):
    """Django's file field, but the uploaded file's name loses bidirectional controls, so
    the name shown on a page or stored with the file reads as it is."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None and upload.name:
            upload.name = without_bidi_controls(upload.name)
        return upload


class ModelForm(forms.ModelForm):
    """The portal's ModelForm: single-line text loses its bidirectional controls before
    the form validates, as it does before every save (avk.text), so the uniqueness checks
    see the value that will be stored and a look-alike is a form error, never a 500.
    Subclasses that override clean() call super().clean() first."""

    def clean(self):
        cleaned = super().clean()
        model_fields = {f.name: f for f in self._meta.model._meta.concrete_fields}
        for name, value in cleaned.items():
            if isinstance(value, str) and isinstance(model_fields.get(name), models.CharField):
                cleaned[name] = without_bidi_controls(value)
        return cleaned


def parse_decimal(text: str):
    """A number as people type or export it, in Dutch or English: 9,6 · 9.6 · 9,6% · 1.234,5 ·
    '-3 (a minus our CSV export defused). A Decimal, or None for anything that is not a
    finite number. A point is a decimal point unless the text also has a comma."""
    text = "".join(str(text).split()).removeprefix("'").removesuffix("%")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


class DecimalField(forms.DecimalField):
    """Django's decimal field, but it reads a decimal comma as well as a point whatever the
    language (parse_decimal), and shows a text box that does not fight either."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_decimal(value)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def widget_attrs(self, widget):
        # No min/max/step attributes: the text box takes a comma, a number box would not.
        return forms.Field.widget_attrs(self, widget)


class SpreadsheetField(UploadField):
    """The file of an import: a CSV file or an Excel workbook, read by avk.tables."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("File"))
        kwargs.setdefault(
            "help_text",
            _("A CSV file (UTF-8) or an Excel workbook (.xlsx), at most 2 MB and 1,000 rows."),
        )
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))
        super().__init__(**kwargs)


class NotificationPreferencesForm(forms.Form):
    """One choice per registered kind of mail: at once, daily, weekly digest, or off."""

    def __init__(self, *args, kinds, initial_modes: dict[str, str], **kwargs):
        from avk.models import NotificationPreference

        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.help_text,
                choices=NotificationPreference.Mode.choices,
                initial=initial_modes.get(kind.key, NotificationPreference.Mode.NOW),
                widget=forms.RadioSelect,
            )
