"""The library's documents the PDF pipeline can make: a partner's onboarding kit in its own
house style. The subject is the partner's primary key."""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from library.access import may_request_kit
from library.selectors.kit import kit_context
from partners.models import Partner


def _partner_pk(subject: str) -> int | None:
    if not (isinstance(subject, str) and subject.isascii() and subject.isdigit()):
        return None
    if not 0 < len(subject) <= 18:
        return None
    return int(subject)


def _partner(subject: str) -> Partner | None:
    pk = _partner_pk(subject)
    if pk is None:
        return None
    return Partner.objects.select_related("contact_person").filter(pk=pk).first()


def onboarding_kit_context(subject: str) -> dict:
    partner = _partner(subject)
    if partner is None:
        raise Partner.DoesNotExist(subject)
    return kit_context(partner)


def _title(subject: str) -> str:
    partner = _partner(subject)
    if partner is None:
        return _("Onboarding kit")
    return _("Onboarding kit of %(partner)s") % {"partner": partner.name}


def _filename(subject: str) -> str:
    partner = _partner(subject)
    return f"avk-onboarding-{slugify(partner.name) if partner else 'kit'}"


ONBOARDING_KIT = DocumentKind(
    key="onboarding_kit",
    title=_title,
    template="library/kit_pdf.html",
    context=onboarding_kit_context,
    can_request=lambda user, subject: may_request_kit(user, _partner_pk(subject)),
    filename=_filename,
)
