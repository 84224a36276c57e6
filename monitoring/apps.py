from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    # The top layer: the dashboards that look across every other app.
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        # --- indicators: a municipality given a CBS code gets its area (partners cannot
        # import monitoring, so monitoring listens).
        from django.db.models.signals import post_save

        from monitoring.services.areas import municipality_saved
        from partners.models import Municipality

        post_save.connect(municipality_saved, sender=Municipality, dispatch_uid="indicators_area")
