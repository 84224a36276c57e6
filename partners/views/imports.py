"""Import partners and people from a file (upload, preview, confirm) and export to CSV.

The upload is read and checked, then kept in the user's session (rows of plain strings)
under a random batch id. The preview checks the rows again on every visit, so it shows
the database as it is now; confirming saves all rows in one transaction or none.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from avk.access import staff_required
from avk.imports import ImportRefused, batch_get, batch_keep, row_errors
from partners.forms.imports import ImportForm
from partners.selectors import imports
from partners.services.imports import batch_import

SESSION_KEY = "partners_import"


@staff_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = batch_keep(
            request,
            SESSION_KEY,
            filename=form.cleaned_data["file"].name,
            data=form.cleaned_data["table"].as_json(),
        )
        return redirect("partners:import_preview", batch=batch)
    return render(
        request,
        "partners/import_start.html",
        {
            "form": form,
            "max_rows": imports.MAX_ROWS,
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def import_preview(request, batch):
    stored = batch_get(request, SESSION_KEY, batch)
    kind, rows, headers = stored["kind"], stored["rows"], stored["headers"]
    status = 200
    if request.method == "POST":
        try:
            outcome = batch_import(kind=kind, rows=rows, headers=headers, user=request.user)
        except ImportRefused as refused:
            messages.error(request, " ".join(refused.messages))
            results = refused.results or imports.validate_rows(kind, rows, headers)
            status = 400
        else:
            del request.session[SESSION_KEY]
            messages.success(request, _imported_message(kind, outcome))
            return redirect("partners:partner_list")
    else:
        results = imports.validate_rows(kind, rows, headers)

    errors = row_errors(results)
    columns = [c for c in imports.columns_for(kind) if c.field in headers]
    return render(
        request,
        "partners/import_preview.html",
        {
            "batch": batch,
            "kind": kind,
            "kind_label": dict(imports.KINDS)[kind],
            "filename": stored.get("filename", ""),
            "columns": columns,
            "rows": [
                {
                    "result": result,
                    "cells": [result.values.get(c.field, "") for c in columns],
                }
                for result in results
            ],
            "errors": errors,
            "create_count": sum(1 for r in results if r.action == imports.CREATE),
            "update_count": sum(1 for r in results if r.action == imports.UPDATE),
            "can_confirm": bool(results) and not errors,
        },
        status=status,
    )


def _imported_message(kind: str, outcome) -> str:
    if kind == imports.PARTNERS:
        text = ngettext(
            "%(count)s partner imported (%(created)s new, %(updated)s updated).",
            "%(count)s partners imported (%(created)s new, %(updated)s updated).",
            outcome.total,
        )
    else:
        text = ngettext("%(count)s person imported.", "%(count)s people imported.", outcome.total)
    return text % {"count": outcome.total, "created": outcome.created, "updated": outcome.updated}
