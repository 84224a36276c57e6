"""The public sign-up form every kind of sign-up shares: the person, their consent, and a
honeypot against bots."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from avk.forms import SafeModelChoiceField
from avk.text import without_bidi_controls
from partners.models import Municipality

# The honeypot's name: a field people never see (hidden from sight and from screen
# readers), which form-filling bots fill in.
HONEYPOT = "website"


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a mail with a link. Your sign-up counts once you click it."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    municipality = SafeModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.filter(successor__isnull=True).order_by("name"),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    municipality_text = forms.CharField(
        label=_("Other municipality"),
        max_length=100,
        required=False,
        help_text=_("Is your municipality not in the list? Type it here."),
    )
    motivation = forms.CharField(
        label=_("Why do you want to take part?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("The programme team may contact me about this by e-mail."),
        error_messages={
            "required": _("Tick the box: we can only sign you up if we may contact you.")
        },
    )
    joins_network = forms.BooleanField(
        label=_("Also send me the newsletter of the alliance."),
        required=False,
        help_text=_("Every newsletter has a link to stop it at once."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = settings.AVK_SIGNUP_RETENTION_DAYS
        self.fields["consent"].help_text = ngettext(
            "We delete your details %(days)s day after the end, or as soon as you withdraw.",
            "We delete your details %(days)s days after the end, or as soon as you withdraw.",
            days,
        ) % {"days": days}

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "organisation", "municipality_text"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = without_bidi_controls(cleaned[name]).strip()
        if "name" in cleaned and not cleaned["name"]:
            self.add_error("name", _("Fill in your name."))
        return cleaned

    @property
    def is_bot(self) -> bool:
        """A filled honeypot: the page pretends all went well and nothing is stored."""
        return bool(self.data.get(HONEYPOT))

    def signup_values(self) -> dict:
        """The cleaned values a sign-up service takes."""
        return {
            name: self.cleaned_data[name]
            for name in (
                "name",
                "email",
                "organisation",
                "municipality",
                "municipality_text",
                "motivation",
                "consent",
                "joins_network",
            )
        }
