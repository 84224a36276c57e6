"""Checking what people upload to the library: documents and logos.

What a file is decides, not its name or the browser's word: a document's extension must
match its content signature, and a logo is decoded by Pillow or parsed as XML and written
back by us. The size is checked before anything is read, so a 20 MB upload costs nothing.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree as ET  # only writes back the tree defusedxml parsed

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_SIDE = 4000
MAX_ZIP_ENTRIES = 10_000
MAX_SVG_ELEMENTS = 5_000

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}
# The folder inside the Office Open XML package that says what kind of document it is.
_OOXML_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Elements that run code, embed another document or change links while the image plays.
_FORBIDDEN_SVG_ELEMENTS = {
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "set",
    "animate",
    "animatemotion",
    "animatetransform",
    "animatecolor",
    "audio",
    "video",
}
_LINK_ATTRIBUTES = {"href", "src"}
_SAFE_DATA_IMAGE = re.compile(r"\Adata:image/(png|jpeg);base64,[A-Za-z0-9+/=\s]*\Z")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _extension(name: str) -> str:
    return PurePosixPath(name or "").suffix.lower().removeprefix(".")


# --- documents ------------------------------------------------------------------------------


def document_check(upload) -> str:
    """The extension of an acceptable document upload (pdf, docx, xlsx, pptx, odt), or a
    ValidationError that says what is wrong."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s MB); at most 20 MB.")
            % {"size": _megabytes(upload.size)},
            code="too_large",
        )
    extension = _extension(upload.name)
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Upload a PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or ODT file."),
            code="type",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        matches = head.startswith(b"%PDF-")
    else:
        matches = head.startswith(b"PK\x03\x04") and _package_matches(upload, extension)
    upload.seek(0)
    if not matches:
        raise ValidationError(
            _("This file is not the %(type)s file its name says (or it is damaged).")
            % {"type": extension.upper()},
            code="signature",
        )
    return extension


def _package_matches(upload, extension: str) -> bool:
    """A zip package of the right kind: only its directory is read, never the contents,
    except the few bytes of an ODT's `mimetype` entry."""
    try:
        with zipfile.ZipFile(upload) as package:
            infos = package.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                return False
            names = {info.filename for info in infos}
            if extension == "odt":
                first = infos[0] if infos else None
                if first is None or first.filename != "mimetype" or first.file_size > 100:
                    return False
                return package.read(first) == DOCUMENT_TYPES["odt"].encode()
            part = _OOXML_PART[extension]
            return "[Content_Types].xml" in names and any(n.startswith(part) for n in names)
    except Exception:  # a damaged or odd zip fails in many ways
        return False


# --- logos ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedLogo:
    """A logo as we store it: our own bytes, never the uploaded ones."""

    format: str  # png, jpeg or svg
    content: bytes

    @property
    def extension(self) -> str:
        return {"jpeg": "jpg"}.get(self.format, self.format)


def logo_check(upload) -> CheckedLogo:
    """A PNG or JPEG (decoded and written again) or a safe SVG (parsed and written again),
    or a ValidationError with a clear message."""
    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(
            _("The logo is too large (%(size)s MB); at most 2 MB.")
            % {"size": _megabytes(upload.size)},
            code="too_large",
        )
    extension = _extension(upload.name)
    upload.seek(0)
    data = upload.read(MAX_LOGO_BYTES + 1)
    upload.seek(0)
    if extension == "svg":
        return CheckedLogo("svg", svg_sanitise(data))
    if extension in ("png", "jpg", "jpeg"):
        return _raster_logo(data, "PNG" if extension == "png" else "JPEG")
    raise ValidationError(_("Upload the logo as a PNG, JPEG or SVG file."), code="type")


def _raster_logo(data: bytes, expected: str) -> CheckedLogo:
    not_an_image = ValidationError(
        _("This file is not the %(type)s image its name says (or it is damaged).")
        % {"type": expected},
        code="signature",
    )
    try:
        # Only the decoder of the format the name claims is tried.
        with Image.open(io.BytesIO(data), formats=[expected]) as image:
            if image.format != expected:
                raise not_an_image
            width, height = image.size
            if width > MAX_LOGO_SIDE or height > MAX_LOGO_SIDE:
                raise ValidationError(
                    _("The logo is %(width)s x %(height)s pixels; at most 4000 x 4000 pixels.")
                    % {"width": width, "height": height},
                    code="too_large",
                )
            # Checksums and the end of the data: WeasyPrint, once imported, lets Pillow's
            # load() pass a truncated file, but not verify().
            image.verify()
        with Image.open(io.BytesIO(data), formats=[expected]) as image:
            image.load()  # decode it all
            if expected == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            # Written again by Pillow: whatever rode along after the image data is gone.
            image.save(out, format=expected)
    except ValidationError:
        raise
    except Exception:  # a damaged image fails in many ways inside Pillow
        raise not_an_image from None
    return CheckedLogo("png" if expected == "PNG" else "jpeg", out.getvalue())


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _namespace(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def _safe_reference(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or bool(_SAFE_DATA_IMAGE.match(value))


def _safe_css(text: str) -> bool:
    lowered = text.lower()
    if "@import" in lowered or "javascript:" in lowered or "expression(" in lowered:
        return False
    return all(_safe_reference(target) for _quote, target in _CSS_URL.findall(text))


def svg_sanitise(data: bytes) -> bytes:
    """An SVG logo parsed with defusedxml, refused when anything in it can run code or
    reach outside the file, and written back from the parsed tree (comments and
    processing instructions do not survive)."""
    unsafe = ValidationError(
        _(
            "This SVG file cannot be used: it contains scripts, event handlers or links to "
            "other files. Save the logo as a plain SVG, PNG or JPEG."
        ),
        code="unsafe",
    )
    not_svg = ValidationError(_("This file is not an SVG image (or it is damaged)."), code="svg")
    lowered = data[:MAX_LOGO_BYTES].lower()
    if b"<!entity" in lowered or b"<!doctype" in lowered:
        raise unsafe
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise unsafe from None
    except Exception:  # expat's parse, encoding and lookup errors alike
        raise not_svg from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise not_svg
    for count, element in enumerate(root.iter()):
        if count > MAX_SVG_ELEMENTS or not isinstance(element.tag, str):
            raise not_svg
        if _local(element.tag) in _FORBIDDEN_SVG_ELEMENTS or _namespace(element.tag) in (
            XHTML_NS,
            "",
        ):
            raise unsafe
        if _local(element.tag) == "style" and not _safe_css(element.text or ""):
            raise unsafe
        for name, value in element.attrib.items():
            local = _local(name)
            if local.startswith("on"):
                raise unsafe
            if local in _LINK_ATTRIBUTES and not _safe_reference(value):
                raise unsafe
            if not _safe_css(value):
                raise unsafe
    return ET.tostring(_plain_names(root), encoding="utf-8", xml_declaration=True)


def _plain_names(root):
    """The tree with SVG's own names unprefixed and xlink as `xlink:`, as SVG files are
    written (ElementTree would invent ns0: prefixes; its global registry is left alone)."""
    svg, xlink = f"{{{SVG_NS}}}", f"{{{XLINK_NS}}}"
    for element in root.iter():
        element.tag = element.tag.removeprefix(svg)
        for name in [name for name in element.attrib if name.startswith(xlink)]:
            element.attrib["xlink:" + name.removeprefix(xlink)] = element.attrib.pop(name)
    root.set("xmlns", SVG_NS)
    root.set("xmlns:xlink", XLINK_NS)
    return root
