"""A partner's house style: who may set it, the colour rule, and the logo page."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from library.forms.house_style import HouseStyleForm
from library.models import HouseStyle
from tests.fuzz import garbage
from tests.library.files import SVG_OK, png, upload


def _url(partner):
    return reverse("library:house_style", args=[partner.pk])


def test_an_editor_sets_colour_and_logo(client, editor_a, partner_a):
    client.force_login(editor_a)
    response = client.post(
        _url(partner_a), {"colour": "#12ab34", "logo": upload("logo.svg", SVG_OK)}
    )
    assert response.status_code == 302
    style = HouseStyle.objects.get(partner=partner_a)
    assert style.colour == "#12AB34" and style.logo_format == "svg"
    assert style.logo.name.startswith(f"library/house-style/{partner_a.pk}/")
    assert b"a comment" not in style.logo.read()  # the rewritten copy, not the upload
    page = client.get(_url(partner_a)).content.decode()
    assert "#12AB34" in page
    assert reverse("library:house_style_logo", args=[partner_a.pk]) in page
    assert AuditEntry.objects.filter(action="library.house_style_changed").exists()


def test_a_new_logo_replaces_the_old_file(
    client, editor_a, partner_a, django_capture_on_commit_callbacks
):
    client.force_login(editor_a)
    client.post(_url(partner_a), {"colour": "#12AB34", "logo": upload("logo.svg", SVG_OK)})
    old = HouseStyle.objects.get().logo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(partner_a), {"colour": "#12AB34", "logo": upload("logo.png", png())})
    style = HouseStyle.objects.get()
    assert style.logo_format == "png" and style.logo.name != old
    assert not style.logo.storage.exists(old)
    # Saving only the colour keeps the logo.
    client.post(_url(partner_a), {"colour": "#000000"})
    style.refresh_from_db()
    assert style.colour == "#000000" and style.logo_format == "png"


def _logo_src(response) -> str:
    return re.search(r'<img src="([^"]+)"[^>]*id="current-logo"', response.content.decode())[1]


def test_a_new_logo_gets_a_new_address_so_the_browser_shows_it_at_once(client, editor_a, partner_a):
    """The logo is served with max-age=300: under the same address a browser would keep
    showing the old logo for five minutes after the new one was saved."""
    client.force_login(editor_a)
    client.post(_url(partner_a), {"colour": "#12AB34", "logo": upload("logo.svg", SVG_OK)})
    first = _logo_src(client.get(_url(partner_a)))
    client.post(_url(partner_a), {"colour": "#12AB34", "logo": upload("logo.png", png())})
    second = _logo_src(client.get(_url(partner_a)))
    assert first != second
    assert second.startswith(reverse("library:house_style_logo", args=[partner_a.pk]))
    response = client.get(second)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "max-age=300" in response["Cache-Control"]
    # Only the colour changes: the logo keeps its address, the browser's copy is right.
    client.post(_url(partner_a), {"colour": "#000000"})
    assert _logo_src(client.get(_url(partner_a))) == second


@pytest.mark.parametrize("colour", ["red", "#12345G", "12AB34", "#12AB3", "#12AB345", "", "#fff"])
def test_a_colour_that_is_not_hex_is_refused_in_dutch(client, editor_a, partner_a, colour):
    client.force_login(editor_a)
    response = client.post(_url(partner_a), {"colour": colour})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is een probleem" in page
    assert not HouseStyle.objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "code in",
        ),
        ("logo.png", b"this is text, not a picture", "geen PNG"),
        ("logo.png", b"\x89PNG" + b"\0" * (20 * 1024 * 1024), "20,0 MB"),
        ("logo.gif", png(), "SVG-bestand"),
    ],
)
def test_a_bad_logo_is_refused_with_a_dutch_message_and_keeps_the_colour(
    client, editor_a, partner_a, name, content, message
):
    client.force_login(editor_a)
    response = client.post(_url(partner_a), {"colour": "#12AB34", "logo": upload(name, content)})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page, re.findall(r'class="invalid-feedback"[^<]*<strong>([^<]*)', page)
    assert 'value="#12AB34"' in page  # nothing else is lost
    assert not HouseStyle.objects.exists()


def test_other_partners_and_outsiders_cannot_set_it(personas, client_for, partner_a):
    for persona in ["editor_b", "db_member", "sg_member", "outsider"]:
        client = client_for(personas[persona])
        assert client.post(_url(partner_a), {"colour": "#000000"}).status_code == 403
        logo_url = reverse("library:house_style_logo", args=[partner_a.pk])
        assert client.get(logo_url).status_code == 403
    assert client_for(None).post(_url(partner_a), {"colour": "#000000"}).status_code == 302
    assert not HouseStyle.objects.exists()


def test_an_unknown_or_inactive_partner_is_404(client, editor_a, partner_a, staff):
    client.force_login(editor_a)
    assert client.get(reverse("library:house_style", args=[partner_a.pk + 999])).status_code == 404
    partner_a.is_active = False
    partner_a.save()
    assert client.get(_url(partner_a)).status_code == 404  # editors see active partners only
    client.force_login(staff)
    assert client.get(_url(partner_a)).status_code == 200


def test_the_svg_logo_is_served_with_a_policy_that_runs_nothing(client, editor_a, partner_a):
    client.force_login(editor_a)
    client.post(_url(partner_a), {"colour": "#12AB34", "logo": upload("logo.svg", SVG_OK)})
    response = client.get(reverse("library:house_style_logo", args=[partner_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_library_links_an_editor_to_their_house_style(client, editor_a, partner_a, partner_b):
    client.force_login(editor_a)
    page = client.get(reverse("library:library")).content.decode()
    assert _url(partner_a) in page and _url(partner_b) not in page


def test_a_partners_page_links_its_editors_and_staff_to_the_house_style(
    client, staff, editor_a, partner_a, partner_b
):
    for user in (editor_a, staff):
        client.force_login(user)
        page = client.get(reverse("partners:partner_detail", args=[partner_a.pk])).content
        assert _url(partner_a) in page.decode(), user
    client.force_login(editor_a)  # not an editor of partner B: no link there
    page = client.get(reverse("partners:partner_detail", args=[partner_b.pk])).content
    assert _url(partner_b) not in page.decode()


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(colour=garbage("#17455C", "#17455c", " #17455C ", "#GGGGGG", "red"))
def test_the_form_takes_only_a_hex_colour(colour):
    form = HouseStyleForm({"colour": colour})
    if form.is_valid():
        assert re.fullmatch(r"#[0-9A-F]{6}", form.cleaned_data["colour"])
    else:
        assert form.errors["colour"]


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=600),
    name=st.sampled_from(["logo.png", "logo.jpg", "logo.svg", "logo.gif"]),
)
def test_any_logo_bytes_give_a_logo_or_a_clear_message(data, name):
    form = HouseStyleForm({"colour": "#17455C"}, {"logo": upload(name, data)})
    if form.is_valid():
        assert form.cleaned_data["checked_logo"].content
    else:
        assert form.errors["logo"]


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(colour=garbage("#17455C"), name=st.sampled_from(["a.svg", "a.png", "a"]))
def test_the_house_style_page_never_answers_500(client, editor_a, partner_a, colour, name):
    client.force_login(editor_a)
    data = {"colour": colour, "logo": upload(name, colour.encode())}
    response = client.post(_url(partner_a), data)
    assert response.status_code in (200, 302)
