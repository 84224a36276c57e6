from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    # The top layer: the dashboards that look across every other app.
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from avk import documents
        from monitoring.documents import AVK_MONITOR

        documents.register(AVK_MONITOR)
