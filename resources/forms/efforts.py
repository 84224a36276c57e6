"""The forms of an effort's money and its SROI worksheet."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.forms import DateInput, DecimalField, ModelForm, SafeModelChoiceField
from reflection.models import Effort
from resources.forms.fields import use_money_fields
from resources.models import Allocation, BudgetLine, FundingApplication, SroiInput, SroiOutcome

# How many years before an effort starts a grant may still pay for it.
GRANT_YEARS_BEFORE = 3


class AllocationForm(ModelForm):
    """Money from a granted application or from a budget line, for a period. The choices
    are the grants and budget lines around the effort's own years, so the lists stay short
    however many years the portal holds."""

    class Meta:
        model = Allocation
        fields = ["application", "budget_line", "amount", "starts_on", "ends_on", "note"]
        field_classes = {"application": SafeModelChoiceField, "budget_line": SafeModelChoiceField}
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        help_texts = {"application": _("Choose a granted application or a budget line.")}

    def __init__(self, *args, effort: Effort, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.effort = effort
        first, last = effort.start.year, effort.end.year
        self.fields["application"].queryset = (
            FundingApplication.objects.filter(status=FundingApplication.Status.GRANTED)
            .filter(
                Q(decided_on__isnull=True)
                | Q(decided_on__year__gte=first - GRANT_YEARS_BEFORE, decided_on__year__lte=last)
            )
            .select_related("source")
            .order_by("source__name", "title")
        )
        self.fields["application"].label_from_instance = lambda a: f"{a.source.name}: {a.title}"
        self.fields["budget_line"].queryset = BudgetLine.objects.filter(
            year__gte=first, year__lte=last
        ).order_by("year", "role")
        use_money_fields(self, ["amount"])
        self.initial.setdefault("starts_on", effort.start)
        self.initial.setdefault("ends_on", effort.end)


class SroiInputForm(ModelForm):
    class Meta:
        model = SroiInput
        fields = ["description", "amount", "source"]

    def __init__(self, *args, effort: Effort, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.effort = effort
        use_money_fields(self, ["amount"])


class SroiOutcomeForm(ModelForm):
    class Meta:
        model = SroiOutcome
        fields = ["description", "quantity", "value_per_unit", "source"]

    def __init__(self, *args, effort: Effort, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.effort = effort
        use_money_fields(self, ["value_per_unit"])
        quantity = self._meta.model._meta.get_field("quantity")
        field = quantity.formfield(form_class=DecimalField)
        field.help_text = self.fields["quantity"].help_text
        self.fields["quantity"] = field
