"""Hypothesis values for fuzzing a form: any text, numbers, and the values that break
naive parsing (impossible dates, huge numbers, markup)."""

from hypothesis import strategies as st


def garbage(*extra: str):
    """Form values to fuzz with; `extra` adds values that mean something to the form."""
    return st.one_of(
        st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
        st.integers().map(str),
        st.sampled_from(["", "2026-02-30", "99999-01-01", "-1", "9" * 30, "<script>", *extra]),
    )
