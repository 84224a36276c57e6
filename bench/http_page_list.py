"""The pages bench/http_pages.py requests, each as the person who uses it, and a session
cookie for each kind of person. Imported by it (after bench/run.py set the environment)."""

import run


def pages(built: dict) -> list[tuple[str, str, str]]:
    """(label, path, who) of every main page: the navigation's destinations and the pages
    one step below them, each as the person who uses it."""
    from django.urls import reverse

    from bench import mornings_data, movement_data
    from reflection.models import ReflectionSession

    gov, data, results = built["gov"], built["data"], built["results"]
    partner = data["partner"].pk
    newest = ReflectionSession.objects.order_by("-year", "pk").first()
    ids = data["indicators"]
    found = [
        ("/healthz/ (baseline)", "/healthz/", "staff"),
        ("dashboard `/`", "/", "staff"),
        ("showcase `/etalage/`", "/etalage/", "anonymous"),
        ("governance overview", reverse("governance:overview"), "staff"),
        ("memo list", reverse("governance:memo_list"), "voter"),
        ("memo page (decided)", reverse("governance:memo_detail", args=[gov["decided"].pk]),
         "voter"),
        ("voting page (open memo)", reverse("governance:memo_vote", args=[gov["open"].pk]),
         "voter"),
        ("my votes", reverse("governance:my_votes"), "voter"),
        ("decision list (DB, 20 years)", reverse("governance:decision_list",
                                                 args=[gov["db"].pk]), "staff"),
        ("meetings", reverse("governance:meeting_list"), "staff"),
        ("actions", reverse("governance:action_list"), "staff"),
        ("partner list", reverse("partners:partner_list"), "staff"),
        ("partner page", reverse("partners:partner_detail", args=[partner]), "staff"),
        ("own AVK team (editor)", f"/partners/{partner}/team/", "editor"),
        ("AVK teams", reverse("partners:team_overview"), "staff"),
        ("quick scans", reverse("partners:quickscan_overview"), "staff"),
        ("interventions", reverse("partners:intervention_list"), "staff"),
        ("interventions of the busiest municipality",
         f"/partners/interventies/per-gemeente/?gemeente={run.busiest_municipality()}", "staff"),
        ("packages", reverse("partners:package_list"), "staff"),
        ("commitment changes", reverse("partners:commitment_changes"), "staff"),
        (f"reflection year {newest.year}", reverse("reflection:year_detail", args=[newest.year]),
         "staff"),
        ("phase plans", reverse("reflection:plan_list"), "staff"),
        ("phase plan (40 efforts x 20 updates)", results["/reflectie/faseplannen/<pk>/"],
         "editor"),
        ("draft phase plan with its adopt form",
         results["/reflectie/faseplannen/<draft pk>/ (staff)"], "staff"),
        ("effort page (20 updates)", results["/reflectie/inspanningen/<pk>/"], "editor"),
        ("what we achieve", results["/wat-bereiken-we/"], "editor"),
        ("what we achieve (public)", results["/etalage/wat-bereiken-we/"], "anonymous"),
        ("dossier of an island", results["/wat-bereiken-we/dossier/<pk>/"], "editor"),
        ("indicators", reverse("indicator_list"), "staff"),
        ("indicator page (region)", f"/indicatoren/{ids['indicator']}/", "staff"),
        ("indicator page (a municipality)", f"/indicatoren/{ids['indicator']}/?plaats=GM1979",
         "staff"),
        ("indicator page (public)", f"/indicatoren/{ids['public_indicator']}/", "anonymous"),
    ]  # fmt: skip
    found += movement_data.pages(built["movement"])  # the public pilot list and page
    found += mornings_data.pages(built["movement"]["mornings"])  # list, a morning, the feed
    return found


def sessions(built: dict) -> dict[str, str]:
    """A session cookie per kind of person (database sessions, so gunicorn knows them)."""
    from django.conf import settings
    from django.test import Client

    people = {
        "staff": built["gov"]["staff"],
        "voter": built["gov"]["voter"],
        "editor": built["data"]["editor"],
    }
    name = settings.SESSION_COOKIE_NAME
    cookies = {"anonymous": ""}
    for who, user in people.items():
        client = Client()
        client.force_login(user)
        cookies[who] = f"{name}={client.cookies[name].value}"
    return cookies
