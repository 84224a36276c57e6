"""Forms of the memo editor. Each write form carries `expected_version`: the version of
the memo the page was rendered from (the optimistic lock, checked by the services)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from avk.forms import DateInput, SafeModelChoiceField, UploadField
from governance.markdown import MarkdownField
from governance.models import Body, Memo, MemoAnnex, MemoSection, ProposedDecision

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 4000
IMAGE_FORMATS = {"PNG", "JPEG"}
MAX_VERSION = 2**31 - 1


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text; a pasted one should not become a 500.
    return value.replace("\x00", "") if isinstance(value, str) else value


class VersionedForm(forms.Form):
    expected_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION
    )

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = _no_nul(value)
        return cleaned


def _model_field(model, name, **kwargs):
    return model._meta.get_field(name).formfield(**kwargs)


class MemoHeaderForm(VersionedForm):
    body = SafeModelChoiceField(
        label=_("To"), queryset=Body.objects.order_by("order", "name"), empty_label=None
    )
    title = _model_field(Memo, "title", label=_("Title"))
    author = _model_field(Memo, "author", label=_("Drafted by"))
    memo_date = forms.DateField(label=_("Date"), widget=DateInput())
    introduction = MarkdownField(
        label=_("Introduction"),
        help_text=_("Markdown: **bold**, *italic*, lists with - or 1."),
    )
    field_order = ["expected_version", "body", "title", "author", "memo_date", "introduction"]


class MemoCreateForm(MemoHeaderForm):
    """The header of a new memo: no version yet."""

    expected_version = None


class SectionForm(VersionedForm):
    title = _model_field(MemoSection, "title", label=_("Section title"))
    text = MarkdownField(
        label=_("Text"),
        help_text=_("Markdown: **bold**, *italic*, lists with - or 1., links."),
    )
    inputs = forms.CharField(
        label=_("Inputs (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the people present brought in: shown as bullets."),
    )
    summary = forms.CharField(
        label=_("Summary points (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown under “In summary”, numbered across the whole memo."),
    )


class DecisionForm(VersionedForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (ProposedDecision.Kind.NOTE, _("take note of")),
            (ProposedDecision.Kind.APPROVE, _("approve")),
        ],
        widget=forms.RadioSelect,
        initial=ProposedDecision.Kind.APPROVE,
    )
    text = forms.CharField(
        label=_("Proposed decision"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Completes the sentence “The body is asked to take note of / approve …”."),
    )


class AnnexCaptionForm(VersionedForm):
    caption = _model_field(MemoAnnex, "caption", label=_("Caption"))


class AnnexForm(AnnexCaptionForm):
    image = UploadField(
        label=_("Image"),
        help_text=_("PNG or JPEG, at most 5 MB and 4000 x 4000 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    field_order = ["expected_version", "image", "caption"]

    def clean_image(self):
        """Open the file with Pillow: what it is decides, not its name or the browser's word."""
        upload = self.cleaned_data["image"]
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                _("The image is too large (%(size)s MB); at most 5 MB.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}"}
            )
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in IMAGE_FORMATS:
                    raise forms.ValidationError(_("Upload a PNG or JPEG image."))
                if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
                    raise forms.ValidationError(
                        _("The image is %(width)s x %(height)s pixels; at most 4000 x 4000 pixels.")
                        % {"width": width, "height": height}
                    )
                image.verify()
        except forms.ValidationError:
            raise
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombError,
        ):
            raise forms.ValidationError(
                _("This file is not a PNG or JPEG image (or it is damaged).")
            ) from None
        upload.seek(0)
        self.cleaned_data["image_format"] = image_format
        return upload
