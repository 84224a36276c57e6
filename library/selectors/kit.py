"""What the onboarding kit of a partner shows: its house style next to the AVK's, and the
alliance in short (from the alliance's own memos)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from governance.selectors.programme import programme_organisation
from library.models import HouseStyle
from partners.models import Package, Partner, TeamMember
from partners.selectors.commitment import current_commitment

AVK_COLOUR = "#17455C"


def kit_context(partner: Partner) -> dict:
    style = HouseStyle.objects.filter(partner=partner).first()
    team = list(
        TeamMember.objects.filter(partner=partner)
        .select_related("person")
        .order_by("role", "person__name")[:20]
    )
    contact = partner.contact_person
    commitment = current_commitment(partner)
    return {
        "title": _("Onboarding kit of %(partner)s") % {"partner": partner.name},
        "partner": partner,
        "style": style,
        "colour": style.colour if style else AVK_COLOUR,
        "logo_url": style.logo.url if style and style.logo else "",
        "avk_colour": AVK_COLOUR,
        "organisation": programme_organisation(),
        "team": team,
        "packages": list(Package.objects.order_by("order", "code")[:10]),
        "package": commitment.package if commitment else None,
        "contact": contact,
        "generated_on": timezone.localdate(),
    }
