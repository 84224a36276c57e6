"""The form of a budget line of the programme organisation."""

from django import forms

from avk.forms import ModelForm
from resources.forms.fields import use_money_fields
from resources.models import BudgetLine


class BudgetLineForm(ModelForm):
    """One line per role per year: the model's unique constraint says so in clear words."""

    class Meta:
        model = BudgetLine
        fields = ["year", "role", "description", "amount"]
        widgets = {"year": forms.NumberInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_money_fields(self, ["amount"])
