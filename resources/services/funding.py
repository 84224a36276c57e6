"""Writes of the funding sources and the applications (the lobby)."""

from django.utils.translation import ngettext

from avk.audit import audit_group
from resources.access import require_write
from resources.forms.funding import FundingApplicationForm, FundingSourceForm
from resources.models import FundingApplication, FundingSource
from resources.services.common import allocation_refusal, form_save, row_delete

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


def source_refusal(source: FundingSource) -> str:
    """Why `source` cannot be deleted (its applications), or ""."""
    count = source.applications.count()
    if not count:
        return ""
    return ngettext(
        "This source still has %(count)s application. Delete or move it first.",
        "This source still has %(count)s applications. Delete or move them first.",
        count,
    ) % {"count": count}


def funding_source_delete(*, source: FundingSource, user) -> None:
    """Delete a funding source entered by mistake (staff); refused while it has
    applications (ValidationError)."""
    require_write(user)
    row_delete(
        instance=source,
        user=user,
        kind="funding_source",
        fields=["name", "kind", "description"],
        refusal=source_refusal,
    )


def funding_application_delete(*, application: FundingApplication, user) -> None:
    """Delete an application entered by mistake (staff); refused while money of it is
    linked to an effort (ValidationError)."""
    require_write(user)
    row_delete(
        instance=application,
        user=user,
        kind="funding_application",
        fields=APPLICATION_FIELDS,
        group=audit_group("funding_source", application.source_id),
        refusal=allocation_refusal,
    )
