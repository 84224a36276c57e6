"""Demo progress updates on phase plan 3's efforts, so its roll-up shows every kind of
effort: on track, at risk, behind, done and without a recent update.

The periods count back from today's (the plan's quarters), so the roll-up looks the same
whenever the demo is built. Idempotent: one update per effort per period, found by both.
"""

from django.utils import timezone

from reflection.models import EffortUpdate, PhasePlan
from reflection.selectors.progress import period_shift, period_start

ON, RISK, BEHIND, DONE = (
    EffortUpdate.Status.ON_TRACK,
    EffortUpdate.Status.AT_RISK,
    EffortUpdate.Status.BEHIND,
    EffortUpdate.Status.DONE,
)

# Per effort title: (periods before the current one, status, percentage, narrative).
UPDATES = {
    "Elke partner tuigt een intern AVK-team op": [
        (
            3,
            ON,
            20,
            "Met Cosis en Lentis besproken hoe een intern AVK-team eruit kan zien: "
            "1x bestuurder, 2x manager en 2x uitvoering. Beide partners zoeken nu mensen.",
        ),
        (
            2,
            ON,
            45,
            "Lentis heeft een compleet team en een vast aanspreekpunt. Bij Cosis "
            "ontbreekt nog iemand uit de uitvoering. Gemeente Veendam is gestart.",
        ),
        (
            1,
            ON,
            70,
            "Drie partners hebben nu een intern AVK-team. We plannen een "
            "train-de-trainers bijeenkomst voor de aanspreekpunten.",
        ),
    ],
    "Monitoringsframework en omvang generatiearmoede in kaart": [
        (
            2,
            ON,
            25,
            "Bestaande interventies geïnventariseerd bij betrokken organisaties en "
            "kernpersonen. Eerste opzet van het framework: wat willen we weten?",
        ),
        (
            1,
            RISK,
            40,
            "De cijfers over generatiearmoede van Trendbureau Drenthe en Sociaal "
            "Planbureau Groningen komen later dan gedacht. De terugkoppeling aan de partners "
            "schuift daardoor op.",
        ),
    ],
    "Onboarding en pilots visievorming": [
        (
            2,
            RISK,
            15,
            "De standaard middelen voor onboarding zijn klaar. Voor de pilots "
            "visievorming is nog geen tweede partner gevonden.",
        ),
        (
            1,
            BEHIND,
            20,
            "De pilot bij CMO STAMM is uitgesteld door personeelstekort. We "
            "zoeken samen met Cosis een andere logische plek om te starten.",
        ),
    ],
    "Programmateam-overleg maandelijks en wekelijkse werkochtend": [
        (
            2,
            ON,
            None,
            "Elke maand 3 uur programmateam-overleg. De woensdagochtend rouleert "
            "bij partners; de actie-besluitenlijst houden we zelf bij.",
        ),
        (
            1,
            ON,
            None,
            "Het ritme staat. De werkochtenden bij partners geven nieuwe contacten "
            "en korte lijnen.",
        ),
        (
            0,
            ON,
            None,
            "Ook dit kwartaal elke woensdagochtend samen op locatie. Twee nieuwe "
            "partners boden een plek aan.",
        ),
    ],
    "Vier keer per jaar afvaardigingsoverleg": [
        (
            3,
            ON,
            50,
            "Het eerste afvaardigingsoverleg was bij Lentis, met afvaardigingen van "
            "zes partners en het programmateam.",
        ),
        (
            1,
            DONE,
            100,
            "Vier ontmoetingen tussen de afvaardigingen en het programmateam "
            "gehouden. Het overleg is nu een vast onderdeel van de agenda.",
        ),
    ],
    "Goede voorbeelden in de etalage": [
        (
            3,
            ON,
            10,
            "Eerste voorbeelden van partners verzameld die passen in onze visie. "
            "Leger des Heils en CMO STAMM willen hun verhaal delen als vliegwiel.",
        ),
    ],
    # "Ondersteuning van de interne beweging bij partners": no update yet, on purpose.
}


def build(plan: PhasePlan) -> int:
    """The demo updates of `plan`'s efforts; returns how many updates it has."""
    months = plan.progress_interval
    current = period_start(timezone.localdate(), months)
    efforts = {effort.title: effort for effort in plan.efforts.select_related("owner__user")}
    for title, updates in UPDATES.items():
        effort = efforts.get(title)
        if effort is None:
            continue
        author = effort.owner.user if effort.owner and effort.owner.user_id else None
        for back, status, percent, narrative in updates:
            EffortUpdate.objects.update_or_create(
                effort=effort,
                period_start=period_shift(current, months, -back),
                defaults={
                    "status": status,
                    "percent_done": percent,
                    "narrative": narrative,
                    "author": author,
                },
            )
    return EffortUpdate.objects.filter(effort__plan=plan).count()
