"""The notification settings page and the one-click unsubscribe link of a mail."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from avk import notifications
from avk.forms import NotificationPreferencesForm


@require_http_methods(["GET", "POST"])
@never_cache
def notification_settings(request):
    kinds = notifications.kinds()
    current = notifications.preferences_of(request.user)
    form = NotificationPreferencesForm(request.POST or None, kinds=kinds, initial_modes=current)
    if request.method == "POST" and form.is_valid():
        notifications.preferences_set(user=request.user, modes=form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("notification_settings")
    return render(request, "avk/notification_settings.html", {"form": form})


@login_not_required
@csrf_exempt  # RFC 8058: a mail program posts without a session; the token is the key
@require_http_methods(["GET", "POST"])
@never_cache
def notification_unsubscribe(request, token):
    """GET shows what the link switches off and changes nothing (mail scanners follow
    links); POST switches it off, also the one-click POST of a mail program."""
    context = {"token": token}
    try:
        user_pk, keys = notifications.unsubscribe_read(token)
    except notifications.TokenInvalid:
        return render(
            request, "avk/unsubscribe.html", {**context, "problem": "invalid"}, status=400
        )
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    if user is None:
        return render(
            request, "avk/unsubscribe.html", {**context, "problem": "invalid"}, status=400
        )
    if request.user.is_authenticated and request.user.pk != user.pk:
        return render(request, "avk/unsubscribe.html", {**context, "problem": "other"}, status=403)
    context["kinds"] = [notifications.kind_get(key) for key in keys]
    if request.method == "POST":
        notifications.unsubscribe(user=user, kinds_=keys)
        context["done"] = True
    return render(request, "avk/unsubscribe.html", context)
