from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from avk.access import staff_required
from avk.forms import add_errors
from partners.forms.invitations import AcceptInvitationForm, InvitationForm
from partners.models import Invitation
from partners.services.invitations import invitation_accept, invitation_create, invitation_for_token


@staff_required
@require_http_methods(["GET", "POST"])
def invitation_list(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = invitation_create(invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("partners:invitation_list")
    invitations = Invitation.objects.select_related("partner", "invited_by")[:200]
    return render(
        request, "partners/invitation_list.html", {"form": form, "invitations": invitations}
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = invitation_for_token(token)
    if invitation is None or invitation.accepted_at or invitation.is_expired:
        return render(
            request,
            "partners/invitation_invalid.html",
            {"invitation": invitation},
            status=410 if invitation else 404,
        )
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(token=token, password=form.cleaned_data["password1"])
        except ValidationError as error:
            add_errors(form, error, field="password1")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to the AVK portal."))
            return redirect("home")
    return render(
        request, "partners/invitation_accept.html", {"form": form, "invitation": invitation}
    )
