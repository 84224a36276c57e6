"""Placeholder: filled in by the meetings work of issue 4."""

urlpatterns = []
