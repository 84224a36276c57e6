from django.contrib import admin

# --- pilots
from movement.models import Pilot, PilotSignup


@admin.register(Pilot)
class PilotAdmin(admin.ModelAdmin):
    list_display = ["title", "place", "starts_on", "ends_on", "capacity", "status"]
    list_filter = ["status"]
    search_fields = ["title", "place"]
    raw_id_fields = ["effort", "created_by"]


@admin.register(PilotSignup)
class PilotSignupAdmin(admin.ModelAdmin):
    list_display = ["pk", "pilot", "status", "created_at", "confirmed_at"]
    list_filter = ["status"]
    list_select_related = ["pilot"]
    raw_id_fields = ["pilot", "municipality"]
    exclude = ["token_hash"]


# --- pilots end
