import functools
from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language

from avk import documents
from avk.access import get_document_for_user
from avk.models import Document


@login_not_required
@require_POST
def language_switch(request):
    """Django's set_language, remembering the choice on the account for e-mails too."""
    response = set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(
        request.user._meta.get_field("language").choices
    ):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


@login_not_required
@require_GET
@never_cache
def healthz(request):
    """For the load balancer: the database answers. Redis is not needed to serve pages."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_not_required
@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page links."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")


@functools.cache
def _favicon_bytes() -> bytes:
    # The source file from static/ (drawn by scripts/favicon.py), read once per process.
    return Path(finders.find("img/favicon.ico")).read_bytes()


@require_POST
def document_request(request, kind):
    subject = request.POST.get("subject", "")[:64]
    document = documents.document_request(
        user=request.user,
        kind=kind,
        subject=subject,
        language=request.LANGUAGE_CODE,
        back_url=_safe_back_url(request, request.POST),
    )
    return redirect("document_detail", pk=document.pk)


@require_POST
def document_retry(request, pk):
    document = get_document_for_user(request.user, pk)
    if document.status != Document.Status.FAILED:
        return redirect("document_detail", pk=document.pk)
    again = documents.document_retry(user=request.user, document=document)
    return redirect("document_detail", pk=again.pk)


@require_GET
@never_cache
def document_detail(request, pk):
    document = get_document_for_user(request.user, pk)
    kind = documents.get_kind(document.kind)
    context = {
        "document": document,
        "title": kind.title(document.subject) if kind else document.kind,
        "back_url": _safe_back_url(request, request.GET) or document.back_url,
    }
    template = "avk/document_status.html" if request.htmx else "avk/document_detail.html"
    return render(request, template, context)


@require_GET
def document_download(request, pk):
    document = get_document_for_user(request.user, pk)
    if document.status != Document.Status.READY or not document.file:
        raise Http404
    kind = documents.get_kind(document.kind)
    filename = f"{kind.filename(document.subject) if kind else 'document'}.pdf"
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )


def _safe_back_url(request, data) -> str:
    """The `next` page in `data` when it is a page of this site, else ""."""
    url = data.get("next", "")
    if url and url.startswith("/") and url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return url
    return ""
