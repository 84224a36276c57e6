from django.contrib import admin

from monitoring.models import Consent, Experience, Spotlight


# --- stories and spotlights ---------------------------------------------------------------
class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    fields = ["scope", "given_on", "ends_on", "recorded_by", "withdrawn_at", "withdrawn_by"]
    raw_id_fields = ["recorded_by", "withdrawn_by"]


@admin.register(Experience)
class ExperienceAdmin(admin.ModelAdmin):
    list_display = ["title", "partner", "municipality", "review", "created_at"]
    list_filter = ["review"]
    search_fields = ["title", "story"]
    raw_id_fields = [
        "municipality",
        "partner",
        "effort",
        "indicator",
        "reviewed_by",
        "submitted_by",
    ]
    inlines = [ConsentInline]


@admin.register(Spotlight)
class SpotlightAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["title"]
    raw_id_fields = ["partner", "intervention", "experience", "created_by"]
