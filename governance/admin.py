from django.contrib import admin

from governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    ConflictOfInterest,
    Decision,
    DecisionReview,
    Meeting,
    Memo,
    MemoSection,
    Minutes,
    MinutesItem,
    ProposedDecision,
    RoleTerm,
    Seat,
    Substitution,
    Vote,
    VoteRecord,
)


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    autocomplete_fields = ["person", "partner"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "order", "majority"]
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


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that must not change once written: votes, their history, the decision list.

    Staff can look them up here; the portal's own pages are the only way they are made.
    """

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MemoSectionInline(admin.StackedInline):
    model = MemoSection
    extra = 0


class ProposedDecisionInline(admin.TabularInline):
    model = ProposedDecision
    extra = 0
    fields = ["order", "kind", "text", "result", "votes_for", "votes_against", "votes_abstain"]
    readonly_fields = ["result", "votes_for", "votes_against", "votes_abstain"]


@admin.register(Memo)
class MemoAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "memo_date", "status", "voting_deadline"]
    list_filter = ["body", "status"]
    list_select_related = ["body"]
    search_fields = ["title", "author"]
    date_hierarchy = "memo_date"
    readonly_fields = [
        "version",
        "created_by",
        "submitted_at",
        "submitted_by",
        "closed_at",
        "closed_by",
        "voting_seats",
        "quorum",
        "withdrawn_at",
    ]
    inlines = [MemoSectionInline, ProposedDecisionInline]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["decision", "seat", "choice", "on_behalf", "cast_at", "changed_at"]
    list_filter = ["choice", "seat__body"]
    list_select_related = [
        "decision",
        "seat__person",
        "seat__body",
        "substitution__substitute",
        "substitution__seat__person",
    ]
    search_fields = ["seat__person__name", "decision__text"]


@admin.register(VoteRecord)
class VoteRecordAdmin(ReadOnlyAdmin):
    list_display = ["vote", "choice", "cast_by", "on_behalf", "cast_at"]
    list_select_related = ["cast_by", "substitution__substitute", "substitution__seat__person"]


@admin.register(Substitution)
class SubstitutionAdmin(ReadOnlyAdmin):
    list_display = ["seat", "substitute", "starts_on", "ends_on", "named_by"]
    list_filter = ["seat__body"]
    list_select_related = ["seat__person", "seat__body", "substitute", "named_by"]
    search_fields = ["seat__person__name", "substitute__name"]


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(ReadOnlyAdmin):
    list_display = ["decision", "seat", "reason", "recorded_by", "declared_at"]
    list_filter = ["seat__body"]
    list_select_related = ["decision", "seat__person", "seat__body", "recorded_by"]
    search_fields = ["seat__person__name", "decision__text"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["number", "body", "decided_on", "result", "text"]
    list_filter = ["body", "year", "result"]
    list_select_related = ["body"]
    search_fields = ["number", "text"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    autocomplete_fields = ["memo"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "starts_at", "location_partner", "location"]
    list_filter = ["body"]
    list_select_related = ["body", "location_partner"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "due_date", "status"]
    list_filter = ["status"]
    list_select_related = ["owner"]
    search_fields = ["title", "owner__name"]
    autocomplete_fields = ["owner"]
    raw_id_fields = ["decision", "meeting"]


class AdoptedReadOnly:
    """Adopted minutes never change: staff can look at them, not edit or delete them."""

    def _adopted(self, obj) -> bool:
        minutes = obj if isinstance(obj, Minutes) else getattr(obj, "minutes", None)
        return minutes is not None and minutes.is_adopted

    def has_change_permission(self, request, obj=None):
        return not self._adopted(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._adopted(obj) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return not self._adopted(obj) and super().has_add_permission(request, obj)


class AttendanceInline(AdoptedReadOnly, admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person"]


class MinutesItemInline(AdoptedReadOnly, admin.StackedInline):
    model = MinutesItem
    extra = 0
    raw_id_fields = ["memo"]


@admin.register(Minutes)
class MinutesAdmin(AdoptedReadOnly, admin.ModelAdmin):
    list_display = ["meeting", "circulated_at", "adopted_at", "adopted_in"]
    list_select_related = ["meeting__body", "adopted_in__body"]
    raw_id_fields = ["meeting", "adopted_in"]
    readonly_fields = ["drafted_by", "adopted_by"]
    inlines = [AttendanceInline, MinutesItemInline]

    def has_add_permission(self, request, obj=None):
        # Minutes are drafted on the meeting's page, by the body's secretary or staff.
        return False


# Programme roles and decision reviews are kept on the portal's pages, where the rules hold
# (no overlapping terms, a recorded review never changes); the admin only shows them.
@admin.register(RoleTerm)
class RoleTermAdmin(ReadOnlyAdmin):
    list_display = ["role", "effort", "partner", "person", "term_start", "term_end"]
    list_filter = ["role"]


@admin.register(DecisionReview)
class DecisionReviewAdmin(ReadOnlyAdmin):
    list_display = ["decision", "review_on", "owner", "outcome", "reviewed_on"]
    list_filter = ["outcome"]
