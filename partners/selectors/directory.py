"""The partner directory's filters, shared by the list and its CSV export
(partners.forms.directory reads them from the query string)."""

NO_PACKAGE = "-"  # ?package=-: partners without a package


def directory_filtered(partners, filters: dict):
    """The partners that match the filters of partners.forms.directory.directory_filters()."""
    if filters["kind"]:
        partners = partners.filter(kind=filters["kind"])
    if filters["municipality"]:
        partners = partners.filter(municipality_id=filters["municipality"])
    if filters["package"] == NO_PACKAGE:
        partners = partners.filter(package__isnull=True)
    elif filters["package"]:
        partners = partners.filter(package__code=filters["package"])
    return partners
