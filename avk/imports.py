"""What every import with a preview shares, whatever it imports (no domain words here).

The flow is the same for partners, people and measurements:

1. the upload is read by `avk.tables.read_table()` into rows of plain strings and kept in the
   user's session under a random batch id (`batch_keep()`);
2. the preview (`batch_get()`) checks the rows again on every visit, so it shows the
   database as it is now: per row a `RowResult` with what would happen and its errors;
3. confirming checks them once more inside one transaction and saves all rows or none; a
   refusal is an `ImportRefused` carrying the fresh results to show.
"""

import secrets
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.http import Http404

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"


@dataclass
class RowResult:
    """One row of a file as checked: its values, what would happen, and its errors."""

    number: int
    values: dict[str, str]
    action: str | None = None  # CREATE, UPDATE or UNCHANGED when the row has no errors
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)
    # The checked values as the service saves them (foreign keys as primary keys).
    clean: dict = field(default_factory=dict)

    def error(self, column: str, message: str) -> None:
        self.errors.append((column, message))
        self.action = None

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportRefused(ValidationError):
    """The rows do not pass the checks (any more): nothing was saved.

    `results` holds the fresh per-row results to show, when the rows themselves are at fault.
    """

    def __init__(self, message, results=None):
        super().__init__(message)
        self.results = results or []


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    updated: int

    @property
    def total(self) -> int:
        return self.created + self.updated


def batch_keep(request, session_key: str, *, filename: str, data: dict) -> str:
    """Keep the rows read from an upload in the session; returns the batch id for the URL.
    One batch per session key: a new upload replaces the previous one."""
    batch = secrets.token_urlsafe(16)
    request.session[session_key] = {
        "id": batch,
        "user": request.user.pk,
        "filename": filename[:200],
        **data,
    }
    return batch


def batch_get(request, session_key: str, batch: str) -> dict:
    """The batch kept under `session_key`, or 404 when it is not this user's batch."""
    stored = request.session.get(session_key)
    if (
        not isinstance(stored, dict)
        or not secrets.compare_digest(str(stored.get("id", "")), batch)
        or stored.get("user") != request.user.pk
    ):
        raise Http404
    return stored


def row_errors(results: list[RowResult]) -> list[dict]:
    """Every error of every row, for the table of errors above a preview."""
    return [
        {"row": result.number, "column": column, "message": message}
        for result in results
        for column, message in result.errors
    ]
