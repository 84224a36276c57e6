"""Writes of the memo editor: the header, sections, proposed decisions and annex figures.

Every save goes through `_saving()`: it locks the memo row, refuses a memo that is no
longer a draft, and refuses a save made from an out-of-date page (optimistic locking: the
form carries the version it was rendered from, `expected_version`). A save that passes
bumps `memo.version` and stores a MemoVersion snapshot, so every version can be compared
and restored. Nothing is ever deleted from the history: a restore is a new version.

Submitting, withdrawing and closing belong to the voting services.
"""

import datetime
import uuid
from contextlib import contextmanager, suppress

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from governance.models import Body, Memo, MemoAnnex, MemoSection, MemoVersion, ProposedDecision

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
def _saving(memo: Memo, *, user, expected_version: int, note: str):
    """Lock, check, let the caller change the memo, then store the new version.

    The caller may replace `holder["note"]` with a more precise note.
    """
    with transaction.atomic():
        locked = _lock(memo, expected_version)
        holder = {"memo": locked, "note": note}
        yield holder
        _new_version(locked, user=user, note=holder["note"])
        memo.version = locked.version


def _short(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _clean_lines(text: str) -> str:
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
    with _saving(memo, user=user, expected_version=expected_version, note="") as saving:
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


# --- ordered parts: sections, decisions, annex figures ---------------------------------


def _renumber(items) -> None:
    for index, item in enumerate(items):
        if item.order != index:
            item.order = index
            item.save(update_fields=["order"])


def _move(queryset, item, direction: str) -> bool:
    """Swap `item` with its neighbour; False when it is already first/last."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move a part up or down."))
    items = list(queryset.order_by("order", "id"))
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    if index is None:
        raise ValidationError(_("This part is no longer in the memo."))
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    _renumber(items)
    return True


def _next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return 0 if last is None else last + 1


def _still_there(model, item, memo: Memo):
    """The item, freshly read under the memo's lock; a ValidationError when it is gone."""
    current = model.objects.filter(pk=item.pk, memo=memo).first()
    if current is None:
        raise ValidationError(_("This part has been removed from the memo in the meantime."))
    return current


def section_save(
    *,
    memo: Memo,
    user,
    expected_version: int,
    section: MemoSection | None = None,
    title: str,
    text: str = "",
    inputs: str = "",
    summary: str = "",
) -> MemoSection:
    """Add a section at the end of a draft memo, or change one."""
    values = {
        "title": title.strip(),
        "text": text.strip(),
        "inputs": _clean_lines(inputs),
        "summary": _clean_lines(summary),
    }
    note = (
        _("Section added: %(title)s") if section is None else _("Section changed: %(title)s")
    ) % {"title": _short(values["title"])}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        if section is None:
            section = MemoSection(memo=locked, order=_next_order(locked.sections))
        else:
            section = _still_there(MemoSection, section, locked)
        for field, value in values.items():
            setattr(section, field, value)
        section.full_clean()
        section.save()
    return section


def section_delete(*, memo: Memo, user, expected_version: int, section: MemoSection) -> None:
    """Remove a section from a draft memo (its text stays in the earlier versions)."""
    note = _("Section removed: %(title)s") % {"title": _short(section.title)}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        _still_there(MemoSection, section, locked).delete()
        _renumber(list(locked.sections.order_by("order", "id")))


def section_move(
    *, memo: Memo, user, expected_version: int, section: MemoSection, direction: str
) -> None:
    """Move a section one place up or down."""
    note = (
        _("Section moved up: %(title)s")
        if direction == "up"
        else _("Section moved down: %(title)s")
    ) % {"title": _short(section.title)}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        _move(locked.sections, _still_there(MemoSection, section, locked), direction)


def decision_save(
    *,
    memo: Memo,
    user,
    expected_version: int,
    decision: ProposedDecision | None = None,
    kind: str,
    text: str,
) -> ProposedDecision:
    """Add a proposed decision at the end of a draft memo, or change one."""
    values = {"kind": kind, "text": text.strip()}
    note = (
        _("Proposed decision added: %(text)s")
        if decision is None
        else _("Proposed decision changed: %(text)s")
    ) % {"text": _short(values["text"])}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        if decision is None:
            decision = ProposedDecision(memo=locked, order=_next_order(locked.decisions))
        else:
            decision = _still_there(ProposedDecision, decision, locked)
        for field, value in values.items():
            setattr(decision, field, value)
        decision.full_clean()
        decision.save()
    return decision


def _delete_decisions(decisions) -> None:
    try:
        for decision in decisions:
            decision.delete()
    except ProtectedError:
        raise ValidationError(
            _("An action item comes from this proposed decision: it cannot be removed.")
        ) from None


def decision_delete(*, memo: Memo, user, expected_version: int, decision: ProposedDecision) -> None:
    """Remove a proposed decision from a draft memo."""
    note = _("Proposed decision removed: %(text)s") % {"text": _short(decision.text)}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        _delete_decisions([_still_there(ProposedDecision, decision, locked)])
        _renumber(list(locked.decisions.order_by("order", "id")))


def decision_move(
    *, memo: Memo, user, expected_version: int, decision: ProposedDecision, direction: str
) -> None:
    """Move a proposed decision one place up or down."""
    note = (
        _("Proposed decision moved up: %(text)s")
        if direction == "up"
        else _("Proposed decision moved down: %(text)s")
    ) % {"text": _short(decision.text)}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        _move(locked.decisions, _still_there(ProposedDecision, decision, locked), direction)


def annex_add(
    *,
    memo: Memo,
    user,
    expected_version: int,
    image: File,
    image_format: str,
    caption: str,
) -> MemoAnnex:
    """Add a figure to the annex. `image` has been checked by the form (PNG or JPEG, size);
    it is stored under a name of our own, never the uploaded one."""
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg"}.get(image_format)
    if content_type is None:
        raise ValidationError({"image": _("Upload a PNG or JPEG image.")})
    note = _("Figure added: %(caption)s") % {"caption": _short(caption.strip())}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        annex = MemoAnnex(
            memo=locked,
            order=_next_order(locked.annexes),
            caption=caption.strip(),
            content_type=content_type,
            size=image.size or 0,
        )
        extension = "png" if image_format == "PNG" else "jpg"
        annex.image.save(f"{uuid.uuid4().hex}.{extension}", image, save=False)
        try:
            annex.full_clean(exclude=["image"])
            annex.save()
        except Exception:
            annex.image.delete(save=False)
            raise
    return annex


def annex_update(
    *, memo: Memo, user, expected_version: int, annex: MemoAnnex, caption: str
) -> MemoAnnex:
    """Change the caption of a figure."""
    note = _("Figure caption changed: %(caption)s") % {"caption": _short(caption.strip())}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        annex = _still_there(MemoAnnex, annex, saving["memo"])
        annex.caption = caption.strip()
        annex.full_clean(exclude=["image"])
        annex.save(update_fields=["caption"])
    return annex


def annex_delete(*, memo: Memo, user, expected_version: int, annex: MemoAnnex) -> None:
    """Remove a figure from the annex; its file is deleted once the removal is committed."""
    note = _("Figure removed: %(caption)s") % {"caption": _short(annex.caption)}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        current = _still_there(MemoAnnex, annex, locked)
        storage, name = current.image.storage, current.image.name
        current.delete()
        _renumber(list(locked.annexes.order_by("order", "id")))
        transaction.on_commit(lambda: storage.delete(name))


def annex_move(
    *, memo: Memo, user, expected_version: int, annex: MemoAnnex, direction: str
) -> None:
    """Move a figure one place up or down."""
    note = (
        _("Figure moved up: %(caption)s")
        if direction == "up"
        else _("Figure moved down: %(caption)s")
    ) % {"caption": _short(annex.caption)}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        _move(locked.annexes, _still_there(MemoAnnex, annex, locked), direction)


# --- versions ---------------------------------------------------------------------------


def memo_restore(*, memo: Memo, user, expected_version: int, number: int) -> MemoVersion:
    """Make a new version whose content is that of version `number`.

    Header, introduction, sections and proposed decisions are replaced by the old ones;
    figures still in the annex get their old captions back (a removed image cannot come
    back: the snapshot holds captions only). History is never deleted.
    """
    old = MemoVersion.objects.filter(memo=memo, number=number).first()
    if old is None:
        raise ValidationError(_("This memo has no version %(number)s.") % {"number": number})
    content = old.content
    note = _("Version %(number)s restored") % {"number": number}
    with _saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        before = {field: getattr(locked, field) for field in HEADER_FIELDS}
        body = Body.objects.filter(pk=(content.get("body") or {}).get("id")).first()
        if body is not None:
            locked.body = body
        locked.title = content.get("title", locked.title)
        locked.author = content.get("author", locked.author)
        with suppress(TypeError, ValueError):
            locked.memo_date = datetime.date.fromisoformat(content.get("memo_date", ""))
        locked.introduction = content.get("introduction", "")
        locked.full_clean(exclude=["created_by"])
        locked.save()

        locked.sections.all().delete()
        MemoSection.objects.bulk_create(
            MemoSection(memo=locked, order=index, **{f: part.get(f, "") for f in SECTION_FIELDS})
            for index, part in enumerate(content.get("sections", []))
        )
        _delete_decisions(list(locked.decisions.all()))
        ProposedDecision.objects.bulk_create(
            ProposedDecision(
                memo=locked,
                order=index,
                kind=part.get("kind") or ProposedDecision.Kind.APPROVE,
                text=part.get("text", ""),
            )
            for index, part in enumerate(content.get("decisions", []))
        )
        captions = {part.get("id"): part.get("caption", "") for part in content.get("annexes", [])}
        for annex in locked.annexes.all():
            if captions.get(annex.pk) and captions[annex.pk] != annex.caption:
                annex.caption = captions[annex.pk]
                annex.save(update_fields=["caption"])

        after = {field: getattr(locked, field) for field in HEADER_FIELDS}
        audit_record(
            actor=user,
            instance=locked,
            action="memo.restored",
            changes={
                "version": [str(expected_version), str(expected_version + 1)],
                "restored_from": ["", str(number)],
                **{
                    field: [str(before[field]), str(after[field])]
                    for field in HEADER_FIELDS
                    if before[field] != after[field]
                },
            },
            group=audit_group("memo", locked.pk),
        )
    return MemoVersion.objects.get(memo=memo, number=memo.version)
