"""The loop back: a reflection session's dossier, what was done with its attention points.
The dossier is the same for everyone who sees the same indicators: it is rendered once per
audience, language and day, and kept until a row it shows changes (avk.cache)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from avk.cache import cached_html
from monitoring.access import visibilities_for
from monitoring.selectors.dossier import DOSSIER_READ
from monitoring.selectors.dossier import session_dossier as dossier_of
from reflection.access import get_session_for_reader


@require_GET
def session_dossier(request, pk):
    session = get_session_for_reader(request.user, pk)
    dossier_html = cached_html(
        "reflection_dossier",
        DOSSIER_READ,
        "monitoring/dossier/includes/points.html",
        lambda: {"session": session, "dossier": dossier_of(session, request.user)},
        parts=[str(session.pk), *visibilities_for(request.user)],
    )
    return render(
        request,
        "monitoring/dossier/session.html",
        {"session": session, "dossier_html": dossier_html},
    )
