from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from avk.access import is_staff
from governance.models import ActionItem
from governance.selectors.bodies import seats_of_user
from governance.selectors.meetings import minutes_to_read, next_meetings_of
from governance.selectors.voting import awaiting_votes
from monitoring.access import can_submit_experiences, reviews_stories
from monitoring.models import Experience
from monitoring.selectors.dashboard import count_each, own_partner_alerts, staff_picture
from monitoring.selectors.experiences import review_queue
from monitoring.selectors.spotlights import spotlights_for

# What the "To do" section lists; the dashboard says "nothing to do" when all are empty.
TASKS = (
    "awaiting_votes",
    "open_actions",
    "own_partner_alerts",
    "memo_drafts",
    "memos_in_voting",
    "reviews_due",
    "pending_proposals",
    "incomplete_teams",
    "scans_missing",
    "bodies_without_experience_expert",
    "stories_to_review",
)


# It may show a story in the spotlight: a withdrawn consent must hide it on the next request.
@login_not_required
@never_cache
def home(request):
    """The start page: a public welcome, or a dashboard that leads with what the person
    should do now (votes they owe, actions, their organisation's gaps, staff's follow-up);
    counts of zero are left out."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "monitoring/welcome.html")
    memberships = list(user.partner_memberships.select_related("partner").order_by("partner__name"))
    seats = list(seats_of_user(user).order_by("body__order"))
    staff = is_staff(user)
    today = timezone.localdate()
    open_actions = ActionItem.objects.filter(owner__user=user, status=ActionItem.Status.OPEN)
    # Every count of the page in one query: the person's own and, for staff, the programme's.
    to_count = {
        "awaiting_votes": awaiting_votes(user),
        "open_actions": open_actions,
        "overdue_actions": open_actions.filter(due_date__lt=today),
        "stories_to_review": (
            review_queue() if reviews_stories(seats) else Experience.objects.none()
        ),
    }
    context = {
        "memberships": memberships,
        "seats": seats,
        "is_staff": staff,
        **count_each(**to_count),
        "spotlights": [] if staff else spotlights_for(user),
        # The programme's counts, bodies and spotlights are the same for all staff: kept.
        **(staff_picture(user) if staff else {}),
        "own_partner_alerts": own_partner_alerts(memberships),
        "can_submit_stories": can_submit_experiences(user),
        # What comes next in the person's groups, for voters and non-voters alike.
        "next_meetings": next_meetings_of(user) if seats else [],
        # Minutes sent to the members and not yet adopted: read them before the meeting.
        "minutes_to_read": minutes_to_read(user) if seats else [],
    }
    if staff:
        context["year"] = today.year
    context["has_role"] = bool(context["is_staff"] or memberships or seats)
    context["has_tasks"] = any(context.get(key) for key in TASKS)
    return render(request, "monitoring/home.html", context)
