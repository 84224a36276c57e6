from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _

from avk.text import neutralise_bidi_controls


class AvkConfig(AppConfig):
    name = "avk"
    verbose_name = _("Portal")

    def ready(self):
        # One place for every model, whatever form, import or service saves it.
        pre_save.connect(_neutralise_bidi_controls, dispatch_uid="avk-neutralise-bidi-controls")


def _neutralise_bidi_controls(sender, instance, **kwargs):
    neutralise_bidi_controls(instance)
