"""CSV exports for staff: the partner directory and the AVK teams, for Excel."""

from django.views.decorators.http import require_GET

from avk.access import staff_required
from avk.csv import csv_response
from partners.forms.directory import directory_filters
from partners.models import Package, Partner
from partners.selectors import exports
from partners.selectors.directory import directory_filtered


@staff_required
@require_GET
def export_directory(request):
    """The directory as CSV; takes the directory's filters (kind, municipality, package)."""
    codes = set(Package.objects.values_list("code", flat=True))
    filters = directory_filters(request.GET, package_codes=codes)
    partners = directory_filtered(Partner.objects.all(), filters)
    return csv_response(exports.directory_csv(partners), "partners")


@staff_required
@require_GET
def export_teams(request):
    return csv_response(exports.teams_csv(), "teams")
