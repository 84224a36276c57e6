"""Import measurements from a file (upload, preview, confirm: all rows or none) and export
them as CSV. The flow is the partner import's (avk.imports); the columns are the CBS code's."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import staff_required
from avk.csv import csv_response
from avk.forms import parse_id
from avk.imports import CREATE, UNCHANGED, UPDATE, ImportRefused, batch_get, batch_keep, row_errors
from avk.tables import MAX_ROWS
from monitoring.forms.imports import MeasurementImportForm
from monitoring.models import Measurement
from monitoring.selectors import imports
from monitoring.selectors.exports import measurements_csv
from monitoring.services.imports import measurements_import

SESSION_KEY = "measurements_import"


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_import(request):
    form = MeasurementImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = batch_keep(
            request,
            SESSION_KEY,
            filename=form.cleaned_data["file"].name,
            data=form.cleaned_data["table"],
        )
        return redirect("measurement_import_preview", batch=batch)
    return render(
        request,
        "monitoring/indicators/import_start.html",
        {"form": form, "max_rows": MAX_ROWS, "columns": imports.COLUMNS},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_import_preview(request, batch):
    stored = batch_get(request, SESSION_KEY, batch)
    rows, headers = stored["rows"], stored["headers"]
    status = 200
    if request.method == "POST":
        try:
            outcome = measurements_import(rows=rows, headers=headers, user=request.user)
        except ImportRefused as refused:
            messages.error(request, " ".join(refused.messages))
            results = refused.results or imports.validate_rows(rows, headers)
            status = 400
        else:
            del request.session[SESSION_KEY]
            messages.success(
                request,
                ngettext(
                    "%(count)s value imported (%(created)s new, %(updated)s updated).",
                    "%(count)s values imported (%(created)s new, %(updated)s updated).",
                    outcome.total,
                )
                % {"count": outcome.total, "created": outcome.created, "updated": outcome.updated},
            )
            return redirect("indicator_list")
    else:
        results = imports.validate_rows(rows, headers)
    columns = [c for c in imports.COLUMNS if c.field in headers]
    errors = row_errors(results)
    return render(
        request,
        "monitoring/indicators/import_preview.html",
        {
            "filename": stored.get("filename", ""),
            "columns": columns,
            "rows": [
                {
                    "result": result,
                    "cells": [result.values.get(c.field, "") for c in columns],
                    "detail": _("was %(value)s") % {"value": result.clean["was"]}
                    if result.ok and result.clean.get("was")
                    else "",
                }
                for result in results
            ],
            "errors": errors,
            "counts": {
                action: sum(1 for r in results if r.action == action)
                for action in (CREATE, UPDATE, UNCHANGED)
            },
            "can_confirm": bool(results) and not errors,
        },
        status=status,
    )


@staff_required
@require_GET
def measurement_export(request):
    """Every value (or one indicator's: ?indicator=<id>) as CSV that imports unchanged."""
    measurements = Measurement.objects.all()
    indicator = parse_id(request.GET.get("indicator"))
    if indicator:
        measurements = measurements.filter(indicator_id=indicator)
    return csv_response(measurements_csv(measurements), "metingen")
