"""Single-line text as the portal stores it: without Unicode bidirectional controls."""

from django.db import models

# Unicode bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates
# (U+2066-U+2069) and the marks (U+200E, U+200F, U+061C). In a name or a title they make
# "\u202eexe.doc" read "cod.exe" on a page or in a PDF; Dutch and English text never needs
# them, so single-line text and file names lose them.
BIDI_CONTROLS = frozenset(
    chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)
_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))


def without_bidi_controls(text: str) -> str:
    """`text` without Unicode bidirectional controls."""
    return text.translate(_NO_BIDI)


def neutralise_bidi_controls(instance: models.Model) -> None:
    """Remove bidirectional controls from every single-line text field (CharField and
    its kinds) of a model instance. Runs before every save (avk.apps); call it on objects
    that are saved with bulk_create() or bulk_update(), which skip that."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, without_bidi_controls(value))
