from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from avk import documents
        from governance import documents_decisions, documents_memo
        from governance.documents import GOVERNANCE_OVERVIEW

        for kind in [GOVERNANCE_OVERVIEW, *documents_memo.KINDS, *documents_decisions.KINDS]:
            documents.register(kind)
