from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from partners.models import Package, Partner
from partners.models.team import DelegationLevel, TeamRole


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.filter(is_active=True),
        required=False,
        empty_label=_("(no partner)"),
    )
    is_editor = forms.BooleanField(
        label=_("May keep this partner's data up to date (editor)"), required=False
    )


class AcceptInvitationForm(forms.Form):
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"


class CommitmentForm(forms.Form):
    RECORD = "record"
    PROPOSE = "propose"

    package = forms.ModelChoiceField(
        label=_("Package"), queryset=Package.objects.all(), empty_label=None
    )
    period_start = forms.DateField(label=_("From"), widget=DateInput)
    period_end = forms.DateField(label=_("Until"), widget=DateInput, required=False)
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput, required=False)
    signed_by = forms.CharField(label=_("Signed by"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    action = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=[
            (RECORD, _("Record it: the covenant has been signed, it is in effect now")),
            (PROPOSE, _("Propose it: the programme team checks it first")),
        ],
        widget=forms.RadioSelect,
        initial=RECORD,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date is before the start date."))
        if cleaned.get("action") == self.RECORD and not cleaned.get("signed_on"):
            self.add_error("signed_on", _("Fill in when the covenant was signed."))
        return cleaned


class TeamMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    role = forms.ChoiceField(label=_("Role in the AVK team"), choices=TeamRole.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ContactForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        people = partner.people.order_by("name")
        self.fields["contact_person"] = forms.ModelChoiceField(
            label=_("Contact person"),
            queryset=people,
            required=False,
            empty_label=_("(nobody yet)"),
        )
        for level, label in DelegationLevel.choices:
            self.fields[f"delegate_{level}"] = forms.ModelChoiceField(
                label=_("Delegate, %(level)s") % {"level": label},
                queryset=people,
                required=False,
                empty_label=_("(nobody yet)"),
            )


class ColleagueInvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    is_editor = forms.BooleanField(
        label=_("May also keep our organisation's data up to date (editor)"), required=False
    )


class PackageForm(forms.ModelForm):
    class Meta:
        model = Package
        fields = ["name", "description", "checklist", "steering_group_seat"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "checklist": forms.Textarea(attrs={"rows": 5}),
        }
