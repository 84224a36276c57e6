"""Input of a partner's house style: their colour and logo."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from avk.forms import UploadField
from library.models.house_style import HEX_COLOUR
from library.uploads import logo_check


class HouseStyleForm(forms.Form):
    colour = forms.CharField(
        label=_("Your colour"),
        max_length=7,
        validators=[HEX_COLOUR],
        help_text=_("As # and six characters 0-9 or A-F, for example #17455C."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    logo = UploadField(
        label=_("Your logo"),
        required=False,
        help_text=_(
            "PNG, JPEG or SVG, at most 2 MB and 4000 x 4000 pixels. Leave empty to keep "
            "the logo you have."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"}),
    )

    def clean_colour(self):
        return self.cleaned_data["colour"].strip().upper()

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            self.cleaned_data["checked_logo"] = None
            return None
        try:
            self.cleaned_data["checked_logo"] = logo_check(upload)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return upload
