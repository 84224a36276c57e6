"""The memo PDF: the memo laid out like the alliance's own memos, with the results once
decided. The subject is the memo's primary key; whoever may see the memo may ask for it."""

from django.utils import timezone
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from avk.forms import parse_id
from governance.access import memos_visible_to
from governance.models import Memo
from governance.selectors_memos import memo_parts


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

KINDS = [MEMO]
