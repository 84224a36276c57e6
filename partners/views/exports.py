"""CSV exports for staff: the partner directory and the AVK teams, for Excel."""

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from avk.access import staff_required
from partners.models import Partner
from partners.selectors import exports
from partners.selectors.commitment import with_package_filter


def _csv_response(content: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"avk-{name}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_required
@require_GET
def export_directory(request):
    """The directory as CSV; takes the directory's filters (kind, municipality, package)."""
    partners = Partner.objects.all()
    kind = request.GET.get("kind", "")
    if kind in Partner.Kind.values:
        partners = partners.filter(kind=kind)
    municipality = request.GET.get("municipality", "")
    if municipality.isdigit():
        partners = partners.filter(municipality_id=int(municipality))
    partners = with_package_filter(partners, request.GET.get("package", ""))
    return _csv_response(exports.directory_csv(partners), "partners")


@staff_required
@require_GET
def export_teams(request):
    return _csv_response(exports.teams_csv(), "teams")
