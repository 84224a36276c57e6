"""Reading the newsletter readers: the list, its counts, and the checks of an import file.
Nothing here writes."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avk.imports import CREATE, UNCHANGED, RowResult
from avk.tables import Column, read_table
from avk.text import without_bidi_controls
from movement.models import Reader

# A list of readers is longer than other imports: the demo has 4,000.
MAX_ROWS = 10_000
MAX_BYTES = 2 * 1024 * 1024
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
EARLIEST = datetime.date(2000, 1, 1)

COLUMNS = [
    Column(
        "email",
        gettext_lazy("E-mail address"),
        ("e-mail", "email", "e-mailadres", "emailadres", "mail"),
        required=True,
    ),
    Column("name", gettext_lazy("Name"), ("naam", "name")),
    Column(
        "consented_on",
        gettext_lazy("Consent given on"),
        ("toestemming", "consent", "toestemmingsdatum", "consent date", "datum toestemming"),
        required=True,
    ),
    Column("source", gettext_lazy("Source"), ("bron", "source", "herkomst")),
]


def read_upload(upload):
    return read_table(upload, columns=COLUMNS, max_rows=MAX_ROWS, max_bytes=MAX_BYTES)


def parse_date(text: str) -> datetime.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _valid(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def validate_rows(rows: list[dict], headers: dict, *, source: str) -> list[RowResult]:
    """Per row what an import would do: new (CREATE), already on the list or unsubscribed
    before (UNCHANGED; `clean["unsubscribed"]` tells which), or its errors. One query for
    the whole file."""
    emails = {str(row["values"].get("email", "")).strip().lower() for row in rows}
    # Only addresses that can be valid are looked up (PostgreSQL refuses a NUL byte).
    valid = [email for email in emails if _valid(email)]
    known = dict(Reader.objects.filter(email__in=valid).values_list("email", "unsubscribed_at"))
    today = timezone.localdate()
    seen: dict[str, int] = {}
    results = []
    for row in rows:
        values = {k: str(v) for k, v in row["values"].items()}
        result = RowResult(number=row["number"], values=values)
        email = values.get("email", "").strip().lower()
        if not _valid(email):
            result.error(headers.get("email", "e-mail"), _("This is not a valid e-mail address."))
        if email in seen:
            result.error(
                headers.get("email", "e-mail"),
                _("This address is also in row %(row)s.") % {"row": seen[email]},
            )
        seen.setdefault(email, row["number"])
        consented_on = parse_date(values.get("consented_on", ""))
        if consented_on is None:
            result.error(
                headers.get("consented_on", "toestemming"),
                _("Write the date of the consent as 31-12-2024 or 2024-12-31."),
            )
        elif not EARLIEST <= consented_on <= today:
            result.error(
                headers.get("consented_on", "toestemming"),
                _("The date of the consent cannot be in the future or before 2000."),
            )
        name = without_bidi_controls(values.get("name", "")).strip()
        if len(name) > 200:
            result.error(headers.get("name", "naam"), _("A name has at most 200 characters."))
        row_source = without_bidi_controls(values.get("source", "")).strip() or source
        if len(row_source) > 200:
            result.error(headers.get("source", "bron"), _("A source has at most 200 characters."))
        if result.ok:
            result.action = UNCHANGED if email in known else CREATE
            result.clean = {
                "email": email,
                "name": name,
                "source": row_source,
                "consented_on": consented_on,
                "unsubscribed": email in known and known[email] is not None,
            }
        results.append(result)
    return results


def reader_counts() -> dict:
    return Reader.objects.aggregate(
        subscribed=Count("pk", filter=Q(unsubscribed_at__isnull=True)),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )


def readers_page_queryset(search: str = ""):
    readers = Reader.objects.only(
        "email", "name", "source", "consented_on", "unsubscribed_at"
    ).order_by("email")
    if search:
        readers = readers.filter(Q(email__icontains=search) | Q(name__icontains=search))
    return readers
