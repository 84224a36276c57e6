"""The areas: the region, its municipalities, the provinces and the Netherlands, and what a
place is compared with (its references). Reads only."""

import re
from collections import defaultdict

from django.db.models import F, Q

from monitoring.models import Area

NETHERLANDS = ("NL01", "Nederland")
PROVINCES = {"Groningen": "PV20", "Drenthe": "PV22"}
REGION_CODE = "RGVK"
REGION_NAME = "Veenkoloniën"
# The municipalities of the Veenkoloniën the alliance works in (the region's members).
REGION_MEMBERS = (
    "GM0047",  # Veendam
    "GM0765",  # Pekela
    "GM1895",  # Oldambt
    "GM0037",  # Stadskanaal
    "GM1950",  # Westerwolde
    "GM1952",  # Midden-Groningen
    "GM1680",  # Aa en Hunze
    "GM1681",  # Borger-Odoorn
    "GM0114",  # Emmen
)


def with_mergers(areas):
    """`areas` annotated with their merger as their municipality records it (the one place
    a merger is kept): `successor_area_id`, the area of the municipality it merged into, and
    `merged_in`, the year; both None for an area that did not merge. Same query."""
    return areas.annotate(
        successor_area_id=F("municipality__successor__area"),
        merged_in=F("municipality__merged_in"),
    )


def default_area() -> Area | None:
    """The place an indicator is shown for when none is chosen: the region."""
    return Area.objects.filter(code=REGION_CODE).first()


def place_for(code: str | None) -> Area | None:
    """The region or a municipality by its code (any case), or the region for anything else."""
    code = (code or "").strip().upper()
    # Only what can be a code reaches the database (a NUL byte would make PostgreSQL fail).
    if re.fullmatch(r"GM[0-9]{4}", code):
        area = (
            Area.objects.filter(code=code, kind=Area.Kind.MUNICIPALITY)
            .select_related("province")
            .first()
        )
        if area is not None:
            return area
    return default_area()


def place_choices(chosen: Area | None) -> list[Area]:
    """What the place chooser offers: the region and its municipalities that exist today
    (bounded by the region, not by the number of areas), plus the place shown."""
    region = default_area()
    places = []
    if region is not None:
        places = [region, *region.members.filter(municipality__successor=None).order_by("name")]
    if chosen is not None and chosen not in places:
        places.append(chosen)
    return places


def references_by_place(areas: list[Area]) -> dict[int, list[Area]]:
    """Per place (by pk): the areas its chart shows besides itself, in order: its former
    municipalities, its province(s), the Netherlands. One query for all places."""
    region_ids = [a.pk for a in areas if a.kind == Area.Kind.REGION]
    province_ids = {a.province_id for a in areas if a.province_id}
    member_provinces = defaultdict(set)
    if region_ids:
        for region_id, province_id in Area.members.through.objects.filter(
            from_area_id__in=region_ids
        ).values_list("from_area_id", "to_area__province_id"):
            if province_id:
                member_provinces[region_id].add(province_id)
                province_ids.add(province_id)
    others = list(
        with_mergers(
            Area.objects.filter(
                Q(pk__in=province_ids)
                | Q(code=NETHERLANDS[0])
                | Q(municipality__successor__area__in=[a.pk for a in areas])
            )
        ).order_by("merged_in", "name")
    )
    netherlands = [a for a in others if a.code == NETHERLANDS[0]]
    references = {}
    for area in areas:
        provinces = {area.province_id} if area.province_id else member_provinces[area.pk]
        references[area.pk] = (
            [a for a in others if a.successor_area_id == area.pk]
            + sorted((a for a in others if a.pk in provinces), key=lambda a: a.name)
            + [a for a in netherlands if a.pk != area.pk]
        )
    return references


def references_of(area: Area) -> list[Area]:
    """What one place's chart shows besides itself. One query (two for the region)."""
    return references_by_place([area])[area.pk]
