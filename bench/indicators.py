"""The indicator part of the benchmark dataset: 20 years x 15 areas x 10 indicators, with
targets, a story per indicator and year, and the pages to time (called from bench/run.py)."""

YEARS = range(2006, 2026)
INDICATORS = 10


def build() -> dict:
    """The areas of the demo (all CBS-coded municipalities with their mergers, provinces, the
    Netherlands, the region) and values for 15 of them; returns what the pages need."""
    from decimal import Decimal

    from monitoring.models import Indicator, IndicatorStory, Measurement, Target
    from monitoring.services.areas import areas_sync

    areas = areas_sync(create_known=True)
    shown = ["RGVK", "PV20", "PV22", "NL01", "GM0114", "GM0037", "GM1952", "GM0047",
             "GM1895", "GM0765", "GM1950", "GM1680", "GM1681", "GM1979", "GM0010"]  # fmt: skip
    indicators = Indicator.objects.bulk_create(
        Indicator(
            name=f"Bench-indicator {n + 1}",
            definition="Deel van de kinderen in een gezin met een laag inkomen.",
            unit=Indicator.Unit.PERCENTAGE,
            polarity=Indicator.Polarity.LOWER_IS_BETTER,
            source="CBS",
            visibility="public" if n % 2 else "partners",
            order=n,
        )
        for n in range(INDICATORS)
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            area=areas[code],
            year=year,
            value=Decimal(4 + (year + i) % 9) + Decimal("0.1") * (i % 10),
            is_break=year == 2024,
            note="Nieuwe armoedegrens" if year == 2024 else "",
        )
        for indicator in indicators
        for i, code in enumerate(shown)
        for year in YEARS
        if not (code == "GM0010" and year >= 2021)
    )
    Target.objects.bulk_create(
        Target(indicator=indicator, area=areas["RGVK"], year=year, value=Decimal(6 - n))
        for indicator in indicators
        for n, year in enumerate((2027, 2033, 2043))
    )
    IndicatorStory.objects.bulk_create(
        IndicatorStory(indicator=indicator, year=year, helps="Samen optrekken.", hinders="Regels.")
        for indicator in indicators
        for year in YEARS
    )
    return {"indicator": indicators[0].pk, "public_indicator": indicators[1].pk}


def pages(ids: dict, staff, anonymous) -> list[tuple]:
    """(label, url, client, who) of the indicator pages, as measure_pages() takes them."""
    pk, public = ids["indicator"], ids["public_indicator"]
    return [
        ("/indicatoren/", "/indicatoren/", staff, "staff"),
        ("/indicatoren/<pk>/ (region)", f"/indicatoren/{pk}/", staff, "staff"),
        ("/indicatoren/<pk>/?plaats=GM1979", f"/indicatoren/{pk}/?plaats=GM1979", staff, "staff"),
        ("/indicatoren/<public pk>/", f"/indicatoren/{public}/", anonymous, "anonymous"),
    ]
