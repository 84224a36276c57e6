"""Writes of a partner's house style: their colour and logo for the onboarding kit."""

import uuid

from django.core.files.base import ContentFile
from django.db import transaction

from avk.audit import audit_group, audit_record
from library.models import HouseStyle
from library.uploads import CheckedLogo
from partners.models import Partner


def house_style_save(
    *, user, partner: Partner, colour: str, logo: CheckedLogo | None = None
) -> HouseStyle:
    """Set the partner's colour and, when given, a new logo (already checked and written
    again by library.uploads.logo_check). The old logo file goes once this is committed."""
    with transaction.atomic():
        style = HouseStyle.objects.select_for_update().filter(partner=partner).first()
        if style is None:
            style = HouseStyle(partner=partner)
        old_logo = style.logo.name if style.logo else ""
        changes = {}
        if style.colour != colour.upper():
            changes["colour"] = [style.colour, colour.upper()]
        style.colour = colour.upper()
        style.updated_by = user
        if logo is not None:
            name = f"{uuid.uuid4().hex}.{logo.extension}"
            style.logo.save(name, ContentFile(logo.content), save=False)
            style.logo_format = logo.format
            changes["logo"] = ["replaced" if old_logo else "", logo.format]
        try:
            style.full_clean(exclude=["logo", "partner"])
            style.save()
        except Exception:
            if logo is not None:
                style.logo.delete(save=False)
            raise
        if logo is not None and old_logo:
            storage = style.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
        audit_record(
            actor=user,
            instance=style,
            action="library.house_style_changed",
            changes=changes,
            group=audit_group("partner", partner.pk),
        )
    return style
