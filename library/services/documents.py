"""Writes of the library: documents and their versions. Only staff call these (the views
ask library.access first); the uploaded file has been checked by library.uploads."""

import uuid
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import transaction

from avk.audit import audit_group, audit_record, diff
from avk.text import without_bidi_controls
from library.models import DocumentVersion, LibraryDocument
from library.uploads import DOCUMENT_TYPES

EDITABLE_FIELDS = ["title", "category", "description", "visibility"]


def _clean_name(name: str, extension: str) -> str:
    """The name people see when they download: the uploaded one without folders or
    bidirectional controls, short enough to store, always with its real extension."""
    stem = PurePosixPath(without_bidi_controls(name or "").replace("\\", "/")).stem.strip()
    stem = "".join(ch for ch in stem if ch.isprintable() and ch not in '"<>|:*?')[:150]
    return f"{stem or 'document'}.{extension}"


def _add_version(*, user, document: LibraryDocument, upload, extension: str, note: str):
    if extension not in DOCUMENT_TYPES:
        raise ValidationError({"file": "Unknown file type."})
    last = document.versions.order_by("-number").values_list("number", flat=True).first()
    version = DocumentVersion(
        document=document,
        number=(last or 0) + 1,
        original_name=_clean_name(upload.name, extension),
        extension=extension,
        size=upload.size or 0,
        note=note.strip(),
        uploaded_by=user,
    )
    upload.seek(0)
    version.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
    try:
        version.full_clean(exclude=["file", "document"])
        version.save()
    except Exception:
        version.file.delete(save=False)
        raise
    document.current_version = version
    document.save(update_fields=["current_version", "updated_at"])
    return version


def document_create(
    *,
    user,
    title: str,
    category: str,
    description: str,
    visibility: str,
    upload,
    extension: str,
    note: str = "",
) -> LibraryDocument:
    """A new library document with its first version."""
    with transaction.atomic():
        document = LibraryDocument(
            title=title.strip(),
            category=category,
            description=description.strip(),
            visibility=visibility,
        )
        document.full_clean()
        document.save()
        version = _add_version(
            user=user, document=document, upload=upload, extension=extension, note=note
        )
        audit_record(
            actor=user,
            instance=document,
            action="library.document_added",
            changes={"version": ["", str(version.number)]},
            group=audit_group("library", document.pk),
        )
    return document


def document_update(*, user, document: LibraryDocument, **values) -> LibraryDocument:
    """Change a document's title, category, description or visibility."""
    with transaction.atomic():
        locked = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        values = {key: value for key, value in values.items() if key in EDITABLE_FIELDS}
        for key in ("title", "description"):
            if key in values:
                values[key] = values[key].strip()
        changes = diff(locked, EDITABLE_FIELDS, values)
        for key, value in values.items():
            setattr(locked, key, value)
        locked.full_clean()
        locked.save()
        if changes:
            audit_record(
                actor=user,
                instance=locked,
                action="library.document_changed",
                changes=changes,
                group=audit_group("library", locked.pk),
            )
    return locked


def version_add(
    *, user, document: LibraryDocument, upload, extension: str, note: str = ""
) -> DocumentVersion:
    """A new version of a document; it becomes the current one, the older ones stay."""
    with transaction.atomic():
        # Locked, so two uploads at once get numbers one after the other.
        locked = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        version = _add_version(
            user=user, document=locked, upload=upload, extension=extension, note=note
        )
        audit_record(
            actor=user,
            instance=locked,
            action="library.version_added",
            changes={"version": [str(version.number - 1), str(version.number)]},
            group=audit_group("library", locked.pk),
        )
    return version
