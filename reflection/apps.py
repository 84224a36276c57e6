from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    # Eiland van reflectie and phase plans: built on top of governance (see the issues).
    name = "reflection"
    verbose_name = _("Reflection")

    def ready(self):
        from avk import documents
        from reflection.documents import PHASE_PLAN, REFLECTION_REPORT

        documents.register(REFLECTION_REPORT)
        documents.register(PHASE_PLAN)
