"""The partner directory's filters from a query string (the list and its CSV export)."""

from avk.forms import parse_id
from partners.models import Partner
from partners.selectors.directory import NO_PACKAGE


def directory_filters(query, *, package_codes: set[str]) -> dict:
    """kind, municipality (an id) and package code (one of `package_codes`, or "-") from a
    query string.

    A value that cannot be one of them becomes "no filter" (never a 500): the municipality
    goes through parse_id, kind and package are only ever compared with known values.
    """
    kind = query.get("kind", "")
    package = query.get("package", "")
    return {
        "kind": kind if kind in Partner.Kind.values else "",
        "municipality": parse_id(query.get("municipality")),
        "package": package if package in {NO_PACKAGE, *package_codes} else "",
    }
