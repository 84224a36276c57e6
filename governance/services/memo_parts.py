"""Writes of the memo editor's ordered parts: sections, proposed decisions, annex figures.

Each change goes through `memo_saving()` (governance.services.memos): the memo row is
locked, a stale page is refused, and the change becomes a new memo version.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from governance.models import Memo, MemoAnnex, MemoSection, ProposedDecision
from governance.services.memos import (
    clean_lines,
    memo_saving,
    short_text,
)


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


def _siblings(memo: Memo, model):
    """The memo's parts of the same kind as `model` (its sections, decisions or annexes)."""
    return model.objects.filter(memo=memo)


def _part_save(*, memo: Memo, user, expected_version: int, note: str, model, item, values: dict):
    """Add a part at the end of the memo (`item` None) or change one, as a new version."""
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        if item is None:
            item = model(memo=locked, order=_next_order(_siblings(locked, model)))
        else:
            item = _still_there(model, item, locked)
        for field, value in values.items():
            setattr(item, field, value)
        item.full_clean()
        item.save()
    return item


def _part_move(*, memo: Memo, user, expected_version: int, note: str, item, direction: str):
    """Move a part one place up or down among its siblings, as a new version."""
    model = type(item)
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        _move(_siblings(locked, model), _still_there(model, item, locked), direction)


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
        "inputs": clean_lines(inputs),
        "summary": clean_lines(summary),
    }
    note = (
        _("Section added: %(title)s") if section is None else _("Section changed: %(title)s")
    ) % {"title": short_text(values["title"])}
    return _part_save(
        memo=memo,
        user=user,
        expected_version=expected_version,
        note=note,
        model=MemoSection,
        item=section,
        values=values,
    )


def section_delete(*, memo: Memo, user, expected_version: int, section: MemoSection) -> None:
    """Remove a section from a draft memo (its text stays in the earlier versions)."""
    note = _("Section removed: %(title)s") % {"title": short_text(section.title)}
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
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
    ) % {"title": short_text(section.title)}
    _part_move(
        memo=memo,
        user=user,
        expected_version=expected_version,
        note=note,
        item=section,
        direction=direction,
    )


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
    ) % {"text": short_text(values["text"])}
    return _part_save(
        memo=memo,
        user=user,
        expected_version=expected_version,
        note=note,
        model=ProposedDecision,
        item=decision,
        values=values,
    )


def decisions_delete_all(decisions) -> None:
    """Remove proposed decisions; refused while an action item comes from one of them."""
    try:
        for decision in decisions:
            decision.delete()
    except ProtectedError:
        raise ValidationError(
            _("An action item comes from this proposed decision: it cannot be removed.")
        ) from None


def decision_delete(*, memo: Memo, user, expected_version: int, decision: ProposedDecision) -> None:
    """Remove a proposed decision from a draft memo."""
    note = _("Proposed decision removed: %(text)s") % {"text": short_text(decision.text)}
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        locked = saving["memo"]
        decisions_delete_all([_still_there(ProposedDecision, decision, locked)])
        _renumber(list(locked.decisions.order_by("order", "id")))


def decision_move(
    *, memo: Memo, user, expected_version: int, decision: ProposedDecision, direction: str
) -> None:
    """Move a proposed decision one place up or down."""
    note = (
        _("Proposed decision moved up: %(text)s")
        if direction == "up"
        else _("Proposed decision moved down: %(text)s")
    ) % {"text": short_text(decision.text)}
    _part_move(
        memo=memo,
        user=user,
        expected_version=expected_version,
        note=note,
        item=decision,
        direction=direction,
    )


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
    note = _("Figure added: %(caption)s") % {"caption": short_text(caption.strip())}
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
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
    note = _("Figure caption changed: %(caption)s") % {"caption": short_text(caption.strip())}
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
        annex = _still_there(MemoAnnex, annex, saving["memo"])
        annex.caption = caption.strip()
        annex.full_clean(exclude=["image"])
        annex.save(update_fields=["caption"])
    return annex


def annex_delete(*, memo: Memo, user, expected_version: int, annex: MemoAnnex) -> None:
    """Remove a figure from the annex; its file is deleted once the removal is committed."""
    note = _("Figure removed: %(caption)s") % {"caption": short_text(annex.caption)}
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
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
    ) % {"caption": short_text(annex.caption)}
    _part_move(
        memo=memo,
        user=user,
        expected_version=expected_version,
        note=note,
        item=annex,
        direction=direction,
    )
