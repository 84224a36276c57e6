from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    # Above reflection, below monitoring: the programme's documents and the onboarding kit.
    name = "library"
    verbose_name = _("Library")
