"""Access helpers shared by every app.

The rule of the house: a view fetches objects through a helper of the object's app
(`get_partner_for_user`, ...) that answers 404 for what the user may not see and 403 for
what they may see but not change. Login itself is required everywhere by
LoginRequiredMiddleware; public views say so with @login_not_required.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from avk.models import Document


def is_staff(user) -> bool:
    """Programme leader and programme staff."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def staff_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def get_document_for_user(user, pk) -> Document:
    """Who asked for a document, and staff, may see it; anyone else gets 404."""
    queryset = (
        Document.objects.all() if is_staff(user) else Document.objects.filter(requested_by=user)
    )
    return get_object_or_404(queryset, pk=pk)
