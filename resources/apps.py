from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    # Above reflection, below monitoring: the money (middelen) behind the programme and the
    # efforts it pays for.
    name = "resources"
    verbose_name = _("Resources")
