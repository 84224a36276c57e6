from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # The kind of mail partners sends, tuned per person (avk.notifications).
        from avk import cache
        from avk.notifications import kind_register
        from partners.selectors.commitment import COMMITMENT_PAGES_READ
        from partners.selectors.directory import DIRECTORY_READ, PARTNER_PAGE_READ
        from partners.selectors.interventions import INTERVENTIONS_READ
        from partners.selectors.quickscan import QUICKSCAN_DETAIL_READ, QUICKSCAN_OVERVIEW_READ
        from partners.selectors.team import TEAM_FORMS_READ, TEAMS_READ

        # The partners' pages keep what they render until a row they show changes.
        cache.watch(
            *DIRECTORY_READ,
            *PARTNER_PAGE_READ,
            *INTERVENTIONS_READ,
            *QUICKSCAN_OVERVIEW_READ,
            *QUICKSCAN_DETAIL_READ,
            *COMMITMENT_PAGES_READ,
            *TEAMS_READ,
            *TEAM_FORMS_READ,
        )

        kind_register(
            "partners",
            _("Partner reminders"),
            _("For contact persons: renewing the commitment, and an incomplete AVK team."),
            order=50,
        )
