"""The one PDF renderer: a template and a context become PDF bytes in the AVK house style.

WeasyPrint may load only the portal's own static and media files. Anything else a
template (or user content inside it) points at -- http(s) URLs, file:// paths, data
URIs -- is refused by the URL fetcher and simply left out of the PDF.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import translation
from django.utils._os import safe_join

logger = logging.getLogger(__name__)

# Relative URLs in PDF templates resolve against this made-up origin; the fetcher maps it
# to files on disk. The .invalid top-level domain can never reach the network.
PDF_BASE_URL = "https://portal.avk.invalid/"
_PDF_HOST = urlsplit(PDF_BASE_URL).netloc
PDF_VARIANT = "pdf/ua-1"


class PDFRenderError(Exception):
    """The document could not be turned into a PDF."""


def resolve_portal_file(url: str) -> Path | None:
    """The file on disk behind a static or media URL of the portal, or None."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.netloc != _PDF_HOST:
        return None
    path = unquote(parts.path)
    try:
        if path.startswith(settings.STATIC_URL):
            relative = path.removeprefix(settings.STATIC_URL)
            if settings.STATIC_ROOT:  # production: collected (and hashed) files
                candidate = Path(safe_join(str(settings.STATIC_ROOT), relative))
                if candidate.is_file():
                    return candidate
            found = finders.find(relative)
            return Path(found) if found else None
        if path.startswith(settings.MEDIA_URL):
            relative = path.removeprefix(settings.MEDIA_URL)
            candidate = Path(safe_join(str(settings.MEDIA_ROOT), relative))
            return candidate if candidate.is_file() else None
    except (ValueError, SuspiciousFileOperation):  # ../ tricks that leave the root
        return None
    return None


def _fetcher_class():
    # WeasyPrint is imported lazily: it costs ~2 s, and only the worker needs it.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PortalURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = resolve_portal_file(url)
            if path is None:
                logger.warning("PDF renderer refused to fetch %s", url[:200])
                raise ValueError(f"Only the portal's own files may be loaded, not {url[:200]}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return PortalURLFetcher


def html_to_pdf(html: str) -> bytes:
    """Turn an HTML string into PDF bytes with the portal's guarded URL fetcher."""
    from weasyprint import HTML

    fetcher = _fetcher_class()(allowed_protocols={"https"}, allow_redirects=False)
    try:
        # PDF/UA-1: tagged (a structure tree from the HTML), with the document's language
        # (<html lang>) and title, so screen readers can read it.
        return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).write_pdf(
            pdf_variant=PDF_VARIANT
        )
    except Exception as exc:  # WeasyPrint raises many kinds; the caller needs one
        raise PDFRenderError(f"{type(exc).__name__}: {exc}") from exc


def render_pdf(template_name: str, context: dict, *, language: str = "nl") -> bytes:
    """Render a PDF template (extending pdf/base.html) in the given language."""
    with translation.override(language):
        html = render_to_string(template_name, context)
    return html_to_pdf(html)
