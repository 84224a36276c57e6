"""What every page shares: the browser tab's title."""

import re

from django.contrib.auth.models import AnonymousUser
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse


def tab_title(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    assert match, "the page has no <title>"
    return " ".join(match.group(1).split())


def test_a_page_title_is_followed_by_the_portal_name(client, outsider):
    client.force_login(outsider)
    assert tab_title(client.get(reverse("home"))) == "Dashboard · AVK-portaal"
    assert tab_title(client.get(reverse("partners:partner_list"))) == "Partners · AVK-portaal"
    assert tab_title(client.get("/bestaat-niet/")) == "Pagina niet gevonden · AVK-portaal"


def test_allauth_pages_get_the_same_title(client, db):
    for name in ["account_login", "account_reset_password"]:
        title = tab_title(client.get(reverse(name)))
        page, separator, portal = title.rpartition(" · ")
        assert (separator, portal) == (" · ", "AVK-portaal") and page, title


def test_a_page_without_its_own_title_is_just_the_portal_name(db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = Template('{% extends "base.html" %}').render(RequestContext(request))
    assert re.search(r"<title>\s*AVK-portaal\s*</title>", html), html[:400]
