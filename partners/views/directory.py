from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
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
from partners.selectors.directory import NO_PACKAGE, directory_filtered


def partner_list(request):
    """The directory: filter by kind, municipality and package; counts per package."""
    visible = partners_visible_to(request.user)
    counts_by_package = {
        row["current_package_code"] or "": row["n"]
        for row in with_current_package(visible)
        .values("current_package_code")
        .annotate(n=Count("id"))
    }
    packages = list(Package.objects.all())
    filters = directory_filters(request.GET, package_codes={p.code for p in packages})
    partners = directory_filtered(visible, filters)
    partners = teams.annotate_team_counts(
        partners.select_related("municipality").annotate(
            people_count=Count("people", distinct=True)
        )
    )
    rows = [(p, teams.is_complete(teams.counts_of(p))) for p in partners]
    bars = [
        (_("Package %(code)s") % {"code": p.code}, counts_by_package.get(p.code, 0))
        for p in packages
    ]
    bars.append((_("No package"), counts_by_package.get("", 0)))
    largest = max([n for _label, n in bars] + [1])
    return render(
        request,
        "partners/partner_list.html",
        {
            "rows": rows,
            "kinds": Partner.Kind.choices,
            "municipality_choices": Municipality.objects.values_list("pk", "name"),
            "package_choices": [(p.code, p.code) for p in packages]
            + [(NO_PACKAGE, _("No package"))],
            "filters": filters,
            "chart": {
                "height": 16 * len(bars),
                "bars": [
                    {"label": label, "count": n, "y": 16 * i, "width": round(270 * n / largest)}
                    for i, (label, n) in enumerate(bars)
                ],
            },
            "editable_ids": editable_partner_ids(request.user),
        },
    )


def partner_detail(request, pk):
    partner = get_partner_for_user(request.user, pk)
    can_edit = can_edit_partner(request.user, partner)
    counts = teams.counts_of(partner)
    year = timezone.localdate().year
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "current": current_commitment(partner),
            "planned": planned_commitments(partner),
            "can_edit": can_edit,
            "is_staff": is_staff(request.user),
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
            "interventions": partner.interventions.prefetch_related("municipalities").filter(
                Q(status__in=["planned", "running"]) | Q(is_published=True)
            ),
            "latest_scan": partner.quick_scans.order_by("-year").first(),
            "year": year,
            "people": partner.people.order_by("name"),
        },
    )
