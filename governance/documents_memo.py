"""Placeholder: the memo PDF kind (issue 4, memo editor work)."""

KINDS = []
