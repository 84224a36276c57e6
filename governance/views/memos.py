"""The memo pages: list, read, write a new memo, the editor's header, annex images.

The editor's sections, proposed decisions and figures are in governance.views.memo_parts,
the versions (compare, restore) in governance.views.memo_versions.

Who: everyone who may see a memo reads it (governance.access); only staff change it, and
only while it is a draft: for a memo that is no longer a draft the write pages answer 403
with the memo and the reason, and the services refuse it too (a forged POST changes
nothing). Every save carries the version the page was rendered from; a save on top of
someone else's newer save is refused with both texts on the page.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk import documents
from avk.access import is_staff
from avk.cache import cached_html
from avk.forms import add_errors, parse_id
from governance.access import body_ids_of, get_memo_for_user, memos_visible_to, voting_seat
from governance.forms.memos import (
    AnnexForm,
    DecisionForm,
    MemoCreateForm,
    MemoHeaderForm,
    SectionForm,
)
from governance.models import Body, Memo, MemoAnnex
from governance.selectors.memos import (
    MEMO_DOCUMENT_READ,
    MEMO_LIST_READ,
    memo_parts,
    memo_rows,
    with_links,
)
from governance.services.memos import MemoConflict, memo_create, memo_update

PER_PAGE = 25

# --- reading ----------------------------------------------------------------------------


def memo_locked_response(request, memo: Memo):
    """The answer to a write page of a memo that is no longer a draft."""
    messages.error(
        request,
        _("Memo “%(memo)s” has been submitted and can no longer be changed.") % {"memo": memo},
    )
    return render(
        request, "governance/memo_detail.html", _detail_context(request, memo), status=403
    )


def _detail_context(request, memo: Memo) -> dict:
    staff = is_staff(request.user)
    return {
        "memo": memo,
        # The document itself is the same for every reader: kept rendered (avk.cache).
        "document_html": cached_html(
            "memo_document",
            MEMO_DOCUMENT_READ,
            "governance/includes/memo_document.html",
            lambda: {"memo": memo, "pdf": False, **memo_parts(memo)},
            parts=[memo.pk],
        ),
        "is_staff": staff,
        "can_edit": staff and memo.is_editable,
        "can_request_pdf": documents.get_kind("memo") is not None,
        # Only a voter reads "you can vote until …"; others read who votes (one query).
        "has_vote": memo.status == Memo.Status.VOTING
        and voting_seat(request.user, memo.body) is not None,
    }


@require_GET
def memo_list(request):
    """The memos the user may see, newest first; filter by body and status. The rows of a
    page are the same for everyone who sees the same memos: kept rendered per page,
    language and day until a memo or body changes (avk.cache); the pagination counts."""
    staff = is_staff(request.user)
    # Who sees which drafts: staff all, others those of the bodies they sit in.
    body_ids = None if staff else body_ids_of(request.user)
    memos = memo_rows(memos_visible_to(request.user, body_ids=body_ids))
    filters = {
        "body": parse_id(request.GET.get("body")),
        "status": request.GET.get("status", ""),
    }
    if filters["body"]:
        memos = memos.filter(body_id=filters["body"])
    status = filters["status"] if filters["status"] in Memo.Status.values else ""
    if status:
        memos = memos.filter(status=status)
    memos = memos.order_by("-memo_date", "-id")
    page = Paginator(memos, PER_PAGE).get_page(request.GET.get("page"))
    audience = "staff" if staff else "seats:" + ",".join(map(str, sorted(body_ids)))
    rows_html = cached_html(
        "memo_rows",
        MEMO_LIST_READ,
        "governance/includes/memo_rows.html",
        lambda: {"memos": with_links(page.object_list)},
        parts=[audience, filters["body"] or "all", status or "any", page.number],
    )
    return render(
        request,
        "governance/memo_list.html",
        {
            "page": page,
            "rows_html": rows_html,
            "filters": filters,
            "body_choices": list(Body.objects.order_by("order", "name").values_list("pk", "name")),
            "statuses": Memo.Status.choices,
            "is_staff": staff,
        },
    )


@require_GET
def memo_detail(request, pk):
    memo = get_memo_for_user(request.user, pk)
    return render(request, "governance/memo_detail.html", _detail_context(request, memo))


@require_GET
def memo_annex_image(request, pk):
    """An annex figure, for whoever may see its memo; streamed with its own content type."""
    annex = get_object_or_404(MemoAnnex.objects.only("memo_id", "image", "content_type"), pk=pk)
    get_memo_for_user(request.user, annex.memo_id)
    try:
        handle = annex.image.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=annex.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- creating and the header -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def write_memo(request):
    if not is_staff(request.user):
        raise PermissionDenied
    initial = {"author": request.user.get_full_name(), "memo_date": timezone.localdate()}
    db = Body.objects.filter(kind=Body.Kind.DB).order_by("order", "id").first()
    if db is not None:
        initial["body"] = db.pk
    form = MemoCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            memo = memo_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Memo “%(memo)s” started. Add the sections and proposed decisions.")
                % {"memo": memo},
            )
            return redirect("governance:memo_edit", pk=memo.pk)
    return render(request, "governance/memo_create.html", {"form": form})


def _header_values(memo: Memo) -> list[tuple[str, Any]]:
    return [
        (_("To"), memo.body.name),
        (_("Title"), memo.title),
        (_("Drafted by"), memo.author),
        (_("Date"), memo.memo_date),
        (_("Introduction"), memo.introduction),
    ]


def _header_initial(memo: Memo) -> dict:
    return {
        "expected_version": memo.version,
        "body": memo.body_id,
        "title": memo.title,
        "author": memo.author,
        "memo_date": memo.memo_date,
        "introduction": memo.introduction,
    }


def rebind_on_current(form_class, request, memo: Memo, **kwargs):
    """The form as the user typed it, now based on the memo's current version."""
    data = request.POST.copy()
    data["expected_version"] = str(memo.version)
    form = form_class(data, request.FILES or None, **kwargs)
    form.is_valid()
    return form


def editor_context(request, memo: Memo, **extra) -> dict:
    parts = memo_parts(memo)
    return {
        "memo": memo,
        **parts,
        # Each form names its fields' ids after itself: several forms share one page.
        "section_add_form": SectionForm(
            initial={"expected_version": memo.version}, auto_id="section-add-%s"
        ),
        "decision_add_form": DecisionForm(
            initial={"expected_version": memo.version}, auto_id="decision-add-%s"
        ),
        "annex_add_form": AnnexForm(
            initial={"expected_version": memo.version}, auto_id="annex-add-%s"
        ),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def memo_edit(request, pk):
    """The editor: header and introduction here; sections, decisions, figures in place."""
    memo = get_memo_for_user(request.user, pk, write=True)
    if not memo.is_editable:
        return memo_locked_response(request, memo)
    conflict = None
    status = 200
    if request.method == "POST":
        form = MemoHeaderForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("expected_version")
            try:
                memo_update(memo=memo, user=request.user, expected_version=expected, **data)
            except MemoConflict as error:
                memo = error.memo
                conflict = {"message": str(error), "saved": _header_values(memo)}
                form = rebind_on_current(MemoHeaderForm, request, memo)
                status = 409
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Memo saved (version %(v)s).") % {"v": memo.version})
                return redirect("governance:memo_edit", pk=memo.pk)
    else:
        form = MemoHeaderForm(initial=_header_initial(memo))
    return render(
        request,
        "governance/memo_edit.html",
        editor_context(request, memo, header_form=form, conflict=conflict),
        status=status,
    )
