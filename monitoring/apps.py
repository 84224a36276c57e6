from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    # The top layer: the dashboards that look across every other app.
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from django.db.models.signals import post_save
        from django.urls import reverse

        from avk import cache, documents
        from monitoring.documents import AVK_MONITOR
        from monitoring.selectors.dashboard import STAFF_PICTURE_READ
        from monitoring.selectors.dossier import DOSSIER_READ
        from monitoring.selectors.indicators import STORY_READ
        from monitoring.selectors.results import PROGRAMME_RESULTS_READ, PUBLIC_RESULTS_READ
        from monitoring.selectors.showcase import SHOWCASE_READ
        from monitoring.services.areas import municipality_saved
        from partners.models import Municipality
        from reflection import followup

        documents.register(AVK_MONITOR)
        # "Wat bereiken we" keeps its pictures until a row they show changes.
        cache.watch(*PROGRAMME_RESULTS_READ, *PUBLIC_RESULTS_READ, *DOSSIER_READ, *STORY_READ)
        # The public showcase keeps its content until a row it shows changes.
        cache.watch(*SHOWCASE_READ)
        # So does staff's picture of the programme on the start page.
        cache.watch(*STAFF_PICTURE_READ)
        # A session's page and invitation link to the dossier of the previous island.
        followup.register_dossier(lambda pk: reverse("reflection_dossier", args=[pk]))
        # A municipality given a CBS code gets its area (partners cannot import monitoring,
        # so monitoring listens).
        post_save.connect(municipality_saved, sender=Municipality, dispatch_uid="indicators_area")
