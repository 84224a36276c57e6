from django.contrib import admin

from governance.models import Body, Seat


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    autocomplete_fields = ["person", "partner"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "order"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    inlines = [SeatInline]


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "partner", "term_start", "term_end"]
    list_filter = ["body", "role"]
    list_select_related = ["person", "body", "partner"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "partner"]
