from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # The kind of mail partners sends, tuned per person (avk.notifications).
        from avk.notifications import kind_register

        kind_register(
            "partners",
            _("Partner reminders"),
            _("For contact persons: renewing the commitment, and an incomplete AVK team."),
            order=50,
        )
