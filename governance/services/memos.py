"""Writes of the memo editor: the header, sections, proposed decisions and annex figures.

Every save goes through `memo_saving()`: it locks the memo row, refuses a memo that is no
longer a draft, and refuses a save made from an out-of-date page (optimistic locking: the
form carries the version it was rendered from, `expected_version`). A save that passes
bumps `memo.version` and stores a MemoVersion snapshot, so every version can be compared
and restored. Nothing is ever deleted from the history: a restore is a new version.

The ordered parts are in governance.services.memo_parts, restoring a version in
governance.services.memo_versions; submitting, withdrawing and closing belong to the voting
services.
"""

import datetime
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from governance.models import Body, Memo, MemoVersion

HEADER_FIELDS = ["body", "title", "author", "memo_date", "introduction"]
SECTION_FIELDS = ["title", "text", "inputs", "summary"]
DECISION_FIELDS = ["kind", "text"]
NOTE_LENGTH = MemoVersion._meta.get_field("note").max_length


class MemoConflict(Exception):
    """Someone else saved the memo after the page was rendered; nothing was changed."""

    def __init__(self, memo: Memo):
        super().__init__(
            _(
                "Someone else has saved this memo in the meantime (version %(version)s). "
                "Your text has not been saved yet: compare it with the saved text below, "
                "then save again."
            )
            % {"version": memo.version}
        )
        self.memo = memo


def memo_snapshot(memo: Memo) -> dict:
    """Everything the editor changes, as JSON: header, introduction, sections, decisions
    and annex captions (the images themselves stay on disk)."""
    return {
        "body": {"id": memo.body_id, "name": memo.body.name},
        "title": memo.title,
        "author": memo.author,
        "memo_date": memo.memo_date.isoformat(),
        "introduction": memo.introduction,
        "sections": [
            {field: getattr(section, field) for field in SECTION_FIELDS}
            for section in memo.sections.order_by("order", "id")
        ],
        "decisions": [
            {field: getattr(decision, field) for field in DECISION_FIELDS}
            for decision in memo.decisions.order_by("order", "id")
        ],
        "annexes": [
            {"id": annex.pk, "caption": annex.caption}
            for annex in memo.annexes.order_by("order", "id")
        ],
    }


def _lock(memo: Memo, expected_version: int) -> Memo:
    locked = Memo.objects.select_for_update().select_related("body").get(pk=memo.pk)
    if not locked.is_editable:
        raise ValidationError(
            _("This memo has been submitted (%(status)s) and can no longer be changed.")
            % {"status": locked.get_status_display()}
        )
    if locked.version != expected_version:
        raise MemoConflict(locked)
    return locked


def _new_version(memo: Memo, *, user, note: str) -> MemoVersion:
    memo.version += 1
    memo.save(update_fields=["version", "updated_at"])
    return MemoVersion.objects.create(
        memo=memo,
        number=memo.version,
        content=memo_snapshot(memo),
        saved_by=user if user is not None and user.is_authenticated else None,
        note=note[:NOTE_LENGTH],
    )


@contextmanager
def memo_saving(memo: Memo, *, user, expected_version: int, note: str):
    """Lock, check, let the caller change the memo, then store the new version. Every
    write of the editor (header, parts, restore) runs inside it.

    The caller may replace `holder["note"]` with a more precise note.
    """
    with transaction.atomic():
        locked = _lock(memo, expected_version)
        holder = {"memo": locked, "note": note}
        yield holder
        _new_version(locked, user=user, note=holder["note"])
        memo.version = locked.version


def short_text(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def clean_lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


# --- the memo and its header ----------------------------------------------------------


def memo_create(
    *,
    user,
    body: Body,
    title: str,
    author: str,
    memo_date: datetime.date,
    introduction: str = "",
) -> Memo:
    """Start a draft memo to `body` (version 1, with its first snapshot)."""
    with transaction.atomic():
        memo = Memo(
            body=body,
            title=title.strip(),
            author=author.strip(),
            memo_date=memo_date,
            introduction=introduction.strip(),
            status=Memo.Status.DRAFT,
            version=1,
            created_by=user,
        )
        memo.full_clean()
        memo.save()
        MemoVersion.objects.create(
            memo=memo,
            number=1,
            content=memo_snapshot(memo),
            saved_by=user,
            note=_("Memo created"),
        )
        audit_record(
            actor=user,
            instance=memo,
            action="memo.created",
            changes={
                "body": ["", body.name],
                "title": ["", memo.title],
                "author": ["", memo.author],
                "memo_date": ["", memo.memo_date.isoformat()],
            },
            group=audit_group("memo", memo.pk),
        )
    return memo


def memo_update(
    *,
    memo: Memo,
    user,
    expected_version: int,
    body: Body,
    title: str,
    author: str,
    memo_date: datetime.date,
    introduction: str = "",
) -> Memo:
    """Save the header and the introduction of a draft memo."""
    values = {
        "body": body,
        "title": title.strip(),
        "author": author.strip(),
        "memo_date": memo_date,
        "introduction": introduction.strip(),
    }
    with memo_saving(memo, user=user, expected_version=expected_version, note="") as saving:
        locked = saving["memo"]
        changes = diff(locked, HEADER_FIELDS, values)
        for field, value in values.items():
            setattr(locked, field, value)
        locked.full_clean(exclude=["created_by"])
        locked.save()
        labels = {
            "body": _("addressee"),
            "title": _("title"),
            "author": _("drafted by"),
            "memo_date": _("date"),
            "introduction": _("introduction"),
        }
        saving["note"] = (
            _("Header changed: %(fields)s") % {"fields": ", ".join(labels[f] for f in changes)}
            if changes
            else _("Header saved without changes")
        )
        if changes:
            audit_record(
                actor=user,
                instance=locked,
                action="memo.updated",
                changes=changes,
                group=audit_group("memo", locked.pk),
            )
    return locked
