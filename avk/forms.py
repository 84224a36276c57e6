from django import forms


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but an id beyond the database's integer range is an invalid choice.

    On SQLite such an id raises OverflowError inside the lookup (a 500) instead of the
    field's own "not a valid value" message.
    """

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_pk_value"],
                code="invalid_pk_value",
                params={"pk": "…"},
            ) from None


MAX_ID = 2**63 - 1  # the largest id a BigAutoField (and SQLite) can hold


def parse_id(value) -> int | None:
    """An id from a query string, or None for anything that cannot be one (no 500s)."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0 < number <= MAX_ID else None
