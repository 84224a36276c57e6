"""RESULTS.md is shared by the bench scripts: each writes its own sections into it."""

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def replace_section(text: str, heading: str, *old_headings: str) -> None:
    """Put `text` (starting with `heading`) at the end of RESULTS.md, instead of an earlier
    section under the same heading (or one of `old_headings`)."""
    current = RESULTS.read_text() if RESULTS.exists() else ""
    for name in [heading, *old_headings]:
        start = current.find(name)
        if start != -1:
            following = current.find("\n## ", start + len(name))
            rest = current[following + 1 :] if following != -1 else ""
            current = current[:start].rstrip() + ("\n\n" + rest if rest else "")
    RESULTS.write_text(current.rstrip() + "\n\n" + text)
