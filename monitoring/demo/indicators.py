"""Demo indicators built from real published figures only (shared/monitoring.md): child
poverty and long-term child poverty for the municipalities, provinces and the Netherlands
that were published, and generational poverty in the Veenkoloniën against the Netherlands.
Each value carries its source in its note. The targets are the alliance's own demo targets,
marked so in their note. Idempotent: indicators by name, values by (indicator, area, year).
"""

from decimal import Decimal

from monitoring.models import EffortIndicator, Indicator, IndicatorStory, Measurement, Target
from monitoring.models.indicators import Visibility
from monitoring.selectors.areas import REGION_CODE
from monitoring.services.areas import areas_sync
from partners.models import Partner
from reflection.models import Effort

SPG = "Sociaal Planbureau Groningen"
TBD = "Trendbureau Drenthe"
CBS_2023 = "CBS, Armoede en sociale uitsluiting 2023"
ENERGY = "Eenmalige energietoeslag drukt het cijfer van 2022"
ROUNDED = "aantal kinderen afgerond"

CHILD_POVERTY = "Kinderen in een gezin met een laag inkomen"
LONG_TERM = "Kinderen langdurig in een gezin met een laag inkomen"
YOUNG_ADULTS = "Jongvolwassenen (22 tot 26 jaar) met een laag inkomen"
MOTHERS = "Generatiearmoede: moeders met een laag inkomen"
FATHERS = "Generatiearmoede: vaders met een laag inkomen"

INDICATORS = [
    (
        CHILD_POVERTY,
        "Deel van de kinderen onder de 18 jaar dat opgroeit in een huishouden met een inkomen "
        "onder de lage-inkomensgrens van het CBS.",
        f"CBS (lage-inkomensgrens), via {SPG} en {TBD}",
        "https://www.cbs.nl/nl-nl/longread/rapportages/2023/armoede-en-sociale-uitsluiting-2023",
        Visibility.PUBLIC,
    ),
    (
        LONG_TERM,
        "Deel van de kinderen onder de 18 jaar dat 4 jaar of langer opgroeit in een huishouden "
        "met een laag inkomen.",
        f"CBS (lage-inkomensgrens), via {SPG} en {TBD}",
        "https://www.cbs.nl/nl-nl/longread/rapportages/2023/armoede-en-sociale-uitsluiting-2023",
        Visibility.PUBLIC,
    ),
    (
        YOUNG_ADULTS,
        "Deel van de jongvolwassenen van 22 tot en met 26 jaar met een laag inkomen.",
        f"{SPG} en {TBD}, onderzoek generatiearmoede Veenkoloniën",
        "",
        Visibility.PARTNERS,
    ),
    (
        MOTHERS,
        "Deel van de moeders van jongvolwassenen (22 tot 26 jaar) dat ook een laag inkomen had: "
        "armoede die van generatie op generatie doorgaat.",
        f"{SPG} en {TBD}, onderzoek generatiearmoede Veenkoloniën",
        "",
        Visibility.PARTNERS,
    ),
    (
        FATHERS,
        "Deel van de vaders van jongvolwassenen (22 tot 26 jaar) dat ook een laag inkomen had: "
        "armoede die van generatie op generatie doorgaat.",
        f"{SPG} en {TBD}, onderzoek generatiearmoede Veenkoloniën",
        "",
        Visibility.PARTNERS,
    ),
]

# (indicator, CBS code, year, value, numerator or None, note, break)
FIGURES = [
    (CHILD_POVERTY, "NL01", 2018, "8.1", None, f"{TBD} / {SPG}", False),
    (CHILD_POVERTY, "NL01", 2020, "6.9", None, SPG, False),
    (CHILD_POVERTY, "NL01", 2022, "5.2", None, f"{CBS_2023}. {ENERGY}.", True),
    (CHILD_POVERTY, "PV20", 2017, "10.2", None, SPG, False),
    (CHILD_POVERTY, "PV20", 2018, "9.9", 9700, f"{SPG}; {ROUNDED}", False),
    (CHILD_POVERTY, "PV20", 2020, "8.3", 8000, f"{SPG}; {ROUNDED}", False),
    (CHILD_POVERTY, "PV22", 2018, "7.3", 6700, f"{TBD}; {ROUNDED}", False),
    (CHILD_POVERTY, "GM0010", 2018, "14.3", None, "CBS via RTV Noord", False),
    (CHILD_POVERTY, "GM0114", 2018, "9.6", None, "RTV Drenthe", False),
    (CHILD_POVERTY, "GM0109", 2018, "9.1", None, "RTV Drenthe", False),
    (CHILD_POVERTY, "GM1730", 2018, "4.7", None, "RTV Drenthe", False),
    (CHILD_POVERTY, "GM0114", 2020, "8.4", 1500, f"RTV Drenthe; {ROUNDED}", False),
    (CHILD_POVERTY, "GM0109", 2020, "7.8", 500, f"RTV Drenthe; {ROUNDED}", False),
    (CHILD_POVERTY, "GM0106", 2020, "6.5", 900, f"RTV Drenthe; {ROUNDED}", False),
    (LONG_TERM, "NL01", 2018, "3.3", None, f"{TBD} / {SPG}", False),
    (LONG_TERM, "NL01", 2020, "3.1", None, SPG, False),
    (LONG_TERM, "NL01", 2022, "2.2", None, f"{CBS_2023}. {ENERGY}.", True),
    (LONG_TERM, "PV20", 2017, "4.2", None, SPG, False),
    (LONG_TERM, "PV20", 2018, "4.2", 4000, f"{SPG}; {ROUNDED}", False),
    (LONG_TERM, "PV20", 2020, "3.9", 3600, f"{SPG}; {ROUNDED}", False),
    (LONG_TERM, "PV22", 2018, "2.7", 2400, f"{TBD}; {ROUNDED}", False),
    (YOUNG_ADULTS, REGION_CODE, 2014, "11.8", None, f"{SPG} / {TBD}", False),
    (YOUNG_ADULTS, "NL01", 2014, "9", None, f"{SPG} / {TBD}", False),
    (MOTHERS, REGION_CODE, 2014, "36.4", None, f"{SPG} / {TBD}", False),
    (MOTHERS, REGION_CODE, 2020, "18", None, f"{SPG} / {TBD}", False),
    (MOTHERS, "NL01", 2014, "9.7", None, f"{SPG} / {TBD}", False),
    (MOTHERS, "NL01", 2020, "9", None, f"{SPG} / {TBD}", False),
    (FATHERS, REGION_CODE, 2014, "26.4", None, f"{SPG} / {TBD}", False),
    (FATHERS, REGION_CODE, 2020, "12", None, f"{SPG} / {TBD}", False),
    (FATHERS, "NL01", 2014, "6.7", None, f"{SPG} / {TBD}", False),
    (FATHERS, "NL01", 2020, "6", None, f"{SPG} / {TBD}", False),
]

OWN_TARGET = "Eigen demodoel van de alliantie, geen officieel doel"
# (indicator, year, value) for the region
TARGETS = [
    (CHILD_POVERTY, 2027, "7"),
    (CHILD_POVERTY, 2033, "5"),
    (CHILD_POVERTY, 2043, "3"),
    (LONG_TERM, 2033, "2"),
    (LONG_TERM, 2043, "1"),
]

STORY_YEAR = 2024
STORY_HELPS = (
    "Partners kennen elkaar beter en weten wie waar wat doet en met wie. Ervaringsdeskundigen "
    "denken mee in het dagelijks bestuur. Gemeenten en welzijn zoeken gezinnen eerder op, "
    "voordat schulden groot worden."
)
STORY_HINDERS = (
    "We weten nog te weinig over de omvang van generatiearmoede per gemeente. Cijfers komen "
    "laat en verschillen per bureau. Elke organisatie heeft het anders geregeld, dus maatwerk "
    "kost tijd."
)
STORY_PARTNERS = ["Gemeente Veendam", "CMO STAMM", "GKB"]
EFFORT_TITLE = "Monitoringsframework en omvang generatiearmoede in kaart"


def build() -> None:
    """Areas (with the CBS codes of the demo's municipalities), indicators, the published
    values, the region's demo targets, one story behind the curve and one effort link."""
    areas = areas_sync(create_known=True)
    indicators = {}
    for order, (name, definition, source, url, visibility) in enumerate(INDICATORS):
        indicators[name], _created = Indicator.objects.update_or_create(
            name=name,
            defaults={
                "definition": definition,
                "unit": Indicator.Unit.PERCENTAGE,
                "polarity": Indicator.Polarity.LOWER_IS_BETTER,
                "source": source,
                "source_url": url,
                "visibility": visibility,
                "order": order,
            },
        )
    for name, code, year, value, numerator, note, is_break in FIGURES:
        Measurement.objects.update_or_create(
            indicator=indicators[name],
            area=areas[code],
            year=year,
            defaults={
                "value": Decimal(value),
                "numerator": numerator,
                "note": note,
                "is_break": is_break,
            },
        )
    for name, year, value in TARGETS:
        Target.objects.update_or_create(
            indicator=indicators[name],
            area=areas[REGION_CODE],
            year=year,
            defaults={"value": Decimal(value), "note": OWN_TARGET},
        )
    story, _created = IndicatorStory.objects.update_or_create(
        indicator=indicators[CHILD_POVERTY],
        year=STORY_YEAR,
        defaults={"helps": STORY_HELPS, "hinders": STORY_HINDERS},
    )
    story.partners.set(Partner.objects.filter(name__in=STORY_PARTNERS))
    effort = Effort.objects.filter(title=EFFORT_TITLE).order_by("-plan__version").first()
    if effort is not None:
        EffortIndicator.objects.update_or_create(
            effort=effort,
            indicator=indicators[CHILD_POVERTY],
            defaults={
                "expected_change": "Zicht op de omvang per gemeente, zodat we gericht kunnen "
                "werken aan minder kinderen in armoede."
            },
        )
