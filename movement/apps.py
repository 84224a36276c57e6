from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MovementConfig(AppConfig):
    # Above reflection, below monitoring: the movement around the programme (where the
    # partners stand, pilots and sign-ups from the network, open team mornings).
    name = "movement"
    verbose_name = _("Movement")
