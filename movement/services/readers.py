"""The newsletter readers: importing a list, joining through a sign-up, unsubscribing,
and erasing a reader completely at their request (staff).

Unsubscribing is honoured at once: the reader's row is locked, marked and stripped of the
name, and every mail of a mailing still waiting for them in the outbox is deleted in the
same transaction. The queuing of a mailing locks the readers it queues for
(movement.services.mailings), so it either queued before (and its rows are deleted here)
or sees the reader unsubscribed and queues nothing.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from avk.audit import audit_record
from avk.imports import CREATE, ImportOutcome, ImportRefused
from avk.links import absolute_reverse
from avk.models import OutgoingMail
from movement.models import Reader
from movement.selectors import readers as selectors

_SALT = "movement.readers.unsubscribe"


def unsubscribe_token(reader_id: int) -> str:
    """The secret of a reader's unsubscribe link: their id and a keyed hash of it. It keeps
    working after unsubscribing, so a second click says "done" again."""
    return f"{reader_id}-{_mac(reader_id)}"


def _mac(reader_id: int) -> str:
    return salted_hmac(_SALT, f"reader:{reader_id}").hexdigest()[:32]


def unsubscribe_url(reader_id: int) -> str:
    return absolute_reverse("movement:reader_unsubscribe", unsubscribe_token(reader_id))


def reader_for_token(token: str) -> Reader | None:
    pk, _dash, mac = (token or "").partition("-")
    if not pk.isdigit() or len(pk) > 18 or not constant_time_compare(_mac(int(pk)), mac):
        return None
    return Reader.objects.filter(pk=int(pk)).first()


def _mailing_mails(reader_pk: int):
    return OutgoingMail.objects.filter(
        key__startswith="mailing:", key__endswith=f":reader:{reader_pk}"
    )


_WAITING = [OutgoingMail.Status.PENDING, OutgoingMail.Status.HELD]


def reader_unsubscribe(reader: Reader, now=None, actor=None) -> bool:
    """Unsubscribe at once (see the module): through their link, or by staff (`actor`) at
    their request. Returns False when it was done before."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Reader.objects.select_for_update().filter(pk=reader.pk).first()
        if locked is None or locked.unsubscribed_at is not None:
            return False
        locked.unsubscribed_at = now
        locked.name = ""
        locked.save(update_fields=["unsubscribed_at", "name", "updated_at"])
        _mailing_mails(locked.pk).filter(status__in=_WAITING).delete()
        audit_record(actor=actor, instance=locked, action="reader.unsubscribed")
    return True


def reader_erase(reader: Reader, *, actor) -> bool:
    """Erase a reader completely (the AVG's right to erasure), by staff at their request:
    the row goes, mails still waiting for them are deleted, and the mails sent to them keep
    only their status (so a mailing's counts stay true), not the address or the name.
    Unlike unsubscribing, nothing remembers the address: a later import may add it again.
    Returns False when the reader was erased already."""
    with transaction.atomic():
        locked = Reader.objects.select_for_update().filter(pk=reader.pk).first()
        if locked is None:
            return False
        mails = _mailing_mails(locked.pk)
        mails.filter(status__in=_WAITING).delete()
        mails.update(to="", context={})
        # The entry keeps "reader #<id>" (Reader.__str__), never the address.
        audit_record(actor=actor, instance=locked, action="reader.erased")
        locked.delete()
    return True


def reader_join(*, email: str, name: str, source: str, consented_on) -> Reader:
    """Someone asked for the newsletter themselves (a confirmed sign-up): they become a
    reader, also when they unsubscribed before (this is a new request of their own)."""
    email = email.strip().lower()
    with transaction.atomic():
        reader = Reader.objects.select_for_update().filter(email=email).first()
        if reader is None:
            try:
                with transaction.atomic():
                    return Reader.objects.create(
                        email=email, name=name, source=source[:200], consented_on=consented_on
                    )
            except IntegrityError:  # joined at the same moment through another sign-up
                reader = Reader.objects.select_for_update().get(email=email)
        if reader.unsubscribed_at is not None:
            reader.unsubscribed_at = None
            reader.source = source[:200]
            reader.consented_on = consented_on
        reader.name = reader.name or name
        reader.save()
    return reader


def readers_import(*, rows: list[dict], headers: dict, source: str, user) -> ImportOutcome:
    """Add the new addresses of a checked list, all or none (avk.imports).

    Addresses already on the list stay as they are; an address that unsubscribed is never
    added back. The rows are checked again inside the transaction.
    """
    try:
        with transaction.atomic():
            results = selectors.validate_rows(rows, headers, source=source)
            if not results or any(not result.ok for result in results):
                raise ImportRefused(
                    _("Some rows have errors. Correct the file and upload it again."),
                    results=results,
                )
            new = [
                Reader(
                    email=r.clean["email"],
                    name=r.clean["name"],
                    source=r.clean["source"],
                    consented_on=r.clean["consented_on"],
                )
                for r in results
                if r.action == CREATE
            ]
            Reader.objects.bulk_create(new, batch_size=1000)
            if new:
                audit_record(
                    actor=user,
                    instance=new[0],
                    action="readers.imported",
                    changes={"count": ["", str(len(new))], "source": ["", source]},
                )
    except IntegrityError:
        raise ImportRefused(
            _(
                "Someone added some of the same addresses while you were importing. Nothing "
                "was imported: upload the file again to see the current state."
            )
        ) from None
    return ImportOutcome(created=len(new), updated=0)
