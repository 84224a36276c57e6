from django.contrib import admin

# --- stakeholders
from movement.models import StakeholderEntry


@admin.register(StakeholderEntry)
class StakeholderEntryAdmin(admin.ModelAdmin):
    list_display = ["partner", "stage", "recorded_on", "created_by"]
    list_filter = ["stage"]
    search_fields = ["partner__name", "working_on"]
    raw_id_fields = ["partner", "created_by"]
    date_hierarchy = "recorded_on"


# --- end of stakeholders
