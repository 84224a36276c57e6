"""The governance documents the PDF pipeline can make."""

from django.utils import timezone
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from governance.selectors import bodies_with_current_seats


def governance_overview_context(subject: str) -> dict:
    return {
        "bodies": bodies_with_current_seats(),
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
