"""Substitutes: a seat-holder (or staff for them) names who votes for the seat during a
period, sees the substitutions running and to come, and stops one. The services check
every rule again, under a lock."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from avk.access import is_staff
from avk.forms import add_errors
from governance.access import get_seat_for_substituting, get_substitution_for_user
from governance.forms.substitutes import SubstituteForm
from governance.selectors.substitutes import seat_substitutions
from governance.services.substitutes import substitution_end, substitution_name


@require_http_methods(["GET", "POST"])
def substitutes(request, pk):
    """A seat's substitutes, and the form to name one."""
    seat = get_seat_for_substituting(request.user, pk)
    form = SubstituteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            substitution = substitution_name(
                user=request.user,
                seat=seat,
                substitute=data["substitute"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is your substitute from %(start)s until %(end)s.")
                % {
                    "name": substitution.substitute.name,
                    "start": formats.date_format(substitution.starts_on, "j F Y"),
                    "end": formats.date_format(substitution.ends_on, "j F Y"),
                },
            )
            return redirect("governance:substitutes", pk=seat.pk)
    return render(
        request,
        "governance/substitutes.html",
        {
            "seat": seat,
            "body": seat.body,
            "form": form,
            "substitutions": seat_substitutions(seat),
            "for_someone_else": is_staff(request.user) and seat.person.user_id != request.user.pk,
        },
    )


@require_POST
def stop_substitute(request, pk):
    """Stop a substitution: one to come goes, a running one ends (the seat-holder votes
    again today)."""
    substitution = get_substitution_for_user(request.user, pk)
    try:
        ended = substitution_end(user=request.user, substitution=substitution)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if ended is None:
            messages.success(request, _("The substitute has been removed."))
        elif ended.ends_on < timezone.localdate():
            messages.success(
                request, _("The substitute has stopped. From today the member votes again.")
            )
        else:
            messages.success(
                request,
                _("The substitute votes until %(end)s. After that, the member votes again.")
                % {"end": formats.date_format(ended.ends_on, "j F Y")},
            )
    return redirect("governance:substitutes", pk=substitution.seat_id)
