"""Placeholder: filled in by the decisions work of issue 4."""

urlpatterns = []
