"""Restoring an earlier version of a memo: the restore is itself a new version, so no
history is ever lost."""

import datetime
from contextlib import suppress

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.cache import touch
from governance.models import Body, Memo, MemoSection, MemoVersion, ProposedDecision
from governance.services.memo_parts import decisions_delete_all
from governance.services.memos import (
    HEADER_FIELDS,
    SECTION_FIELDS,
    memo_saving,
)


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
    with memo_saving(memo, user=user, expected_version=expected_version, note=note) as saving:
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

        sections = [
            MemoSection(memo=locked, order=index, **{f: part.get(f, "") for f in SECTION_FIELDS})
            for index, part in enumerate(content.get("sections", []))
        ]
        for index, section in enumerate(sections, start=1):
            # A version saved before memo text was bounded may hold text the page
            # cannot lay out: it stays in the history, but does not come back as a draft.
            try:
                section.full_clean(exclude=["memo"])
            except ValidationError as error:
                raise ValidationError(
                    _("Section %(n)s of version %(number)s cannot be restored: %(problem)s")
                    % {"n": index, "number": number, "problem": " ".join(error.messages)}
                ) from None
        locked.sections.all().delete()
        MemoSection.objects.bulk_create(sections)
        decisions_delete_all(list(locked.decisions.all()))
        ProposedDecision.objects.bulk_create(
            ProposedDecision(
                memo=locked,
                order=index,
                kind=part.get("kind") or ProposedDecision.Kind.APPROVE,
                text=part.get("text", ""),
            )
            for index, part in enumerate(content.get("decisions", []))
        )
        touch(MemoSection, ProposedDecision)  # bulk writes send no signal (avk.cache)
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
