from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MovementConfig(AppConfig):
    # Above reflection, below monitoring: the movement around the programme (where the
    # partners stand, pilots and sign-ups from the network, open team mornings).
    name = "movement"
    verbose_name = _("Movement")

    def ready(self):
        from avk import cache
        from movement.models import MorningSignup, Pilot, PilotSignup, TeamMorning
        from movement.selectors.mornings_calendar import FEED_READ
        from movement.templatetags.signup_tags import SIGNUP_FIELDS_READ
        from partners.models import Partner

        # What the public pages keep: the feed, the form's fields, the lists of offers.
        cache.watch(*FEED_READ, *SIGNUP_FIELDS_READ, Pilot, PilotSignup, TeamMorning)
        cache.watch(MorningSignup, Partner)
