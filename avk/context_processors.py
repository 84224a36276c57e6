import functools

from django.conf import settings
from django.urls import reverse

# The menu's addresses (templates/base.html): the same for every request, so they are looked
# up once per process instead of some thirty reverse() calls on every page.
NAV = {
    "home": "home",
    "results_url": "programme_results",
    "governance_url": "governance:overview",
    "memos_url": "governance:memo_list",
    "meetings_url": "governance:meeting_list",
    "actions_url": "governance:action_list",
    "partners_url": "partners:partner_list",
    "interventions_url": "partners:intervention_list",
    "packages_url": "partners:package_list",
    "teams_url": "partners:team_overview",
    "scans_url": "partners:quickscan_overview",
    "changes_url": "partners:commitment_changes",
    "reflection_url": "reflection:year_overview",
    "plans_url": "reflection:plan_list",
    "indicators_url": "indicator_list",
    "pilots_url": "movement:pilot_list",
    "library_url": "library:library",
    "stakeholders_url": "movement:stakeholder_overview",
    "pilots_manage_url": "movement:pilot_manage",
    "mailings_url": "movement:mailing_list",
    "learning_url": "movement:course_list",
    "learning_manage_url": "movement:course_manage",
    "mornings_url": "movement:morning_list",
    "mornings_manage_url": "movement:morning_manage",
    "resources_url": "resources:overview",
    "partners_invitation_list": "partners:invitation_list",
    "partners_import_start": "partners:import_start",
    "partners_quickscan_criteria": "partners:quickscan_criteria",
    "admin_index": "admin:index",
    "showcase_index": "showcase:index",
    "language_switch": "language_switch",
    "my_votes_url": "governance:my_votes",
    "my_actions_url": "governance:my_actions",
    "calendar_feed_url": "governance:calendar_feed",
    "notification_settings": "notification_settings",
    "account_change_password": "account_change_password",
    "mfa_index": "mfa_index",
    "account_email": "account_email",
    "account_logout": "account_logout",
    "account_login": "account_login",
}


@functools.cache
def nav_urls() -> dict[str, str]:
    """The menu's addresses by key, looked up once per process (shared by the layout's
    context and the main menu tag)."""
    return {key: reverse(name) for key, name in NAV.items()}


@functools.cache
def menu_urls() -> frozenset[str]:
    return frozenset(nav_urls().values())


def portal(request):
    return {"PRODUCTION": settings.PRODUCTION, "nav": nav_urls()}
