"""A memo's versions: the list, comparing two, and restoring one as a new version.

Staff only (the versions are the editor's history); restoring only while the memo is a draft.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from avk.forms import parse_id
from governance.access import get_memo_for_user
from governance.forms.memos import VersionedForm
from governance.models import Memo
from governance.selectors.memo_versions import compare_snapshots
from governance.services.memo_versions import memo_restore
from governance.services.memos import MemoConflict
from governance.views.memos import memo_locked_response


def _staff_memo(request, pk) -> Memo:
    return get_memo_for_user(request.user, pk, write=True)


@require_GET
def memo_versions(request, pk):
    memo = _staff_memo(request, pk)
    versions = list(memo.versions.select_related("saved_by").order_by("-number"))
    return render(
        request,
        "governance/memo_versions.html",
        {"memo": memo, "versions": versions, "can_restore": memo.is_editable},
    )


@require_GET
def memo_compare(request, pk):
    memo = _staff_memo(request, pk)
    versions = list(memo.versions.order_by("-number").values_list("number", flat=True))
    a, b = parse_id(request.GET.get("a")), parse_id(request.GET.get("b"))
    if b not in versions:
        b = versions[0] if versions else None
    if a not in versions:
        a = next((n for n in versions if b is not None and n < b), b)
    pair = {v.number: v for v in memo.versions.filter(number__in=[a, b]).select_related("saved_by")}
    old, new = pair.get(a), pair.get(b)
    changes = []
    if old is not None and new is not None:
        changes = compare_snapshots(
            old.content,
            new.content,
            _("version %(n)s") % {"n": a},
            _("version %(n)s") % {"n": b},
        )
    return render(
        request,
        "governance/memo_compare.html",
        {
            "memo": memo,
            "versions": versions,
            "a": a,
            "b": b,
            "old": old,
            "new": new,
            "changes": changes,
        },
    )


@require_POST
def restore_version(request, pk, number):
    memo = _staff_memo(request, pk)
    if not memo.is_editable:
        return memo_locked_response(request, memo)
    form = VersionedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This change could not be made: reload the page and try again."))
        return redirect("governance:memo_versions", pk=memo.pk)
    try:
        version = memo_restore(
            memo=memo,
            user=request.user,
            expected_version=form.cleaned_data["expected_version"],
            number=number,
        )
    except MemoConflict as error:
        messages.error(request, str(error))
        return redirect("governance:memo_versions", pk=memo.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("governance:memo_versions", pk=memo.pk)
    messages.success(
        request,
        _("Version %(old)s restored as version %(new)s.") % {"old": number, "new": version.number},
    )
    return redirect("governance:memo_edit", pk=memo.pk)
