"""HTML goes out gzipped to browsers that accept it; pages with secrets and files do not."""

import gzip

from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from avk.middleware import CompressionMiddleware


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client, staff):
    client.force_login(staff)
    plain = client.get(reverse("partners:partner_list"))
    zipped = client.get(reverse("partners:partner_list"), HTTP_ACCEPT_ENCODING="gzip, br")

    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    html = gzip.decompress(zipped.content).decode()
    assert "<title>Partners · AVK-portaal</title>" in html
    assert len(zipped.content) < len(plain.content) / 2


def test_account_pages_stay_uncompressed(client, db):
    # Two-factor secrets, recovery codes and reset keys live under /account/ (BREACH).
    response = client.get(reverse("account_login"), HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert b"<form" in response.content


def _through_middleware(content_type: str, path: str = "/documenten/x/download/"):
    body = b"%PDF-1.7 " + b"x" * 5000
    middleware = CompressionMiddleware(lambda request: HttpResponse(body, content_type))
    return middleware(RequestFactory().get(path, HTTP_ACCEPT_ENCODING="gzip"))


def test_files_that_are_compressed_already_pass_as_they_are():
    for content_type in ["application/pdf", "image/png", "application/vnd.ms-excel"]:
        assert "Content-Encoding" not in _through_middleware(content_type).headers


def test_text_types_are_compressed():
    for content_type in ["text/html; charset=utf-8", "text/calendar", "application/json"]:
        response = _through_middleware(content_type, path="/x/")
        assert response.headers["Content-Encoding"] == "gzip", content_type
