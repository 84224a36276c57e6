"""Reads of the library: the list a person may see, and a document's versions."""

from django.db.models import QuerySet

from library.access import documents_visible_to
from library.models import DocumentVersion, LibraryDocument


def document_list(user, *, category: str = "") -> QuerySet[LibraryDocument]:
    """The documents `user` may see, optionally of one category, with the current version
    in the same query."""
    documents = documents_visible_to(user).select_related("current_version")
    if category in LibraryDocument.Category.values:
        documents = documents.filter(category=category)
    return documents.order_by("category", "title", "id")


def document_versions(document: LibraryDocument) -> QuerySet[DocumentVersion]:
    """Every version of a document, the newest first, with who uploaded it."""
    return document.versions.select_related("uploaded_by").order_by("-number")
