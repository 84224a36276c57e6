"""The memo editor's ordered parts: sections, proposed decisions and annex figures.

They are edited in place with htmx: the endpoints answer an htmx request with the
re-rendered list (or the form with its errors), and a plain request with a redirect (or the
full form page), so all works without JavaScript. Each kind of part names its service
functions in PARTS, so every caller of a service can be found by its name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from avk.forms import add_errors
from governance.access import get_memo_for_user
from governance.forms.memos import (
    AnnexCaptionForm,
    AnnexForm,
    DecisionForm,
    SectionForm,
    VersionedForm,
)
from governance.models import Memo, MemoAnnex, MemoSection, ProposedDecision
from governance.services.memo_parts import (
    annex_add,
    annex_delete,
    annex_move,
    annex_update,
    decision_delete,
    decision_move,
    decision_save,
    section_delete,
    section_move,
    section_save,
)
from governance.services.memos import MemoConflict
from governance.views.memos import editor_context, memo_locked_response, rebind_on_current


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
    # The service functions: save(item, data, memo=, user=, expected_version=) adds (item
    # None) or changes a part; delete and move take the part under the name of `key`.
    save: Callable[..., Any]
    delete: Callable[..., None]
    move: Callable[..., None]

    def initial(self, item) -> dict:
        return {field: getattr(item, field) for field in self.fields}

    def saved_values(self, item) -> list[tuple[str, Any]]:
        form = self.edit_form()
        return [(form.fields[field].label, getattr(item, field)) for field in self.fields]


def _save_section(item, data: dict, **common) -> None:
    section_save(section=item, **common, **data)


def _save_decision(item, data: dict, **common) -> None:
    decision_save(decision=item, **common, **data)


def _save_annex(item, data: dict, **common) -> None:
    if item is None:
        annex_add(
            image=data["image"],
            image_format=data["image_format"],
            caption=data["caption"],
            **common,
        )
    else:
        annex_update(annex=item, caption=data["caption"], **common)


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
        save=_save_section,
        delete=section_delete,
        move=section_move,
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
        save=_save_decision,
        delete=decision_delete,
        move=decision_move,
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
        save=_save_annex,
        delete=annex_delete,
        move=annex_move,
    ),
}


def _editable_memo(request, pk):
    """The memo for a write of the editor, or the response that refuses it."""
    memo = get_memo_for_user(request.user, pk, write=True)
    if not memo.is_editable:
        return memo, memo_locked_response(request, memo)
    return memo, None


def _list_response(request, memo: Memo, part: Part, *, message: str = "", previous=None):
    """The re-rendered list of a part (htmx), with the page's version and status updated
    out of band. `previous` is the version the change was made on; None after a refusal,
    so the page's other forms keep their own (older) version and meet the conflict check."""
    context = {
        **editor_context(request, memo),
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


@require_http_methods(["GET", "POST"])
def edit_part(request, pk, key, item_pk=None):
    """Add a part (no item_pk) or change one; `key` (from the URL) says which kind."""
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
            data = dict(form.cleaned_data)
            expected = data.pop("expected_version")
            part.save(item, data, memo=memo, user=request.user, expected_version=expected)
        except MemoConflict as error:
            memo = error.memo
            current = part.model.objects.filter(pk=item.pk).first() if item else None
            conflict = {
                "message": str(error),
                "saved": part.saved_values(current) if current else None,
                "removed": item is not None and current is None,
            }
            form = rebind_on_current(form_class, request, memo, auto_id=auto_id)
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


@require_POST
def remove_part(request, pk, key, item_pk):
    return _change_part(request, pk, key, item_pk, "delete")


@require_POST
def move_part(request, pk, key, item_pk):
    return _change_part(request, pk, key, item_pk, "move")


def _change_part(request, pk, key, item_pk, action: str):
    """Remove or move a part."""
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
                part.delete(**kwargs)
                message = str(part.removed_message)
            else:
                part.move(direction=direction, **kwargs)
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
