from django.contrib import admin

from resources.models import (
    Allocation,
    BudgetLine,
    FundingApplication,
    FundingSource,
    SroiInput,
    SroiOutcome,
)

admin.site.register(FundingSource)
admin.site.register(FundingApplication, list_display=["title", "source", "status"])
admin.site.register(BudgetLine, list_display=["year", "role", "amount"])
admin.site.register(Allocation, raw_id_fields=["effort", "application", "budget_line"])
admin.site.register(SroiInput, raw_id_fields=["effort"])
admin.site.register(SroiOutcome, raw_id_fields=["effort"])
