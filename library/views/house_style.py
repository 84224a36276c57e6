"""A partner's house style page: their editors set the logo and colour, and ask for the
onboarding kit in that style (through the document pipeline)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.forms import add_errors
from library.access import get_partner_for_house_style
from library.forms.house_style import HouseStyleForm
from library.models import HouseStyle
from library.selectors.kit import AVK_COLOUR
from library.services.house_style import house_style_save

# An SVG logo opened on its own may run nothing and load nothing.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


@require_http_methods(["GET", "POST"])
def house_style(request, pk):
    partner = get_partner_for_house_style(request.user, pk)
    style = HouseStyle.objects.filter(partner=partner).first()
    initial = {"colour": style.colour if style else AVK_COLOUR}
    form = HouseStyleForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            house_style_save(
                user=request.user,
                partner=partner,
                colour=form.cleaned_data["colour"],
                logo=form.cleaned_data.get("checked_logo"),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your house style is saved."))
            return redirect("library:house_style", pk=partner.pk)
    return render(
        request,
        "library/house_style.html",
        {"partner": partner, "style": style, "form": form},
    )


@require_GET
def house_style_logo(request, pk):
    """The stored (checked, rewritten) logo, for the people who may change it."""
    partner = get_partner_for_house_style(request.user, pk)
    style = HouseStyle.objects.filter(partner=partner).first()
    if style is None or not style.logo:
        raise Http404
    try:
        handle = style.logo.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=style.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    # Kept a few minutes: the page asks for it with ?v=<HouseStyle.logo_version>, so a new
    # logo has a new address and never waits behind the browser's copy of the old one.
    response["Cache-Control"] = "private, max-age=300"
    if style.logo_format == HouseStyle.LogoFormat.SVG:
        response["Content-Security-Policy"] = SVG_POLICY
    return response
