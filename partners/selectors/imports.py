"""Reading and checking an import file of partners or people. Nothing here writes.

Two steps, both pure functions:

1. `read_upload()` turns an uploaded .csv or .xlsx into a header mapping and rows of
   plain strings, or raises `ImportFileError` with one clear message for the whole file
   (wrong encoding, wrong header, too many rows, not a spreadsheet at all, ...). The
   reading itself is `avk.tables.read_table()`; this module says which columns a file of
   partners or of people has, and the names (Dutch and English) their headers go by.
2. `validate_rows()` checks every row against the database as it is now and returns,
   per row, what would happen (create or update) and the row-level errors.

The rows of step 1 are JSON-able, so the view keeps them in the session between the
preview and the confirmation; `partners.services.imports` runs step 2 again inside the
transaction that saves them.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avk.imports import CREATE, UPDATE, RowResult
from avk.tables import MAX_ROWS, Column, ImportFileError, read_table
from avk.text import without_bidi_controls
from partners.models import Municipality, Package, Partner, Person

PARTNERS = "partners"
PEOPLE = "people"
KINDS = [
    (PARTNERS, gettext_lazy("Partners (organisations)")),
    (PEOPLE, gettext_lazy("People")),
]


COLUMNS = {
    PARTNERS: [
        Column("name", gettext_lazy("Name"), ("naam", "name", "organisatie"), required=True),
        Column("kind", gettext_lazy("Kind"), ("soort", "kind", "type"), required=True),
        Column("municipality", gettext_lazy("Municipality"), ("gemeente", "municipality")),
        Column("website", gettext_lazy("Website"), ("website", "url", "site")),
        Column("package", gettext_lazy("Package"), ("pakket", "package")),
    ],
    PEOPLE: [
        Column("name", gettext_lazy("Name"), ("naam", "name"), required=True),
        Column(
            "email",
            gettext_lazy("E-mail address"),
            ("e-mail", "email", "e-mailadres", "emailadres", "mail"),
            required=True,
        ),
        Column("phone", gettext_lazy("Phone"), ("telefoon", "phone", "telefoonnummer", "tel")),
        Column(
            "partner",
            gettext_lazy("Organisation"),
            ("organisatie", "partner", "organisation", "organization"),
        ),
        Column(
            "experience_expert",
            gettext_lazy("Experience expert"),
            ("ervaringsdeskundige", "experience_expert", "experience expert"),
        ),
    ],
}

TRUE_WORDS = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
FALSE_WORDS = {"nee", "n", "no", "0", "onwaar", "false", ""}


@dataclass
class Table:
    """What `read_upload()` found: JSON-able, kept in the session for the preview."""

    kind: str
    headers: dict[str, str]  # field -> the header as written in the file
    rows: list[dict]  # {"number": row number in the file, "values": {field: str}}

    def as_json(self) -> dict:
        return {"kind": self.kind, "headers": self.headers, "rows": self.rows}


def columns_for(kind: str) -> list[Column]:
    return COLUMNS[kind]


# --- step 1: reading the file ----------------------------------------------------------


def read_upload(upload, kind: str) -> Table:
    """Read an uploaded .csv or .xlsx file (a Django UploadedFile) of the given kind."""
    if kind not in COLUMNS:
        raise ImportFileError(_("Choose what the file holds: partners or people."))
    table = read_table(upload, columns=COLUMNS[kind], max_rows=MAX_ROWS)
    # Every cell becomes a single-line field: compare and show it as it will be saved.
    rows = [
        row | {"values": {name: without_bidi_controls(v) for name, v in row["values"].items()}}
        for row in table.rows
    ]
    return Table(kind=kind, headers=table.headers, rows=rows)


# --- step 2: checking the rows ----------------------------------------------------------


def validate_rows(kind: str, rows: list[dict], headers: dict[str, str]) -> list[RowResult]:
    """Check each row against the database as it is now. A fixed number of queries."""
    if kind == PARTNERS:
        return _validate_partners(rows, headers)
    if kind == PEOPLE:
        return _validate_people(rows, headers)
    raise ValueError(kind)


def name_key(text: str) -> str:
    """How names are compared: case and spacing do not matter."""
    return " ".join(text.casefold().split())


def _check_length(result: RowResult, headers, name: str, limit: int) -> None:
    if len(result.values.get(name, "")) > limit:
        result.error(
            headers.get(name, name),
            _("At most %(limit)s characters (this has %(count)s).")
            % {"limit": limit, "count": len(result.values[name])},
        )


def _kind_lookup() -> dict[str, str]:
    lookup = {}
    for value, label in Partner.Kind.choices:
        lookup[name_key(value)] = value
        for language in ("en", "nl"):
            with translation.override(language):
                lookup[name_key(str(label))] = value
    return lookup


def normalise_website(value: str) -> str:
    if value and "://" not in value:
        return "https://" + value
    return value


def _validate_partners(rows: list[dict], headers: dict[str, str]) -> list[RowResult]:
    existing = {name_key(name): pk for pk, name in Partner.objects.values_list("pk", "name")}
    municipalities = {
        name_key(name): pk for pk, name in Municipality.objects.values_list("pk", "name")
    }
    packages = dict(Package.objects.values_list("code", "pk"))
    kinds = _kind_lookup()
    url_validator = URLValidator(schemes=["http", "https"])
    seen: dict[str, int] = {}
    results = []
    for row in rows:
        values = {name: str(row["values"].get(name, "")) for name in headers}
        result = RowResult(number=row["number"], values=values)
        column = headers.get

        name = values.get("name", "")
        if not name:
            result.error(column("name"), _("Fill in the name of the organisation."))
        _check_length(result, headers, "name", 200)
        if name and name_key(name) in seen:
            result.error(
                column("name"),
                _("This organisation is also in row %(row)s of the file.")
                % {"row": seen[name_key(name)]},
            )
        elif name:
            seen[name_key(name)] = result.number

        kind = values.get("kind", "")
        if name_key(kind) not in kinds:
            result.error(
                column("kind"),
                _("Unknown kind “%(value)s”. Choose one of: %(choices)s.")
                % {"value": kind, "choices": ", ".join(Partner.Kind.values)},
            )

        municipality = values.get("municipality", "")
        if municipality and name_key(municipality) not in municipalities:
            result.error(
                column("municipality"),
                _("The municipality “%(value)s” is not known in the portal.")
                % {"value": municipality},
            )

        website = normalise_website(values.get("website", ""))
        if website:
            try:
                url_validator(website)
            except ValidationError:
                result.error(column("website"), _("Enter a valid web address."))
            _check_length(result, headers, "website", 200)

        package = values.get("package", "")
        if package and package_code(package) not in packages:
            result.error(
                column("package"),
                _("The package “%(value)s” does not exist. Choose %(choices)s or leave it empty.")
                % {"value": package, "choices": ", ".join(sorted(packages))}
                if packages
                else _("The package “%(value)s” does not exist. Leave the cell empty.")
                % {"value": package},
            )

        if result.ok:
            result.action = UPDATE if name_key(name) in existing else CREATE
            result.clean = {
                "pk": existing.get(name_key(name)),
                "name": name,
                "kind": kinds[name_key(kind)],
                "municipality_id": municipalities.get(name_key(municipality)),
                "website": website,
                "package_id": packages.get(package_code(package)) if package else None,
            }
        results.append(result)
    return results


def package_code(value: str) -> str:
    """'a', 'Pakket A' and 'package a' all mean package A."""
    text = name_key(value)
    for prefix in ("pakket ", "package "):
        text = text.removeprefix(prefix)
    return text.upper()


def parse_bool(value: str) -> bool | None:
    text = name_key(value)
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None


def _validate_people(rows: list[dict], headers: dict[str, str]) -> list[RowResult]:
    partners = {name_key(name): pk for pk, name in Partner.objects.values_list("pk", "name")}
    emails = {str(row["values"].get("email", "")).lower() for row in rows} - {""}
    emails_taken = set(
        Person.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .values_list("email_lower", flat=True)
    )
    # People without an e-mail address are told apart by name within their organisation.
    named = {
        (name_key(name), partner_id)
        for name, partner_id in Person.objects.filter(email="").values_list("name", "partner_id")
    }
    seen_emails: dict[str, int] = {}
    seen_names: dict[tuple, int] = {}
    results = []
    for row in rows:
        values = {name: str(row["values"].get(name, "")) for name in headers}
        result = RowResult(number=row["number"], values=values)
        column = headers.get

        name = values.get("name", "")
        if not name:
            result.error(column("name"), _("Fill in the person's name."))
        _check_length(result, headers, "name", 200)
        _check_length(result, headers, "phone", 40)

        partner_name = values.get("partner", "")
        partner_id = partners.get(name_key(partner_name)) if partner_name else None
        if partner_name and partner_id is None:
            result.error(
                column("partner"),
                _(
                    "The organisation “%(value)s” is not in the portal. Import the partners "
                    "first, or check the spelling."
                )
                % {"value": partner_name},
            )

        if parse_bool(values.get("experience_expert", "")) is None:
            result.error(
                column("experience_expert"),
                _("Fill in ja or nee (yes or no), or leave it empty."),
            )

        email = values.get("email", "").lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                result.error(
                    column("email"),
                    _("“%(value)s” is not a valid e-mail address.") % {"value": values["email"]},
                )
            else:
                if email in emails_taken:
                    result.error(
                        column("email"),
                        _(
                            "Duplicate person: someone with this e-mail address is already "
                            "in the portal."
                        ),
                    )
                elif email in seen_emails:
                    result.error(
                        column("email"),
                        _("Duplicate person: this e-mail address is also in row %(row)s.")
                        % {"row": seen_emails[email]},
                    )
                else:
                    seen_emails[email] = result.number
        elif name:
            person_key = (name_key(name), partner_id)
            if person_key in named:
                result.error(
                    column("name"),
                    _("Duplicate person: %(name)s is already in the portal.") % {"name": name},
                )
            elif person_key in seen_names:
                result.error(
                    column("name"),
                    _("Duplicate person: %(name)s is also in row %(row)s.")
                    % {"name": name, "row": seen_names[person_key]},
                )
            else:
                seen_names[person_key] = result.number

        if result.ok:
            result.action = CREATE
            result.clean = {
                "name": name,
                "email": email,
                "phone": values.get("phone", ""),
                "partner_id": partner_id,
                "is_experience_expert": parse_bool(values.get("experience_expert", "")),
            }
        results.append(result)
    return results
