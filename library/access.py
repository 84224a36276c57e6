"""Who may see or change what in the library.

Documents: public ones for everyone (also without logging in), partner documents for
everyone who logs in, staff documents for programme staff; only staff upload and edit.
A partner's house style and onboarding kit: that partner's editors and staff.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from avk.access import is_staff
from library.models import DocumentVersion, LibraryDocument
from partners.access import can_edit_partner, partners_visible_to
from partners.models import Partner


def visibilities_for(user) -> list[str]:
    Visibility = LibraryDocument.Visibility
    if is_staff(user):
        return list(Visibility.values)
    if user.is_authenticated:
        return [Visibility.PUBLIC, Visibility.PARTNERS]
    return [Visibility.PUBLIC]


def documents_visible_to(user) -> QuerySet[LibraryDocument]:
    return LibraryDocument.objects.filter(visibility__in=visibilities_for(user))


def may_manage_library(user) -> bool:
    return is_staff(user)


def get_document_for_user(user, pk, *, write: bool = False) -> LibraryDocument:
    """A document the user may see (404 otherwise); with write=True, may change (403)."""
    document = get_object_or_404(documents_visible_to(user), pk=pk)
    if write and not may_manage_library(user):
        raise PermissionDenied
    return document


def get_version_for_user(user, pk) -> DocumentVersion:
    """A version of a document the user may see; 404 for anything else."""
    return get_object_or_404(
        DocumentVersion.objects.select_related("document").filter(
            document__visibility__in=visibilities_for(user)
        ),
        pk=pk,
    )


def may_shape_house_style(user, partner: Partner) -> bool:
    return user.is_authenticated and can_edit_partner(user, partner)


def get_partner_for_house_style(user, pk) -> Partner:
    """The partner whose house style and kit the user works on: 404 for a partner they may
    not see, 403 for one they may see but do not edit."""
    partner = get_object_or_404(partners_visible_to(user), pk=pk)
    if not may_shape_house_style(user, partner):
        raise PermissionDenied
    return partner


def may_request_kit(user, partner_pk: int | None) -> bool:
    """The onboarding kit of a partner: its editors and staff may ask for it."""
    if partner_pk is None or not user.is_authenticated:
        return False
    partner = partners_visible_to(user).filter(pk=partner_pk).first()
    return partner is not None and may_shape_house_style(user, partner)
