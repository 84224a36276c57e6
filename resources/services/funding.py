"""Writes of the funding sources and the applications (the lobby)."""

from avk.audit import audit_group
from resources.access import require_write
from resources.forms.funding import FundingApplicationForm, FundingSourceForm
from resources.models import FundingApplication, FundingSource
from resources.services.common import form_save

APPLICATION_FIELDS = [
    "source_id",
    "title",
    "status",
    "amount_asked",
    "amount_granted",
    "submitted_on",
    "decision_expected_on",
    "decided_on",
    "owner",
    "note",
]


def funding_source_save(*, form: FundingSourceForm, user) -> FundingSource:
    """Create or change a funding source (staff)."""
    require_write(user)
    source = form_save(
        form=form, user=user, kind="funding_source", fields=["name", "kind", "description"]
    )
    return source


def funding_application_save(*, form: FundingApplicationForm, user) -> FundingApplication:
    """Create or change an application for funds (staff). The rules of the amounts and
    dates are the model's (clean and check constraints)."""
    require_write(user)
    return form_save(
        form=form,
        user=user,
        kind="funding_application",
        fields=APPLICATION_FIELDS,
        group=audit_group("funding_source", form.instance.source_id),
    )
