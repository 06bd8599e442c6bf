"""Labels (a reflection's ``tags``) typed as one comma-separated line.

Why one rule in core: the guided flow's label field, and any later front
end, must store the same labels for the same typing, or the journal's label
filter, ``reflect list --tag`` and search would see ``Bomen`` and ``bomen``
as two labels. A label is trimmed, inner runs of spaces become one, a
leading ``#`` (a habit from other apps) goes, and it is lower-cased; empty
and repeated labels are left out, the order kept. Bounds keep a paste from
making a label list nobody can read (``MAX_TAGS``, ``MAX_TAG_LENGTH``).
Imported labels are not rewritten: they are stored as the file says.
"""

from __future__ import annotations

MAX_TAGS = 20
MAX_TAG_LENGTH = 40
SEPARATORS = ",;\n"


def normalise_tag(text: str) -> str:
    """One label as stored: ``"  #Groene   straat "`` -> ``"groene straat"``."""
    words = text.split()
    label = " ".join(words).lstrip("#").strip().lower()
    return label[:MAX_TAG_LENGTH].rstrip()


def parse_tags(text: str) -> list[str]:
    """The labels in a typed line: ``"Bomen, lindelaan,, bomen"`` -> ``["bomen", "lindelaan"]``."""
    for separator in SEPARATORS[1:]:
        text = text.replace(separator, SEPARATORS[0])
    labels: dict[str, None] = {}
    for part in text.split(SEPARATORS[0]):
        label = normalise_tag(part)
        if label:
            labels.setdefault(label, None)
        if len(labels) >= MAX_TAGS:
            break
    return list(labels)


def tags_text(tags: list[str]) -> str:
    """Labels as the field shows them for editing: ``bomen, lindelaan``."""
    return ", ".join(tags)
