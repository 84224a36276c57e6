from django.contrib import admin

from monitoring.models import (
    Area,
    Consent,
    EffortIndicator,
    Experience,
    Indicator,
    IndicatorStory,
    Measurement,
    Spotlight,
    Target,
)


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


# --- indicators: staff's raw edits (the pages under /indicatoren/ are the way to work) ----


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    # A merger is kept on the municipality (partners' admin), not on its area.
    list_display = ["code", "name", "kind", "province", "municipality"]
    list_filter = ["kind"]
    list_select_related = ["province", "municipality"]
    search_fields = ["code", "name"]
    raw_id_fields = ["municipality"]
    filter_horizontal = ["members"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "polarity", "visibility", "order"]
    list_filter = ["unit", "visibility"]
    search_fields = ["name", "source"]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "year", "value", "is_break", "origin"]
    list_filter = ["indicator", "is_break", "origin"]
    list_select_related = ["indicator", "area"]
    search_fields = ["area__code", "area__name", "indicator__name"]
    raw_id_fields = ["area", "entered_by"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "year", "value"]
    list_select_related = ["indicator", "area"]
    raw_id_fields = ["area"]


@admin.register(IndicatorStory)
class IndicatorStoryAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "written_by"]
    list_select_related = ["indicator", "written_by"]
    raw_id_fields = ["written_by"]
    filter_horizontal = ["partners"]


@admin.register(EffortIndicator)
class EffortIndicatorAdmin(admin.ModelAdmin):
    list_display = ["effort", "indicator", "expected_change"]
    list_select_related = ["effort", "indicator"]
    raw_id_fields = ["effort"]


# --- end of indicators ---------------------------------------------------------------------
