"""The areas measurements are about, kept in step with the municipalities of partners.

Every municipality with a CBS code has an Area with the same code (linked one to one), in its
province. A merger is recorded on the municipality only (its successor and the year); the area
reads it from there (selectors.areas.with_mergers), so a series runs on across the merger
whenever and however the merger is recorded. The provinces, the Netherlands and the Veenkoloniën
region (whose members are its municipalities) are areas of their own.

`areas_sync()` builds or repairs all of it (the demo calls it; so may staff, any number of
times); `area_sync_for()` follows one municipality when staff give it a CBS code (connected
to the municipality's post_save in monitoring.apps: partners does not know monitoring).
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from monitoring.models import Area
from monitoring.selectors.areas import (
    NETHERLANDS,
    PROVINCES,
    REGION_CODE,
    REGION_MEMBERS,
    REGION_NAME,
)
from partners import cbs
from partners.models import Municipality

logger = logging.getLogger(__name__)


def _fixed_areas() -> dict[str, Area]:
    areas = {}
    code, name = NETHERLANDS
    areas[code], _created = Area.objects.update_or_create(
        code=code, defaults={"name": name, "kind": Area.Kind.COUNTRY}
    )
    for name, code in PROVINCES.items():
        areas[code], _created = Area.objects.update_or_create(
            code=code, defaults={"name": name, "kind": Area.Kind.PROVINCE}
        )
    areas[REGION_CODE], _created = Area.objects.get_or_create(
        code=REGION_CODE, defaults={"name": REGION_NAME, "kind": Area.Kind.REGION}
    )
    return areas


def _give_known_codes(*, create: bool) -> None:
    """Municipalities named in partners.cbs get their code; with `create`, the missing ones
    (the mergers' predecessors too) are made. Successors before their predecessors."""
    known = {**cbs.MUNICIPALITIES, **{name: v[:2] for name, v in cbs.MERGED.items()}}
    taken = set(Municipality.objects.exclude(cbs_code=None).values_list("cbs_code", flat=True))
    rows = {m.name: m for m in Municipality.objects.filter(name__in=known)}
    for name, (code, province) in known.items():
        municipality = rows.get(name)
        if municipality is None and create and code not in taken:
            rows[name] = Municipality.objects.create(name=name, province=province, cbs_code=code)
        elif municipality is not None and not municipality.cbs_code and code not in taken:
            municipality.cbs_code = code
            municipality.province = municipality.province or province
            municipality.save(update_fields=["cbs_code", "province"])
    for name, (_code, _province, successor, year) in cbs.MERGED.items():
        municipality, successor = rows.get(name), rows.get(successor)
        if municipality is not None and successor is not None and not municipality.successor_id:
            municipality.successor, municipality.merged_in = successor, year
            municipality.save(update_fields=["successor", "merged_in"])


def area_sync_for(municipality: Municipality, provinces: dict[str, Area] | None = None):
    """The area of one municipality with a CBS code, made or brought in step (its code, name
    and province). Returns None for a municipality without a code."""
    if not municipality.cbs_code:
        return None
    if provinces is None:
        provinces = {a.name: a for a in Area.objects.filter(kind=Area.Kind.PROVINCE)}
    area = (
        Area.objects.filter(municipality=municipality).first()
        or Area.objects.filter(code=municipality.cbs_code).first()
        or Area(kind=Area.Kind.MUNICIPALITY)
    )
    area.code = municipality.cbs_code
    area.name = municipality.name
    area.municipality = municipality
    area.province = provinces.get(municipality.province)
    area.full_clean()
    area.save()
    return area


def areas_sync(*, create_known: bool = False) -> dict[str, Area]:
    """Make or repair every area: the Netherlands, the provinces, the region and one per
    municipality with a CBS code (with create_known, the municipalities of partners.cbs are
    made first). Safe to run again. Returns the areas by code."""
    with transaction.atomic():
        areas = _fixed_areas()
        _give_known_codes(create=create_known)
        provinces = {name: areas[code] for name, code in PROVINCES.items()}
        for municipality in Municipality.objects.exclude(cbs_code=None):
            area = area_sync_for(municipality, provinces)
            areas[area.code] = area
        region = areas[REGION_CODE]
        region.members.add(*[areas[code] for code in REGION_MEMBERS if code in areas])
    return areas


def municipality_saved(sender, instance: Municipality, raw=False, **kwargs) -> None:
    """post_save of a municipality: its area follows its CBS code, name and province.
    A code another area already has is left for staff to sort out (the area stays as it was)."""
    if raw or not instance.cbs_code:
        return
    try:
        with transaction.atomic():
            area_sync_for(instance)
    except ValidationError as error:
        logger.warning("Area of %s not brought in step: %s", instance, error.messages)
