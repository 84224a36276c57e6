"""Placeholder: filled in by the memos work of issue 4."""

urlpatterns = []
