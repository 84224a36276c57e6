"""What the library accepts as a document or a logo, and everything it refuses."""

import io
import os
import zipfile

import pytest
from defusedxml import ElementTree as SafeET
from django.core.exceptions import ValidationError
from PIL import Image

from library import uploads
from library.uploads import document_check, logo_check, svg_sanitise
from tests.library.files import PDF, SVG_OK, jpeg, odt, office, png, upload

# --- documents ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        ("plan.pdf", PDF),
        ("Convenant.DOCX", office("docx")),
        ("begroting.xlsx", office("xlsx")),
        ("presentatie.pptx", office("pptx")),
        ("notitie.odt", odt()),
    ],
)
def test_each_document_type_is_accepted_by_name_and_content(name, content):
    assert document_check(upload(name, content)) == name.rsplit(".", 1)[1].lower()


@pytest.mark.parametrize(
    "name, content",
    [
        ("plan.pdf", b"just text pretending"),
        ("plan.pdf", office("docx")),  # a Word file named .pdf
        ("convenant.docx", PDF),  # a PDF named .docx
        ("convenant.docx", office("xlsx")),  # an Excel package named .docx
        ("notitie.odt", office("docx")),
        ("kapot.xlsx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_a_document_that_is_not_what_its_name_says_is_refused(name, content):
    with pytest.raises(ValidationError) as refused:
        document_check(upload(name, content))
    assert refused.value.code == "signature"


@pytest.mark.parametrize("name", ["script.exe", "pagina.html", "logo.svg", "zonder-extensie"])
def test_other_file_types_are_refused(name):
    with pytest.raises(ValidationError) as refused:
        document_check(upload(name, PDF))
    assert refused.value.code == "type"


def test_a_document_over_20_mb_is_refused_before_it_is_read():
    class Huge:
        name = "groot.pdf"
        size = uploads.MAX_DOCUMENT_BYTES + 1

        def read(self, *args):
            raise AssertionError("read before the size was checked")

        seek = read

    with pytest.raises(ValidationError) as refused:
        document_check(Huge())
    assert refused.value.code == "too_large"


# --- raster logos ---------------------------------------------------------------------------


def test_a_png_and_a_jpeg_are_decoded_and_written_again():
    checked = logo_check(upload("logo.png", png() + b"trailing junk <script>"))
    assert checked.format == "png"
    assert b"<script>" not in checked.content
    assert Image.open(io.BytesIO(checked.content)).size == (40, 20)
    assert logo_check(upload("logo.JPG", jpeg())).format == "jpeg"


def test_a_png_that_is_really_text_is_refused():
    with pytest.raises(ValidationError) as refused:
        logo_check(upload("logo.png", b"<html>I am not an image</html>"))
    assert refused.value.code == "signature"


def test_a_jpeg_named_png_is_refused():
    with pytest.raises(ValidationError) as refused:
        logo_check(upload("logo.png", jpeg()))
    assert refused.value.code == "signature"


def test_a_truncated_png_is_refused():
    noise = io.BytesIO()
    Image.frombytes("RGB", (100, 100), os.urandom(30_000)).save(noise, format="PNG")
    assert len(noise.getvalue()) > 20_000
    with pytest.raises(ValidationError):
        logo_check(upload("logo.png", noise.getvalue()[:10_000]))


def test_a_20_mb_image_is_refused_by_its_size_before_decoding(monkeypatch):
    data = png()
    huge = data + b"\0" * (20 * 1024 * 1024 - len(data))

    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded before the size was checked")

    monkeypatch.setattr(uploads.Image, "open", no_decoding)
    with pytest.raises(ValidationError) as refused:
        logo_check(upload("logo.png", huge))
    assert refused.value.code == "too_large"
    assert "20,0 MB" in refused.value.messages[0]


def test_an_image_over_4000_pixels_is_refused():
    with pytest.raises(ValidationError) as refused:
        logo_check(upload("logo.png", png(4001, 10)))
    assert refused.value.code == "too_large"


@pytest.mark.parametrize("name", ["logo.gif", "logo.webp", "logo.pdf", "logo"])
def test_other_logo_types_are_refused(name):
    with pytest.raises(ValidationError) as refused:
        logo_check(upload(name, png()))
    assert refused.value.code == "type"


# --- SVG logos -----------------------------------------------------------------------------


def _svg(body: str, root_attributes: str = "") -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="0 0 10 10"{root_attributes}>{body}</svg>'
    ).encode()


def test_a_plain_svg_is_written_back_without_comments():
    clean = svg_sanitise(SVG_OK)
    assert b"a comment" not in clean
    root = SafeET.fromstring(clean)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert clean.count(b'xmlns="http://www.w3.org/2000/svg"') == 1
    assert b"url(#g)" in clean and b'xlink:href="#g"' in clean


def test_an_svg_with_an_embedded_png_data_uri_is_accepted():
    svg_sanitise(_svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>'))


@pytest.mark.parametrize(
    "svg",
    [
        _svg("<script>alert(1)</script>"),
        _svg('<script xlink:href="#x"/>'),
        _svg("<SCRIPT>alert(1)</SCRIPT>"),
        _svg('<rect width="1" height="1"/>', ' onload="alert(1)"'),
        _svg('<rect width="1" height="1" onclick="alert(1)"/>'),
        _svg('<rect width="1" height="1" ONMOUSEOVER="alert(1)"/>'),
        _svg('<image href="https://evil.example/x.png"/>'),
        _svg('<image xlink:href="http://evil.example/x.png"/>'),
        _svg('<image href="file:///etc/passwd"/>'),
        _svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'),
        _svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'),
        _svg('<use href="other.svg#logo"/>'),
        _svg('<rect width="1" height="1" style="fill:url(https://evil.example/a)"/>'),
        _svg('<rect width="1" height="1" fill="url(\'http://evil.example/#a\')"/>'),
        _svg("<style>@import url(https://evil.example/a.css);</style>"),
        _svg("<style>rect { fill: url(http://evil.example/p) }</style>"),
        _svg(
            '<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml">'
            "hi</div></foreignObject>"
        ),
        _svg('<set attributeName="href" to="javascript:alert(1)"/>'),
        _svg('<animate attributeName="onclick" to="x"/>'),
        _svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="#a"/>'),
    ],
)
def test_an_unsafe_svg_is_refused(svg):
    with pytest.raises(ValidationError) as refused:
        svg_sanitise(svg)
    assert refused.value.code == "unsafe", svg


@pytest.mark.parametrize(
    "svg",
    [
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
        b'<?xml version="1.0"?><!DOCTYPE svg SYSTEM "http://evil.example/svg.dtd">'
        b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<!DOCTYPE svg [<!ENTITY a "aa"><!ENTITY b "&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY x "y">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'.encode("utf-16"),
    ],
)
def test_an_svg_with_an_entity_or_doctype_is_refused(svg):
    with pytest.raises(ValidationError) as refused:
        svg_sanitise(svg)
    assert refused.value.code in ("unsafe", "svg")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body>not svg</body></html>",
        b"<svg>no namespace</svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
        b"\x89PNG\r\n\x1a\n",
        b"",
    ],
)
def test_what_is_not_an_svg_is_refused(data):
    with pytest.raises(ValidationError) as refused:
        svg_sanitise(data)
    assert refused.value.code == "svg"


def test_logo_check_routes_an_svg_through_the_sanitiser():
    checked = logo_check(upload("logo.svg", SVG_OK))
    assert checked.format == "svg" and checked.extension == "svg"
    with pytest.raises(ValidationError):
        logo_check(upload("logo.svg", _svg("<script>alert(1)</script>")))


def test_an_odt_without_its_mimetype_first_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("content.xml", "<x/>")
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ValidationError):
        document_check(upload("notitie.odt", out.getvalue()))
