"""The loop back: a reflection session's dossier, what was done with its attention points."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from monitoring.selectors.dossier import session_dossier as dossier_of
from reflection.access import get_session_for_reader


@require_GET
def session_dossier(request, pk):
    session = get_session_for_reader(request.user, pk)
    return render(
        request,
        "monitoring/dossier/session.html",
        {"session": session, "dossier": dossier_of(session, request.user)},
    )
