"""Generated documents: which kinds exist, asking for one, and making it.

Apps register their kinds in AppConfig.ready(), so this module knows no domain:

    documents.register(DocumentKind(key="governance_overview", ...))
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from avk.models import Document, User
from avk.pdf import PDFRenderError, render_pdf
from avk.queue import enqueue

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title: Callable[[str], str]  # subject -> human title, in the active language
    template: str
    context: Callable[[str], dict]  # subject -> template context
    can_request: Callable[[User, str], bool]  # user, subject -> may ask for it
    filename: Callable[[str], str]  # subject -> file name without extension


_KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> None:
    _KINDS[kind.key] = kind


def get_kind(key: str) -> DocumentKind | None:
    return _KINDS.get(key)


def registered_kinds() -> list[DocumentKind]:
    return list(_KINDS.values())


def document_request(
    *, user: User, kind: str, subject: str = "", language: str, back_url: str = ""
) -> Document:
    """Ask for a document: a pending row now, the rendering in a task after commit.

    `back_url` is the page it was asked for on (a path of this site, checked by the
    caller). When the task queue cannot be reached the document is marked failed with a
    reason the person can act on, instead of the page breaking.
    """
    document_kind = get_kind(kind)
    if document_kind is None or not document_kind.can_request(user, subject):
        raise PermissionDenied
    with transaction.atomic():
        document = Document.objects.create(
            kind=kind,
            subject=subject,
            language=language,
            requested_by=user,
            back_url=back_url[: Document._meta.get_field("back_url").max_length],
        )
        transaction.on_commit(lambda: _enqueue_render(document.pk))
    return document


def document_retry(*, user: User, document: Document) -> Document:
    """Ask again for a document that failed: a new request with the same kind and subject."""
    return document_request(
        user=user,
        kind=document.kind,
        subject=document.subject,
        language=document.language,
        back_url=document.back_url,
    )


def _enqueue_render(document_id) -> None:
    from avk.tasks import document_render  # tasks import this module

    if not enqueue(lambda: document_render.delay(str(document_id)), what="a document"):
        # Nobody waits for a PDF that may come in an hour: say so now, with a way out.
        _fail(
            Document.objects.filter(pk=document_id),
            gettext_noop("Documents cannot be made right now. Try again in a few minutes."),
        )


def _fail(documents, reason: str) -> int:
    """Mark the pending `documents` failed with `reason`, in each requester's language."""
    failed = 0
    for document in documents.filter(status=Document.Status.PENDING):
        with translation.override(document.language):
            failed += Document.objects.filter(
                pk=document.pk, status=Document.Status.PENDING
            ).update(status=Document.Status.FAILED, error=_(reason), finished_at=timezone.now())
    return failed


def documents_sweep(*, now=None) -> dict:
    """Deal with documents whose worker died: queue each once more, then give up.

    A document pending longer than AVK_DOCUMENT_STALE_SECONDS is queued again once; if it
    is still pending as long after that, it is marked failed with a reason, and its page
    offers to try again. Returns how many were queued again and how many failed.
    """
    now = now or timezone.now()
    stale = now - timezone.timedelta(seconds=settings.AVK_DOCUMENT_STALE_SECONDS)
    pending = Document.objects.filter(status=Document.Status.PENDING)
    requeued = 0
    for pk in pending.filter(requeued_at__isnull=True, requested_at__lte=stale).values_list(
        "pk", flat=True
    ):
        # Claimed with a conditional update, so two sweeps never queue one twice.
        if pending.filter(pk=pk, requeued_at__isnull=True).update(requeued_at=now):
            requeued += 1
            _enqueue_render(pk)
    failed = _fail(
        pending.filter(requeued_at__lte=stale),
        gettext_noop(
            "Making the document took too long: the program that makes it may have "
            "stopped. Try again."
        ),
    )
    return {"requeued": requeued, "failed": failed}


def document_render(*, document_id) -> None:
    """Make the file of a pending document. Idempotent: a retry of a finished one is a no-op.

    The file is written only after rendering succeeded, and the row is switched from
    pending in one conditional UPDATE, so a failure leaves no half-written document and
    two workers racing on one document leave exactly one file.
    """
    document = Document.objects.filter(pk=document_id).first()
    if document is None or document.status != Document.Status.PENDING:
        return
    document_kind = get_kind(document.kind)
    try:
        if document_kind is None:
            raise PDFRenderError(f"Unknown document kind {document.kind!r}")
        # The context holds translated strings (the title) too: build it in the language
        # asked for, not the worker's.
        with translation.override(document.language):
            context = document_kind.context(document.subject)
        pdf = render_pdf(document_kind.template, context, language=document.language)
    except Exception as exc:
        logger.exception("Rendering document %s failed", document_id)
        reason = str(exc) if isinstance(exc, PDFRenderError) else f"{type(exc).__name__}: {exc}"
        Document.objects.filter(pk=document_id, status=Document.Status.PENDING).update(
            status=Document.Status.FAILED, error=reason[:2000], finished_at=timezone.now()
        )
        return

    storage = document.file.storage
    name = storage.save(
        document.file.field.generate_filename(
            document, f"{document_kind.filename(document.subject)}.pdf"
        ),
        ContentFile(pdf),
    )
    updated = Document.objects.filter(pk=document_id, status=Document.Status.PENDING).update(
        status=Document.Status.READY,
        file=name,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        error="",
        finished_at=timezone.now(),
    )
    if not updated:  # someone else finished it meanwhile: keep theirs, drop ours
        storage.delete(name)


def documents_purge(*, older_than_days: int) -> int:
    """Delete generated documents (rows and files) older than the retention period."""
    cutoff = timezone.now() - timezone.timedelta(days=older_than_days)
    count = 0
    for document in Document.objects.filter(requested_at__lt=cutoff).iterator():
        if document.file:
            document.file.delete(save=False)
        document.delete()
        count += 1
    return count
