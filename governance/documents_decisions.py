"""The decision-list PDF: a body's besluitenlijst in the house style. Subject: the body's pk."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from governance.models import Body
from governance.selectors_decisions import decision_entries, with_phrases


def _body(subject: str) -> Body | None:
    if not (subject.isascii() and subject.isdigit() and 0 < len(subject) <= 18):
        return None
    return Body.objects.filter(pk=int(subject)).first()


def _title(body: Body | None) -> str:
    if body is None:
        return _("Decision list")
    return _("Decision list of %(body)s") % {"body": body.name}


def decision_list_context(subject: str) -> dict:
    body = _body(subject)
    entries = with_phrases(decision_entries(body)) if body else []
    years = []
    for entry in entries:  # newest first, so the years come out newest first too
        if not years or years[-1]["year"] != entry.year:
            years.append({"year": entry.year, "entries": []})
        years[-1]["entries"].append(entry)
    return {
        "title": _title(body),
        "body": body,
        "years": years,
        "count": len(entries),
        "generated_on": timezone.localdate(),
    }


def decision_list_can_request(user, subject: str) -> bool:
    # The alliance's decisions are open to its members: everyone logged in.
    return bool(user.is_authenticated and _body(subject) is not None)


def _filename(subject: str) -> str:
    body = _body(subject)
    return f"avk-besluitenlijst-{slugify(body.short_name)}" if body else "avk-besluitenlijst"


DECISION_LIST = DocumentKind(
    key="decision_list",
    title=lambda subject: _title(_body(subject)),
    template="governance/decision_list_pdf.html",
    context=decision_list_context,
    can_request=decision_list_can_request,
    filename=_filename,
)

KINDS = [DECISION_LIST]
