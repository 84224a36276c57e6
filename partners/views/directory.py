from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.cache import cached_html
from partners.access import (
    can_edit_partner,
    editable_partner_ids,
    get_partner_for_user,
    partners_visible_to,
)
from partners.forms.directory import directory_filters
from partners.models import Municipality, Package, Partner
from partners.selectors import team as teams
from partners.selectors.commitment import (
    current_commitment,
    planned_commitments,
    with_current_package,
)
from partners.selectors.directory import (
    DIRECTORY_READ,
    NO_PACKAGE,
    PARTNER_PAGE_READ,
    directory_filtered,
    directory_rows,
)

# A partner's page shows this many of its interventions, with a link to the rest.
DETAIL_INTERVENTIONS = 10


def partner_list(request):
    """The directory: filter by kind, municipality and package; counts per package.

    The chart, filters and rows are the same for every reader of one kind (staff also see
    inactive partners) with the same filters and editor badges: kept rendered (avk.cache)."""
    staff = is_staff(request.user)
    editable = editable_partner_ids(request.user)
    packages = list(Package.objects.values_list("code", flat=True))
    filters = directory_filters(request.GET, package_codes=set(packages))

    def directory() -> dict:
        visible = partners_visible_to(request.user)
        counts_by_package = {
            row["current_package_code"] or "": row["n"]
            for row in with_current_package(visible)
            .values("current_package_code")
            .annotate(n=Count("id"))
        }
        rows = directory_rows(directory_filtered(visible, filters))
        bars = [
            (_("Package %(code)s") % {"code": code}, counts_by_package.get(code, 0))
            for code in packages
        ]
        bars.append((_("No package"), counts_by_package.get("", 0)))
        largest = max([n for _label, n in bars] + [1])
        return {
            "rows": rows,
            "kinds": Partner.Kind.choices,
            "municipality_choices": list(Municipality.objects.values_list("pk", "name")),
            "package_choices": [(code, code) for code in packages]
            + [(NO_PACKAGE, _("No package"))],
            "filters": filters,
            "chart": {
                "height": 16 * len(bars),
                "bars": [
                    {"label": label, "count": n, "y": 16 * i, "width": round(270 * n / largest)}
                    for i, (label, n) in enumerate(bars)
                ],
            },
            "editable_ids": editable,
        }

    directory_html = cached_html(
        "partner_directory",
        DIRECTORY_READ,
        "partners/includes/directory.html",
        directory,
        parts=[
            "staff" if staff else "reader",
            ",".join(map(str, sorted(editable))),
            filters["kind"],
            filters["municipality"] or "",
            filters["package"],
        ],
    )
    return render(request, "partners/partner_list.html", {"directory_html": directory_html})


def partner_detail(request, pk):
    """A partner's page. Its body is the same for every reader of one kind (its editors see
    the team's names and edit links, staff also the audit link): kept rendered (avk.cache)."""
    partner = get_partner_for_user(request.user, pk)
    can_edit = can_edit_partner(request.user, partner)
    staff = is_staff(request.user)

    def detail() -> dict:
        counts = teams.counts_of(partner)
        shown = list(
            partner.interventions.filter(
                Q(status__in=["planned", "running"]) | Q(is_published=True)
            )
            .only("pk", "title", "status", "partner_id")
            .prefetch_related(Prefetch("municipalities", Municipality.objects.only("name")))
            .order_by("title", "pk")[: DETAIL_INTERVENTIONS + 1]
        )
        return {
            "partner": partner,
            "current": current_commitment(partner),
            "planned": planned_commitments(partner),
            "can_edit": can_edit,
            "is_staff": staff,
            # Who is in the team is the partner's own business: names for its editors only.
            "members": partner.team_members.select_related("person").order_by(
                "role", "person__name"
            )
            if can_edit
            else [],
            "gaps": teams.team_gaps(counts),
            "complete": teams.is_complete(counts),
            "delegates": partner.delegates.select_related("person") if can_edit else [],
            "pending": partner.commitments.filter(status="proposed").select_related("package"),
            # The page stays the same size as the years add up: the rest is in the list.
            "interventions": shown[:DETAIL_INTERVENTIONS],
            "more_interventions": len(shown) > DETAIL_INTERVENTIONS,
            "all_interventions_url": reverse("partners:intervention_list")
            + f"?partner={partner.pk}",
            "latest_scan": partner.quick_scans.order_by("-year").first(),
            "year": timezone.localdate().year,
        }

    detail_html = cached_html(
        "partner_detail",
        PARTNER_PAGE_READ,
        "partners/includes/partner_detail.html",
        detail,
        parts=[partner.pk, "editor" if can_edit else "reader", "staff" if staff else "other"],
    )
    return render(
        request, "partners/partner_detail.html", {"partner": partner, "detail_html": detail_html}
    )
