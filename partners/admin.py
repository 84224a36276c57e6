from django.contrib import admin

from partners.models import Invitation, Partner, PartnerMembership, Person


class MembershipInline(admin.TabularInline):
    model = PartnerMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "is_active"]
    list_filter = ["kind", "is_active", "package", "municipality"]
    list_select_related = ["municipality", "package"]
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
