from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from avk import documents
        from governance.documents import KINDS

        for kind in KINDS:
            documents.register(kind)
