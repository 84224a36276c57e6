"""The memo editor and the memo pages: list, create, read, edit, annex images.

The versions (compare, restore) are in governance.views.memo_versions.

Who: everyone who may see a memo reads it (governance.access); only staff change it, and
only while it is a draft: for a memo that is no longer a draft the write pages answer 403
with the memo and the reason, and the services refuse it too (a forged POST changes
nothing). Every save carries the version the page was rendered from; a save on top of
someone else's newer save is refused with both texts on the page (services_memos).

The sections, proposed decisions and annex figures are edited in place with htmx: the
endpoints answer an htmx request with the re-rendered list (or the form with its errors),
and a plain request with a redirect (or the full form page), so all works without JS.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from avk import documents
from avk.forms import add_errors, parse_id
from avk.permissions import is_staff
from governance.access import get_memo_for_user, memos_visible_to
from governance.forms.memos import (
    AnnexCaptionForm,
    AnnexForm,
    DecisionForm,
    MemoCreateForm,
    MemoHeaderForm,
    SectionForm,
    VersionedForm,
)
from governance.models import Body, Memo, MemoAnnex, MemoSection, ProposedDecision
from governance.selectors.memos import memo_parts
from governance.services import memos as services_memos
from governance.services.memos import MemoConflict

PER_PAGE = 25

# --- reading ----------------------------------------------------------------------------


def _locked(request, memo: Memo):
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
        **memo_parts(memo),
        "is_staff": staff,
        "can_edit": staff and memo.is_editable,
        "can_request_pdf": documents.get_kind("memo") is not None,
    }


@require_GET
def memo_list(request):
    """The memos the user may see, newest first; filter by body and status."""
    memos = memos_visible_to(request.user).select_related("body")
    filters = {
        "body": parse_id(request.GET.get("body")),
        "status": request.GET.get("status", ""),
    }
    if filters["body"]:
        memos = memos.filter(body_id=filters["body"])
    if filters["status"] in Memo.Status.values:
        memos = memos.filter(status=filters["status"])
    memos = memos.order_by("-memo_date", "-id")
    page = Paginator(memos, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "governance/memo_list.html",
        {
            "page": page,
            "filters": filters,
            "body_choices": list(Body.objects.order_by("order", "name").values_list("pk", "name")),
            "statuses": Memo.Status.choices,
            "is_staff": is_staff(request.user),
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
            memo = services_memos.memo_create(user=request.user, **form.cleaned_data)
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


def _rebind_on_current(form_class, request, memo: Memo, **kwargs):
    """The form as the user typed it, now based on the memo's current version."""
    data = request.POST.copy()
    data["expected_version"] = str(memo.version)
    form = form_class(data, request.FILES or None, **kwargs)
    form.is_valid()
    return form


def _editor_context(request, memo: Memo, **extra) -> dict:
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
        return _locked(request, memo)
    conflict = None
    status = 200
    if request.method == "POST":
        form = MemoHeaderForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("expected_version")
            try:
                services_memos.memo_update(
                    memo=memo, user=request.user, expected_version=expected, **data
                )
            except MemoConflict as error:
                memo = error.memo
                conflict = {"message": str(error), "saved": _header_values(memo)}
                form = _rebind_on_current(MemoHeaderForm, request, memo)
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
        _editor_context(request, memo, header_form=form, conflict=conflict),
        status=status,
    )


# --- sections, proposed decisions, annex figures ----------------------------------------


@dataclass(frozen=True)
class Part:
    """One kind of ordered part of a memo, and how the generic views below handle it."""

    key: str  # section / decision / annex
    model: type
    form: type
    edit_form: type
    list_template: str
    fields: tuple[str, ...]
    add_title: Any
    edit_title: Any
    saved_message: Any
    removed_message: Any
    list_id: str  # the id of the list's element on the edit page

    def initial(self, item) -> dict:
        return {field: getattr(item, field) for field in self.fields}

    def saved_values(self, item) -> list[tuple[str, Any]]:
        form = self.edit_form()
        return [(form.fields[field].label, getattr(item, field)) for field in self.fields]


PARTS = {
    "section": Part(
        key="section",
        model=MemoSection,
        form=SectionForm,
        edit_form=SectionForm,
        list_template="governance/includes/memo_sections.html",
        fields=("title", "text", "inputs", "summary"),
        add_title=gettext_lazy("Add a section"),
        edit_title=gettext_lazy("Edit the section"),
        saved_message=gettext_lazy("Section saved."),
        removed_message=gettext_lazy("Section removed."),
        list_id="memo-sections",
    ),
    "decision": Part(
        key="decision",
        model=ProposedDecision,
        form=DecisionForm,
        edit_form=DecisionForm,
        list_template="governance/includes/memo_decisions.html",
        fields=("kind", "text"),
        add_title=gettext_lazy("Add a proposed decision"),
        edit_title=gettext_lazy("Edit the proposed decision"),
        saved_message=gettext_lazy("Proposed decision saved."),
        removed_message=gettext_lazy("Proposed decision removed."),
        list_id="memo-decisions",
    ),
    "annex": Part(
        key="annex",
        model=MemoAnnex,
        form=AnnexForm,
        edit_form=AnnexCaptionForm,
        list_template="governance/includes/memo_annexes.html",
        fields=("caption",),
        add_title=gettext_lazy("Add a figure"),
        edit_title=gettext_lazy("Edit the caption"),
        saved_message=gettext_lazy("Figure saved."),
        removed_message=gettext_lazy("Figure removed."),
        list_id="memo-annexes",
    ),
}


def _save_part(part: Part, memo: Memo, item, user, data: dict) -> None:
    expected = data.pop("expected_version")
    common = {"memo": memo, "user": user, "expected_version": expected}
    if part.key == "section":
        services_memos.section_save(section=item, **common, **data)
    elif part.key == "decision":
        services_memos.decision_save(decision=item, **common, **data)
    elif item is None:
        services_memos.annex_add(
            image=data["image"],
            image_format=data["image_format"],
            caption=data["caption"],
            **common,
        )
    else:
        services_memos.annex_update(annex=item, caption=data["caption"], **common)


def _editable_memo(request, pk):
    """The memo for a write of the editor, or the response that refuses it."""
    memo = get_memo_for_user(request.user, pk, write=True)
    if not memo.is_editable:
        return memo, _locked(request, memo)
    return memo, None


def _list_response(request, memo: Memo, part: Part, *, message: str = "", previous=None):
    """The re-rendered list of a part (htmx), with the page's version and status updated
    out of band. `previous` is the version the change was made on; None after a refusal,
    so the page's other forms keep their own (older) version and meet the conflict check."""
    context = {
        **_editor_context(request, memo),
        "part_message": message,
        "version_previous": "" if previous is None else previous,
        "oob": True,
    }
    html = render_to_string(part.list_template, context, request=request)
    html += render_to_string("governance/includes/memo_editor_oob.html", context, request=request)
    response = HttpResponse(html)
    response = retarget(response, f"#{part.list_id}")
    return reswap(response, "outerHTML")


def _form_response(request, memo, part, form, item, *, conflict=None, status=200):
    context = {
        "memo": memo,
        "part": part,
        "item": item,
        "form": form,
        "form_id": f"{part.key}-{item.pk}" if item else f"{part.key}-add",
        "form_title": part.edit_title if item else part.add_title,
        "action": request.path,
        "multipart": part.key == "annex" and item is None,
        "conflict": conflict,
    }
    if request.htmx:
        return render(request, "governance/includes/memo_part_form.html", context)
    return render(request, "governance/memo_part_form.html", context, status=status)


def _part_form(request, pk, key, item_pk=None):
    part = PARTS[key]
    memo, refusal = _editable_memo(request, pk)
    if refusal:
        return refusal
    item = get_object_or_404(part.model, pk=item_pk, memo=memo) if item_pk is not None else None
    form_class = part.edit_form if item else part.form
    auto_id = f"{part.key}-{item.pk if item else 'add'}-%s"
    if request.method == "GET":
        initial = {"expected_version": memo.version, **(part.initial(item) if item else {})}
        return _form_response(
            request, memo, part, form_class(initial=initial, auto_id=auto_id), item
        )
    form = form_class(request.POST, request.FILES, auto_id=auto_id)
    if form.is_valid():
        previous = memo.version
        try:
            _save_part(part, memo, item, request.user, dict(form.cleaned_data))
        except MemoConflict as error:
            memo = error.memo
            current = part.model.objects.filter(pk=item.pk).first() if item else None
            conflict = {
                "message": str(error),
                "saved": part.saved_values(current) if current else None,
                "removed": item is not None and current is None,
            }
            form = _rebind_on_current(form_class, request, memo, auto_id=auto_id)
            return _form_response(request, memo, part, form, item, conflict=conflict, status=409)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if request.htmx:
                return _list_response(
                    request, memo, part, message=str(part.saved_message), previous=previous
                )
            messages.success(request, part.saved_message)
            return redirect(reverse("governance:memo_edit", args=[memo.pk]) + f"#{part.list_id}")
    return _form_response(request, memo, part, form, item)


def _part_action(request, pk, key, item_pk, action: str):
    """Remove or move a part (POST only)."""
    part = PARTS[key]
    memo, refusal = _editable_memo(request, pk)
    if refusal:
        return refusal
    item = get_object_or_404(part.model, pk=item_pk, memo=memo)
    form = VersionedForm(request.POST)
    direction = request.POST.get("direction", "")
    message, ok, previous = "", False, memo.version
    if not form.is_valid() or (action == "move" and direction not in ("up", "down")):
        message = _("This change could not be made: reload the page and try again.")
    else:
        expected = form.cleaned_data["expected_version"]
        kwargs = {"memo": memo, "user": request.user, "expected_version": expected, key: item}
        try:
            if action == "delete":
                getattr(services_memos, f"{key}_delete")(**kwargs)
                message = str(part.removed_message)
            else:
                getattr(services_memos, f"{key}_move")(direction=direction, **kwargs)
                message = _("Moved.")
            ok = True
        except MemoConflict as error:
            memo = error.memo
            message = str(error)
        except ValidationError as error:
            message = " ".join(error.messages)
    if request.htmx:
        return _list_response(
            request, memo, part, message=message, previous=previous if ok else None
        )
    (messages.success if ok else messages.error)(request, message)
    return redirect(reverse("governance:memo_edit", args=[memo.pk]) + f"#{part.list_id}")


@require_http_methods(["GET", "POST"])
def memo_section_add(request, pk):
    return _part_form(request, pk, "section")


@require_http_methods(["GET", "POST"])
def memo_section_edit(request, pk, item_pk):
    return _part_form(request, pk, "section", item_pk)


@require_POST
def memo_section_delete(request, pk, item_pk):
    return _part_action(request, pk, "section", item_pk, "delete")


@require_POST
def memo_section_move(request, pk, item_pk):
    return _part_action(request, pk, "section", item_pk, "move")


@require_http_methods(["GET", "POST"])
def memo_decision_add(request, pk):
    return _part_form(request, pk, "decision")


@require_http_methods(["GET", "POST"])
def memo_decision_edit(request, pk, item_pk):
    return _part_form(request, pk, "decision", item_pk)


@require_POST
def memo_decision_delete(request, pk, item_pk):
    return _part_action(request, pk, "decision", item_pk, "delete")


@require_POST
def memo_decision_move(request, pk, item_pk):
    return _part_action(request, pk, "decision", item_pk, "move")


@require_http_methods(["GET", "POST"])
def memo_annex_add(request, pk):
    return _part_form(request, pk, "annex")


@require_http_methods(["GET", "POST"])
def memo_annex_edit(request, pk, item_pk):
    return _part_form(request, pk, "annex", item_pk)


@require_POST
def memo_annex_delete(request, pk, item_pk):
    return _part_action(request, pk, "annex", item_pk, "delete")


@require_POST
def memo_annex_move(request, pk, item_pk):
    return _part_action(request, pk, "annex", item_pk, "move")
