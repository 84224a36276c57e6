from django.contrib import admin

from partners.models import (
    Commitment,
    Delegate,
    Intervention,
    Invitation,
    Municipality,
    Package,
    Partner,
    PartnerMembership,
    Person,
    QuickScan,
    QuickScanAnswer,
    QuickScanCriterion,
    TeamMember,
)


class MembershipInline(admin.TabularInline):
    model = PartnerMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "is_active"]
    list_filter = ["kind", "is_active", "municipality"]
    list_select_related = ["municipality"]
    search_fields = ["name", "municipality__name"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "partner", "is_experience_expert", "user"]
    list_filter = ["is_experience_expert", "partner__kind"]
    search_fields = ["name", "email"]
    list_select_related = ["partner", "user"]
    autocomplete_fields = ["partner", "user"]


@admin.register(PartnerMembership)
class PartnerMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "partner", "is_editor"]
    list_filter = ["is_editor"]
    list_select_related = ["user", "partner"]
    autocomplete_fields = ["user", "partner"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "partner", "is_editor", "expires_at", "accepted_at"]
    list_select_related = ["partner"]
    readonly_fields = ["token_hash", "accepted_at", "accepted_user", "invited_by"]
    search_fields = ["email", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "province"]
    search_fields = ["name"]


@admin.register(Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "steering_group_seat", "order"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    """History is never rewritten: entries are made through the portal and read here."""

    list_display = ["partner", "package", "status", "period_start", "created_by", "created_at"]
    list_filter = ["status", "package"]
    list_select_related = ["partner", "package", "created_by"]
    search_fields = ["partner__name"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TeamMember)
class TeamMemberAdmin(admin.ModelAdmin):
    list_display = ["person", "partner", "role"]
    list_filter = ["role"]
    list_select_related = ["person", "partner"]
    autocomplete_fields = ["person", "partner"]


@admin.register(Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = ["person", "partner", "level"]
    list_select_related = ["person", "partner"]
    autocomplete_fields = ["person", "partner"]


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["title", "partner", "target_group", "status", "is_published"]
    list_filter = ["status", "target_group", "is_published"]
    list_select_related = ["partner"]
    search_fields = ["title", "partner__name"]
    autocomplete_fields = ["partner", "collaborators", "contact"]
    filter_horizontal = ["municipalities"]


@admin.register(QuickScanCriterion)
class QuickScanCriterionAdmin(admin.ModelAdmin):
    list_display = ["text", "order", "is_active"]


class QuickScanAnswerInline(admin.TabularInline):
    model = QuickScanAnswer
    extra = 0


@admin.register(QuickScan)
class QuickScanAdmin(admin.ModelAdmin):
    list_display = ["partner", "year", "score", "total"]
    list_filter = ["year"]
    list_select_related = ["partner"]
    inlines = [QuickScanAnswerInline]
