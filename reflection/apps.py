from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    # Eiland van reflectie and phase plans: built on top of governance (see the issues).
    name = "reflection"
    verbose_name = _("Reflection")

    def ready(self):
        from avk import cache, documents
        from governance.models import Decision
        from reflection.documents import PHASE_PLAN, REFLECTION_REPORT
        from reflection.selectors.plans import PLAN_READ
        from reflection.views.progress import EFFORT_READ
        from reflection.views.year_page import YEAR_READ

        documents.register(REFLECTION_REPORT)
        documents.register(PHASE_PLAN)
        # Kept fragments; the draft plan's adopt form lists the newest decisions.
        cache.watch(*PLAN_READ, *YEAR_READ, *EFFORT_READ, Decision)

        # The kinds of mail reflection sends, each tuned per person (avk.notifications).
        from avk.notifications import kind_register

        kind_register(
            "reflection",
            _("Reflection"),
            _("Invitations to give your input for an island of reflection."),
            order=40,
        )
        kind_register(
            "monitoring",
            _("Monitoring updates"),
            _("When the progress update of an effort you lead is due."),
            order=60,
        )
