import re

from django.utils.translation import gettext_lazy as _

from avk.forms import DecimalField

# 1.250 or 1.250.000 without a comma: an amount in euros has two decimals at most, so
# points before groups of three digits separate thousands (Dutch), never decimals.
THOUSANDS_WITH_POINTS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")

AMOUNT_MESSAGE = _("Fill in an amount in euros, for example 1.250.000,50 or 1250000.50.")


class MoneyField(DecimalField):
    """An amount in euros as people type it: 1.250.000,50 · 1250000.50 · 1.250 · € 12,50."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("invalid", AMOUNT_MESSAGE)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split()).removeprefix("€")
            if THOUSANDS_WITH_POINTS.match(value):
                value = value.replace(".", "")
        return super().to_python(value)


def use_money_fields(form, names):
    """The form's amount fields read Dutch and English amounts (MoneyField)."""
    for name in names:
        model_field = form._meta.model._meta.get_field(name)
        field = model_field.formfield(form_class=MoneyField)
        field.required = form.fields[name].required
        field.help_text = form.fields[name].help_text
        form.fields[name] = field
