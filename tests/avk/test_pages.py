"""What every page shares: the browser tab's title, the icon, and a quiet log for a 403."""

import io
import logging
import re

import pytest
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


def test_every_page_links_its_icon_and_favicon_ico_answers(client, outsider):
    client.force_login(outsider)
    html = client.get(reverse("home")).content.decode()
    links = re.findall(r'<link rel="icon"[^>]*href="([^"]+)"', html)
    assert links
    for href in links:
        assert client.get(href).status_code == 200
    (ico,) = [href for href in links if href.endswith(".ico")]
    client.logout()
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content.startswith(b"\x00\x00\x01\x00")  # an ICO file
    assert response.content == b"".join(client.get(ico).streaming_content)


@pytest.fixture
def server_log():
    """What the configured log handlers print (the server's console), as text."""
    stream = io.StringIO()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    swapped = []
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if type(handler) is logging.StreamHandler:  # not pytest's capture handlers
                swapped.append((handler, handler.setStream(stream)))
    yield stream
    for handler, old in swapped:
        handler.setStream(old)


def test_a_403_logs_one_line_without_a_traceback(client, outsider, settings, server_log, caplog):
    settings.DEBUG = True  # as under `make run`, where Django's own console handler is on too
    client.force_login(outsider)
    with caplog.at_level(logging.INFO):
        response = client.get(reverse("partners:invitation_list"))
    assert response.status_code == 403
    printed = server_log.getvalue().splitlines()
    assert len(printed) == 1, printed  # printed once, and without a traceback
    assert "WARNING django.request Forbidden" in printed[0]
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.WARNING


def test_a_bad_host_header_logs_without_a_traceback(client, db, server_log):
    response = client.get("/", headers={"host": "scanner.example"})
    assert response.status_code == 400
    printed = server_log.getvalue().splitlines()
    assert len(printed) == 1, printed  # the refused host, without a traceback
    assert "Invalid HTTP_HOST header" in printed[0]
