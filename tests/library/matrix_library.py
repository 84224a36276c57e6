"""Permission matrix entries of the library (see tests/matrix.py)."""

from library.models import LibraryDocument
from tests.library.factories import HouseStyleFactory, LibraryDocumentFactory
from tests.matrix import EVERYONE, PARTNER_A_WRITERS, PERSONAS, STAFF_ONLY

# A partners' document: everyone logged in; a visitor without an account gets 404.
LOGGED_IN_ELSE_404 = dict.fromkeys(PERSONAS, 200) | {"anonymous": 404}


def _partners_document():
    return LibraryDocumentFactory(visibility=LibraryDocument.Visibility.PARTNERS)


EXPECTED = {
    "library:library": (lambda o: {}, EVERYONE),
    "library:document_detail": (lambda o: {"pk": _partners_document().pk}, LOGGED_IN_ELSE_404),
    "library:version_download": (
        lambda o: {"pk": _partners_document().current_version.pk},
        LOGGED_IN_ELSE_404,
    ),
    "library:document_create": (lambda o: {}, STAFF_ONLY),
    "library:document_edit": (lambda o: {"pk": _partners_document().pk}, STAFF_ONLY),
    "library:version_create": (lambda o: {"pk": _partners_document().pk}, STAFF_ONLY),
    "library:house_style": (lambda o: {"pk": o["partner_a"].pk}, PARTNER_A_WRITERS),
    "library:house_style_logo": (
        lambda o: {"pk": HouseStyleFactory(partner=o["partner_a"]).partner.pk},
        PARTNER_A_WRITERS,
    ),
}
