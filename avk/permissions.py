"""Access helpers shared by every app.

The rule of the house: a view fetches objects through a helper of the object's app
(`get_partner_for_user`, ...) that answers 404 for what the user may not see and 403 for
what they may see but not change. Login itself is required everywhere by
LoginRequiredMiddleware; public views say so with @login_not_required.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied


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
