from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from avk import cache, documents
        from governance.access import VOTING_SEATS_READ
        from governance.documents import KINDS
        from governance.selectors.decisions import DECISION_LIST_READ
        from governance.selectors.memos import MEMO_DOCUMENT_READ, MEMO_LIST_READ
        from governance.selectors.overview import OVERVIEW_READ
        from governance.selectors.voting import BODY_VOTERS_READ

        # The overview and the decision lists keep what they show until a row of it changes.
        cache.watch(*OVERVIEW_READ, *DECISION_LIST_READ, *VOTING_SEATS_READ)
        cache.watch(*MEMO_LIST_READ, *MEMO_DOCUMENT_READ, *BODY_VOTERS_READ)

        for kind in KINDS:
            documents.register(kind)

        # The kinds of mail governance sends, each tuned per person (avk.notifications).
        from avk.notifications import kind_register

        kind_register(
            "votes",
            _("Votes"),
            _("When a vote opens for you, and reminders before the deadline."),
            order=10,
        )
        kind_register(
            "meetings",
            _("Meetings and minutes"),
            _("Meetings of your groups and their minutes."),
            order=20,
        )
        kind_register(
            "actions", _("Actions"), _("Actions of yours that are due or late."), order=30
        )
