"""Comparing two saved versions of a memo, field by field."""

import difflib

from django.utils.translation import gettext as _

from governance.models import ProposedDecision


def snapshot_fields(content: dict) -> list[tuple[str, str]]:
    """A snapshot as (label, text) pairs, in memo order, for comparing."""
    fields = [
        (_("To"), (content.get("body") or {}).get("name", "")),
        (_("Title"), content.get("title", "")),
        (_("Drafted by"), content.get("author", "")),
        (_("Date"), content.get("memo_date", "")),
        (_("Introduction"), content.get("introduction", "")),
    ]
    for index, section in enumerate(content.get("sections", []), start=1):
        prefix = _("Section %(n)s") % {"n": index}
        fields += [
            (f"{prefix}: {_('title')}", section.get("title", "")),
            (f"{prefix}: {_('text')}", section.get("text", "")),
            (f"{prefix}: {_('inputs')}", section.get("inputs", "")),
            (f"{prefix}: {_('summary points')}", section.get("summary", "")),
        ]
    kinds = dict(ProposedDecision.Kind.choices)
    for index, decision in enumerate(content.get("decisions", []), start=1):
        fields.append(
            (
                _("Proposed decision %(n)s") % {"n": index},
                f"{kinds.get(decision.get('kind'), decision.get('kind', ''))}: "
                f"{decision.get('text', '')}",
            )
        )
    for index, annex in enumerate(content.get("annexes", []), start=1):
        fields.append((_("Figure %(n)s") % {"n": index}, annex.get("caption", "")))
    return fields


def compare_snapshots(old: dict, new: dict, old_label: str, new_label: str) -> list[dict]:
    """Per field that differs: a unified diff (difflib), as lines with their kind."""
    old_fields, new_fields = snapshot_fields(old), snapshot_fields(new)
    old_map, new_map = dict(old_fields), dict(new_fields)
    labels = [label for label, _text in new_fields]
    labels += [label for label, _text in old_fields if label not in new_map]
    changes = []
    for label in labels:
        before, after = old_map.get(label, ""), new_map.get(label, "")
        if before == after:
            continue
        lines = []
        for line in difflib.unified_diff(
            str(before).splitlines(),
            str(after).splitlines(),
            fromfile=old_label,
            tofile=new_label,
            lineterm="",
            n=2,
        ):
            if line.startswith(("---", "+++")):
                continue
            kind = {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "same")
            lines.append({"kind": kind, "text": line})
        changes.append({"label": label, "lines": lines})
    return changes
