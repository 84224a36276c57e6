from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    # Eiland van reflectie and phase plans: built on top of governance (see the issues).
    name = "reflection"
    verbose_name = _("Reflection")
