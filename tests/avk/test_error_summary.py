"""The error summary every form of the portal shows at its top: it takes the focus when the
page loads and links to each field with an error."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse

from partners.models import TeamMember


class SampleForm(forms.Form):
    name = forms.CharField(label="Naam")
    kind = forms.ChoiceField(
        label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    topics = forms.MultipleChoiceField(
        label="Onderwerpen", choices=[("x", "X")], widget=forms.CheckboxSelectMultiple
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Er ging iets mis met het geheel.")


def summary_of(html: str) -> str:
    match = re.search(r'<div [^>]*class="[^"]*error-summary[^"]*"[^>]*>.*?</ul>', html, re.S)
    assert match, f"no error summary in {html}"
    return match.group(0)


def test_every_crispy_form_gets_a_summary_that_links_to_its_fields():
    form = SampleForm({"version": "x"})
    html = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))
    summary = summary_of(html)
    assert 'tabindex="-1"' in summary and "data-focus-on-load" in summary
    assert html.index("error-summary") < html.index('name="name"')
    assert 'href="#id_name"' in summary
    # A group of radios or checkboxes: the link lands on the first option, which exists.
    assert 'href="#id_kind_0"' in summary and 'id="id_kind_0"' in html
    assert 'href="#id_topics_0"' in summary and 'id="id_topics_0"' in html
    # An error of the whole form, and one of a hidden field, is said too (without a link).
    assert "Er ging iets mis met het geheel." in summary
    assert summary.count("<a ") == 3
    assert "Voer een geheel getal in." in summary


def test_a_form_without_errors_has_no_summary():
    html = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(
        Context({"form": SampleForm()})
    )
    assert "error-summary" not in html


@pytest.mark.django_db
def test_team_form_with_an_empty_name_shows_the_summary_and_loses_nothing(
    client, editor_a, partner_a
):
    client.force_login(editor_a)
    response = client.post(
        reverse("partners:team", args=[partner_a.pk]),
        {
            "action": "add",
            "name": "",
            "email": "nina@example.org",
            "role": "manager",
            "version": partner_a.team_version,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    summary = summary_of(html)
    assert re.search(r'<a href="#id_name">Naam: Dit veld is verplicht\.</a>', summary), summary
    assert 'value="nina@example.org"' in html
    assert not TeamMember.objects.exists()
    # Only the form that was sent shows a summary.
    assert html.count("error-summary") == 1


@pytest.mark.django_db
def test_a_form_with_a_formset_has_one_summary_with_the_rows_errors(client, staff, db_body):
    from tests.governance.test_meetings import agenda_data, meeting_data

    client.force_login(staff)
    data = meeting_data(db_body) | agenda_data([("x" * 201, "", "1", False)])
    html = client.post(reverse("governance:meeting_create"), data).content.decode()
    summary = summary_of(html)
    assert 'href="#id_agenda-0-title"' in summary and "Rij 1: Agendapunt:" in summary
    assert html.count("error-summary") == 1
