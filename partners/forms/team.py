from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models.team import DelegationLevel, TeamRole


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
