"""The governance documents the PDF pipeline can make: the governance overview, a memo
(laid out like the alliance's own memos, with the results once decided), a body's
decision list (besluitenlijst), a meeting's minutes and its meeting book. The subject is
empty, or the memo's, the body's or the meeting's primary key."""

from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from avk.forms import parse_id
from governance.access import (
    may_draft_minutes,
    may_read_minutes,
    meetings_visible_to,
    memos_visible_to,
)
from governance.models import Body, Meeting, Memo
from governance.selectors.bodies import bodies_with_current_seats
from governance.selectors.decisions import decision_entries, with_phrases
from governance.selectors.memos import memo_parts
from governance.selectors.minutes import minutes_content, minutes_of, previous_meeting
from governance.selectors.programme import penvoerder_history, programme_organisation

# --- the governance overview --------------------------------------------------------------


def governance_overview_context(subject: str) -> dict:
    return {
        "bodies": bodies_with_current_seats(),
        "organisation": programme_organisation(),
        "penvoerders": penvoerder_history(),
        "title": _("Governance of the alliance"),
        "generated_on": timezone.localdate(),
    }


GOVERNANCE_OVERVIEW = DocumentKind(
    key="governance_overview",
    title=lambda subject: _("Governance overview"),
    template="governance/overview_pdf.html",
    context=governance_overview_context,
    can_request=lambda user, subject: user.is_authenticated and subject == "",
    filename=lambda subject: "avk-bestuursoverzicht",
)


# --- a memo -------------------------------------------------------------------------------


def _memo_pk(subject: str) -> int | None:
    if not (isinstance(subject, str) and subject.isascii() and subject.isdigit()):
        return None
    return parse_id(subject)


def memo_pdf_context(subject: str) -> dict:
    memo = Memo.objects.select_related("body").get(pk=_memo_pk(subject))
    return {
        "title": memo.title,
        "memo": memo,
        **memo_parts(memo),
        "generated_on": timezone.localdate(),
    }


def memo_can_request(user, subject: str) -> bool:
    pk = _memo_pk(subject)
    return bool(
        user.is_authenticated and pk is not None and memos_visible_to(user).filter(pk=pk).exists()
    )


def _memo_title(subject: str) -> str:
    memo = Memo.objects.filter(pk=_memo_pk(subject)).first()
    return _("Memo: %(title)s") % {"title": memo.title} if memo else _("Memo")


def _memo_filename(subject: str) -> str:
    memo = Memo.objects.filter(pk=_memo_pk(subject)).select_related("body").first()
    if memo is None:
        return "avk-memo"
    return f"avk-memo-{memo.body.short_name.lower()}-{memo.memo_date:%Y-%m-%d}-{memo.pk}"


MEMO = DocumentKind(
    key="memo",
    title=_memo_title,
    template="governance/memo_pdf.html",
    context=memo_pdf_context,
    can_request=memo_can_request,
    filename=_memo_filename,
)


# --- a body's decision list ----------------------------------------------------------------


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


# --- a meeting's minutes and its meeting book -----------------------------------------------


def _meeting(subject: str) -> Meeting | None:
    pk = _memo_pk(subject)
    return Meeting.objects.select_related("body").filter(pk=pk).first() if pk else None


def _meeting_date(meeting: Meeting) -> str:
    return formats.date_format(timezone.localdate(meeting.starts_at), "j F Y")


def _visible_meeting(user, subject: str) -> Meeting | None:
    pk = _memo_pk(subject)
    if not user.is_authenticated or pk is None:
        return None
    return meetings_visible_to(user).filter(pk=pk).first()


def _meeting_title(subject: str, *, alone: str, of: str) -> str:
    """`of` % body and date of the subject's meeting; `alone` when there is none."""
    meeting = _meeting(subject)
    if meeting is None:
        return alone
    return of % {"body": meeting.body.name, "date": _meeting_date(meeting)}


def _minutes_title(subject: str) -> str:
    return _meeting_title(subject, alone=_("Minutes"), of=_("Minutes of %(body)s, %(date)s"))


def minutes_pdf_context(subject: str) -> dict:
    meeting = _meeting(subject)
    return {
        "title": _minutes_title(subject),
        "meeting": meeting,
        **minutes_content(meeting, minutes_of(meeting)),
        "generated_on": timezone.localdate(),
    }


def minutes_can_request(user, subject: str) -> bool:
    meeting = _visible_meeting(user, subject)
    if meeting is None:
        return False
    return may_read_minutes(minutes_of(meeting), drafter=may_draft_minutes(user, meeting))


def _meeting_filename(prefix: str):
    def filename(subject: str) -> str:
        meeting = _meeting(subject)
        if meeting is None:
            return prefix
        short = slugify(meeting.body.short_name)
        return f"{prefix}-{short}-{timezone.localdate(meeting.starts_at):%Y-%m-%d}"

    return filename


MINUTES = DocumentKind(
    key="minutes",
    title=_minutes_title,
    template="governance/minutes_pdf.html",
    context=minutes_pdf_context,
    can_request=minutes_can_request,
    filename=_meeting_filename("avk-verslag"),
)


def _book_title(subject: str) -> str:
    return _meeting_title(
        subject, alone=_("Meeting book"), of=_("Meeting book of %(body)s, %(date)s")
    )


def meeting_book_context(subject: str) -> dict:
    """The agenda, every memo on it (the memo PDF's own parts, with annexes) and the
    previous meeting's minutes once circulated."""
    meeting = _meeting(subject)
    agenda = list(meeting.agenda.select_related("memo__body").order_by("order", "id"))
    memos, seen = [], set()
    for item in agenda:
        if item.memo is not None and item.memo_id not in seen:
            seen.add(item.memo_id)
            memos.append({"memo": item.memo, **memo_parts(item.memo)})
    previous = previous_meeting(meeting)
    minutes = minutes_of(previous) if previous else None
    earlier = None
    if minutes is not None and minutes.circulated_at is not None:
        earlier = {"meeting": previous, **minutes_content(previous, minutes)}
    return {
        "title": _book_title(subject),
        "meeting": meeting,
        "agenda": agenda,
        "memos": memos,
        "previous": earlier,
        "generated_on": timezone.localdate(),
    }


MEETING_BOOK = DocumentKind(
    key="meeting_book",
    title=_book_title,
    template="governance/meeting_book_pdf.html",
    context=meeting_book_context,
    can_request=lambda user, subject: _visible_meeting(user, subject) is not None,
    filename=_meeting_filename("avk-vergaderboek"),
)


KINDS = [GOVERNANCE_OVERVIEW, MEMO, DECISION_LIST, MINUTES, MEETING_BOOK]
