"""The network: the readers and mailings are staff's; the unsubscribe link is public."""

from movement.services.readers import unsubscribe_token
from tests.matrix import EVERYONE, STAFF_ONLY
from tests.movement.factories_network import MailingFactory, ReaderFactory


def _mailing(o):
    return {"pk": MailingFactory().pk}


def _batch(o):
    # No upload in this session: staff get 404 (not their batch), others are stopped first.
    return {"batch": "no-such-batch"}


def _reader(o):
    return {"pk": ReaderFactory().pk}


def _unsubscribe(o):
    return {"token": unsubscribe_token(ReaderFactory().pk)}


STAFF_404 = STAFF_ONLY | {"staff": 404}

EXPECTED = {
    "movement:reader_list": (lambda o: {}, STAFF_ONLY),
    "movement:reader_import": (lambda o: {}, STAFF_ONLY),
    "movement:reader_import_preview": (_batch, STAFF_404),
    "movement:reader_remove": (_reader, STAFF_ONLY),
    "movement:reader_unsubscribe": (_unsubscribe, EVERYONE),
    "movement:mailing_list": (lambda o: {}, STAFF_ONLY),
    "movement:mailing_create": (lambda o: {}, STAFF_ONLY),
    "movement:mailing_detail": (_mailing, STAFF_ONLY),
    "movement:mailing_edit": (_mailing, STAFF_ONLY),
    "movement:mailing_send": (_mailing, STAFF_ONLY),
}
