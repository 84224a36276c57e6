"""The partner directory's filters, shared by the list and its CSV export
(partners.forms.directory reads them from the query string)."""

from partners.selectors.commitment import with_package_filter

NO_PACKAGE = "-"  # ?package=-: partners without a package


def directory_filtered(partners, filters: dict):
    """The partners that match the filters of partners.forms.directory.directory_filters(),
    annotated with the package current today (`current_package_code`)."""
    if filters["kind"]:
        partners = partners.filter(kind=filters["kind"])
    if filters["municipality"]:
        partners = partners.filter(municipality_id=filters["municipality"])
    return with_package_filter(partners, filters["package"])
