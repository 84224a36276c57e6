"""Placeholder: the decision-list PDF kind (issue 4, decision list work)."""

KINDS = []
