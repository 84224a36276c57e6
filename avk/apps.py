from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvkConfig(AppConfig):
    name = "avk"
    verbose_name = _("Portal")
