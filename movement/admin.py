from django.contrib import admin

from movement.models import Course, CourseSignup, Pilot, PilotSignup, StakeholderEntry

# --- stakeholders


@admin.register(StakeholderEntry)
class StakeholderEntryAdmin(admin.ModelAdmin):
    list_display = ["partner", "stage", "recorded_on", "created_by"]
    list_filter = ["stage"]
    search_fields = ["partner__name", "working_on"]
    raw_id_fields = ["partner", "created_by"]
    date_hierarchy = "recorded_on"


# --- end of stakeholders
# --- pilots


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
# --- learning


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "place", "starts_at", "ends_at", "capacity", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "place"]
    raw_id_fields = ["created_by"]
    date_hierarchy = "starts_at"


@admin.register(CourseSignup)
class CourseSignupAdmin(admin.ModelAdmin):
    list_display = ["pk", "course", "status", "attended", "created_at", "confirmed_at"]
    list_filter = ["status", "attended"]
    list_select_related = ["course"]
    raw_id_fields = ["course", "municipality", "person"]
    exclude = ["token_hash"]


# --- learning end
# --- mornings
# isort: split
from movement.models import MorningSignup, TeamMorning  # noqa: E402


@admin.register(TeamMorning)
class TeamMorningAdmin(admin.ModelAdmin):
    list_display = ["date", "host", "place", "starts_at", "ends_at", "capacity", "status"]
    list_filter = ["status"]
    list_select_related = ["host"]
    search_fields = ["place", "host__name"]
    raw_id_fields = ["host", "created_by"]
    date_hierarchy = "date"


@admin.register(MorningSignup)
class MorningSignupAdmin(admin.ModelAdmin):
    list_display = ["pk", "morning", "status", "created_at", "confirmed_at"]
    list_filter = ["status"]
    list_select_related = ["morning"]
    raw_id_fields = ["morning", "municipality"]
    exclude = ["token_hash"]


# --- mornings end
