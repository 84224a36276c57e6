"""Placeholder: filled in by the voting work of issue 4."""

urlpatterns = []
