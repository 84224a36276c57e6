"""The network: staff's list of newsletter readers (with the import of a list) and their
mailings; and the public unsubscribe link every mailing carries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import staff_required
from avk.forms import add_errors, parse_id
from avk.imports import CREATE, ImportRefused, batch_get, batch_keep, row_errors
from movement.forms.network import MailingForm, ReaderImportForm
from movement.models import Mailing, Reader
from movement.selectors import mailings as mailing_selectors
from movement.selectors import readers as reader_selectors
from movement.services import mailings as mailing_services
from movement.services import readers as reader_services

SESSION_KEY = "movement_readers_import"
PREVIEW_ROWS = 50


@staff_required
@require_GET
def reader_list(request):
    # PostgreSQL refuses a NUL byte in a text value: it can never match, so it goes.
    search = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    page = Paginator(reader_selectors.readers_page_queryset(search), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "movement/network/readers.html",
        {"page": page, "search": search, "counts": reader_selectors.reader_counts()},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def reader_remove(request, pk):
    """Staff take a reader off the list at their request: unsubscribe (the address stays as
    "never mail again") or erase completely. A GET, or a POST without confirm=yes, asks."""
    reader = get_object_or_404(Reader, pk=pk)
    what = request.POST.get("what", "")
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        if what == "unsubscribe":
            if reader_services.reader_unsubscribe(reader, actor=request.user):
                messages.success(
                    request,
                    _("%(email)s gets no newsletter any more.") % {"email": reader.email},
                )
            else:
                messages.info(
                    request, _("%(email)s was unsubscribed already.") % {"email": reader.email}
                )
            return redirect("movement:reader_list")
        if what == "erase":
            if not reader_services.reader_erase(reader, actor=request.user):
                raise Http404
            messages.success(request, _("The address is erased completely. Nothing of it is kept."))
            return redirect("movement:reader_list")
    error = (
        _("Choose unsubscribe or erase completely.")
        if request.method == "POST" and what not in ("unsubscribe", "erase")
        else ""
    )
    return render(
        request,
        "movement/network/reader_remove.html",
        {"reader": reader, "error": error},
        status=400 if error else 200,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def reader_import(request):
    form = ReaderImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = batch_keep(
            request,
            SESSION_KEY,
            filename=form.cleaned_data["file"].name,
            data={
                "headers": form.cleaned_data["table"].headers,
                "rows": form.cleaned_data["table"].rows,
                "source": form.cleaned_data["source"],
            },
        )
        return redirect("movement:reader_import_preview", batch=batch)
    return render(
        request,
        "movement/network/import_start.html",
        {"form": form, "max_rows": reader_selectors.MAX_ROWS},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def reader_import_preview(request, batch):
    stored = batch_get(request, SESSION_KEY, batch)
    rows, headers, source = stored["rows"], stored["headers"], stored["source"]
    status = 200
    if request.method == "POST":
        try:
            outcome = reader_services.readers_import(
                rows=rows, headers=headers, source=source, user=request.user
            )
        except ImportRefused as refused:
            messages.error(request, " ".join(refused.messages))
            results = refused.results or reader_selectors.validate_rows(
                rows, headers, source=source
            )
            status = 400
        else:
            del request.session[SESSION_KEY]
            messages.success(
                request,
                ngettext(
                    "%(count)s reader added to the list.",
                    "%(count)s readers added to the list.",
                    outcome.created,
                )
                % {"count": outcome.created},
            )
            return redirect("movement:reader_list")
    else:
        results = reader_selectors.validate_rows(rows, headers, source=source)
    ok = [r for r in results if r.ok]
    new = sum(r.action == CREATE for r in ok)
    unsubscribed = sum(r.clean["unsubscribed"] for r in ok)
    return render(
        request,
        "movement/network/import_preview.html",
        {
            "batch": batch,
            "filename": stored.get("filename", ""),
            "source": source,
            "total": len(results),
            "new": new,
            "unsubscribed": unsubscribed,
            "known": len(ok) - new - unsubscribed,
            "errors": row_errors(results),
            "first_rows": results[:PREVIEW_ROWS],
            "can_confirm": bool(results) and len(ok) == len(results),
        },
        status=status,
    )


# --- mailings


@staff_required
@require_GET
def mailing_list(request):
    page = Paginator(mailing_selectors.mailings_for_staff(), 20).get_page(request.GET.get("page"))
    return render(request, "movement/network/mailings.html", {"page": page})


def _mailing(pk) -> Mailing:
    mailing = mailing_selectors.mailing_for_staff(pk) if parse_id(pk) else None
    if mailing is None:
        raise Http404
    return mailing


@staff_required
@require_http_methods(["GET", "POST"])
def mailing_create(request):
    return _mailing_form(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def mailing_edit(request, pk):
    mailing = _mailing(pk)
    if mailing.status != Mailing.Status.DRAFT:
        messages.error(request, _("This mailing has been sent: it can no longer change."))
        return redirect("movement:mailing_detail", pk=mailing.pk)
    return _mailing_form(request, mailing)


def _mailing_form(request, mailing):
    form = MailingForm(request.POST or None, instance=mailing)
    if request.method == "POST" and form.is_valid():
        try:
            mailing = mailing_services.mailing_save(
                actor=request.user,
                mailing=mailing,
                **{field: form.cleaned_data[field] for field in mailing_services.FIELDS},
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The mailing is saved as a draft."))
            return redirect("movement:mailing_detail", pk=mailing.pk)
    return render(request, "movement/network/mailing_form.html", {"form": form, "mailing": mailing})


@staff_required
@require_GET
def mailing_detail(request, pk):
    """The mailing as readers will see it, and once sent, what it brought."""
    mailing = _mailing(pk)
    context = mailing_services.mail_context(mailing)
    return render(
        request,
        "movement/network/mailing_detail.html",
        {
            "mailing": mailing,
            "preview": render_to_string(
                "emails/mailing/preview.html",
                {**context, "name": _("Name of the reader"), "unsubscribe_link": "#"},
            ),
            "counts": mailing_selectors.mail_counts(mailing)
            if mailing.status != Mailing.Status.DRAFT
            else None,
            "subscribed": reader_selectors.reader_counts()["subscribed"],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def mailing_send(request, pk):
    """Sending cannot be undone: a GET or a POST without confirm=yes asks first."""
    mailing = _mailing(pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            mailing_services.mailing_send(mailing=mailing, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The mailing is being sent. The figures below fill up as it goes.")
            )
        return redirect("movement:mailing_detail", pk=mailing.pk)
    subscribed = reader_selectors.reader_counts()["subscribed"]
    return render(
        request,
        "movement/network/mailing_send.html",
        {
            "mailing": mailing,
            "question": _("Send “%(subject)s” to the readers?") % {"subject": mailing.subject},
            "consequences": [
                ngettext(
                    "%(count)s reader gets this mail, once.",
                    "%(count)s readers get this mail, each once.",
                    subscribed,
                )
                % {"count": subscribed},
                _("After this the mailing can no longer change."),
            ],
            "confirm_label": _("Yes, send it"),
        },
    )


# --- public


@login_not_required
@csrf_exempt  # RFC 8058: a mail program posts without a session; the token is the key
@never_cache
@require_http_methods(["GET", "POST"])
def reader_unsubscribe(request, token):
    """GET asks (mail scanners follow links); POST unsubscribes at once, also the one-click
    POST of a mail program. A second time says it is done; a forged link does nothing."""
    reader = reader_services.reader_for_token(token)
    if reader is None:
        return render(
            request, "movement/network/unsubscribe.html", {"outcome": "unknown"}, status=404
        )
    if request.method == "POST":
        reader_services.reader_unsubscribe(reader)
        return render(request, "movement/network/unsubscribe.html", {"outcome": "done"})
    outcome = "ask" if reader.subscribed else "done"
    return render(request, "movement/network/unsubscribe.html", {"outcome": outcome})
