from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    # Above reflection, below monitoring: the programme's documents and the onboarding kit.
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from avk import documents
        from library.documents import ONBOARDING_KIT

        documents.register(ONBOARDING_KIT)
