# ruff: noqa: RUF001 -- titles and sentences from the seed memos, with their quotes
"""The demo library: documents named after the alliance's memos in shared/seeds/, each with
a small real PDF made by the portal's renderer, and a house style for one demo partner so
the onboarding kit can be tried (log in as the editor of Cosis)."""

from django.core.files.base import ContentFile

from avk.models import User
from avk.pdf import render_pdf
from library.models import HouseStyle, LibraryDocument
from library.services.documents import document_create
from library.services.house_style import house_style_save
from library.uploads import CheckedLogo, svg_sanitise
from partners.models import Partner

Category = LibraryDocument.Category
Visibility = LibraryDocument.Visibility

# (title, category, visibility, description, file name, version note, paragraphs)
DOCUMENTS = [
    (
        "Programmaplan ‘Het duurzaam doorbreken van generatiearmoede in de Veenkoloniën’",
        Category.PROGRAMME_PLAN,
        Visibility.PUBLIC,
        "De stuurgroep van de Alliantie van Kracht heeft op 23 februari 2023 ingestemd met "
        "dit programmaplan.",
        "programma-avk-2023.pdf",
        "Mailversie definitief 2023",
        [
            "We zetten binnen de Alliantie van Kracht tegen Armoede (AVK) in op een programma "
            "van 20 jaar.",
            "Onze ambitie is dat geen enkel kind, jongere of volwassene in ons werkgebied "
            "langdurig in armoede leeft. Dat is wat ons drijft.",
        ],
    ),
    (
        "Convenant Alliantie van Kracht tegen Armoede",
        Category.COVENANT,
        Visibility.PARTNERS,
        "De betrokken organisaties kiezen en spreken commitment uit via een convenant op "
        "diverse vormen van commitment en betrokkenheid (A/B/C pakket).",
        "convenant-avk.pdf",
        "",
        [
            "Laat de betrokken organisaties kiezen en commitment uitspreken via een convenant "
            "op diverse vormen van commitment en betrokkenheid (A/B/C pakket).",
            "Een stuurgroep waarin de partners zitten met de hoogste commitment en betrokkenheid.",
        ],
    ),
    (
        "Memo Eilanden van reflectie (2 juni 2025)",
        Category.PHASE_PLANS,
        Visibility.PARTNERS,
        "De uitkomsten van de drie Eilanden van reflectie: programmateam, managers en "
        "stuurgroep. Op basis daarvan passen we zo nodig onze doelstellingen en "
        "inspanningen aan in faseplan 3.",
        "memo-eilanden-van-reflectie-2025.pdf",
        "",
        [
            "Elk jaar nodigen we alle partners uit op een ‘Eiland van reflectie’. Daar "
            "bespreken we hoe de projecten lopen en of de inspanningen die we hebben "
            "afgesproken ook daadwerkelijk bijdragen aan onze doelen.",
            "Onboarding. Met standaard middelen, aan te passen in eigen huisstijl.",
        ],
    ),
    (
        "Memo randvoorwaarden voor het programma (19 juni 2023)",
        Category.OTHER,
        Visibility.STAFF,
        "Een voorstel voor de randvoorwaarden voor het programma en voor de inrichting van "
        "de programma-organisatie, aan het Dagelijks Bestuur.",
        "memo-randvoorwaarden-2023.pdf",
        "",
        [
            "Tijdens de werksessie ‘Creëren van de randvoorwaarden voor het programma’ op "
            "donderdag 15 juni 2023 hebben we met 4 ervaringsdeskundigen en 9 betrokkenen uit "
            "diverse organisaties over dit onderwerp gesproken.",
        ],
    ),
]

DEMO_PARTNER = "Cosis"
DEMO_COLOUR = "#8A1C4B"
# A plain shape drawn for the demo: it stands for a partner's logo, it is not anyone's.
DEMO_LOGO = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 48" width="120"
 height="48"><rect x="2" y="2" width="44" height="44" rx="10" fill="#8A1C4B"/>
<circle cx="24" cy="24" r="10" fill="#ffffff"/><rect x="54" y="14" width="62" height="8"
 rx="4" fill="#8A1C4B"/><rect x="54" y="28" width="44" height="8" rx="4" fill="#5c5c5c"/></svg>"""


def build() -> None:
    """Idempotent: a document that exists (by title) and a house style that is set are kept."""
    staff = User.objects.filter(email="programmaleider@avk.example").first()
    for title, category, visibility, description, filename, note, paragraphs in DOCUMENTS:
        if LibraryDocument.objects.filter(title=title).exists():
            continue
        pdf = render_pdf(
            "library/demo_document_pdf.html",
            {"title": title, "paragraphs": paragraphs, "generated_on": None},
            language="nl",
        )
        document_create(
            user=staff,
            title=title,
            category=category,
            description=description,
            visibility=visibility,
            upload=ContentFile(pdf, name=filename),
            extension="pdf",
            note=note,
        )
    partner = Partner.objects.filter(name=DEMO_PARTNER).first()
    if partner is not None and not HouseStyle.objects.filter(partner=partner).exists():
        house_style_save(
            user=staff,
            partner=partner,
            colour=DEMO_COLOUR,
            logo=CheckedLogo("svg", svg_sanitise(DEMO_LOGO)),
        )
