"""The field table as the streamed JSON export reads it: a copy kept equal by a test.

Why a copy: the table is read from the model's dataclasses (``fields``), and
importing ``dataclasses`` (with ``inspect``, ``ast``, ``tokenize``) and
making the model's classes was ~56 M instructions of a ``reflect export``
process at 1,000 reflections (an eighth of it), for a table that changes only
when a field is added. The declarations stay in ``model`` (the one place a
field is declared); ``tests/test_journal_fields.py`` fails when this copy
differs from what ``fields`` reads there and prints the lines to put here
(``fields.export_table_source()``).

A child list here is a ``ChildTable``: a ``fields.Children`` without the
record class, which only the readers need.
"""

from __future__ import annotations

from reflect_tui.core.journal import kinds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple
else:  # typing is kept off the path of ``reflect export`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

# The interchange document's name and version (``interchange`` re-exports them).
FORMAT_NAME = "reflect-journal"
FORMAT_VERSION = 1


class Field(NamedTuple):
    """One value: attribute and interchange key ``name``, SQLite ``column``."""

    name: str
    column: str
    kind: kinds.Kind
    required: bool
    search: bool
    omit_none: bool
    nonempty: bool


class ChildTable(NamedTuple):
    """A list of child records (answers, ratings, steps) in a table of their own."""

    name: str
    table: str
    fields: tuple[Field, ...]
    omit_empty: bool


# Every field of a reflection in interchange order (generated: fields.export_table_source()).
REFLECTION: tuple[Field | ChildTable, ...] = (
    Field("id", "id", kinds.ID, True, False, False, False),
    Field("title", "title", kinds.TEXT, True, False, False, False),
    Field("case_kind", "case_kind", kinds.OPTIONAL_TEXT, False, False, False, False),
    Field("occurred_on", "occurred_on", kinds.DAY, True, False, False, False),
    Field("created_at", "created_at", kinds.TIMESTAMP, True, False, False, False),
    Field("updated_at", "updated_at", kinds.TIMESTAMP, True, False, False, False),
    Field("status", "status", kinds.STATUS, True, False, False, False),
    Field("practices", "practices", kinds.TEXT_LIST, False, False, False, False),
    ChildTable(
        "answers",
        "answers",
        (
            Field("practice", "practice", kinds.TEXT, True, False, False, False),
            Field("step", "step", kinds.TEXT, True, False, False, True),
            Field("prompt", "prompt", kinds.TEXT, False, False, False, False),
            Field("text", "text", kinds.TEXT, True, True, False, False),
            Field("prompt_id", "prompt_id", kinds.OPTIONAL_TEXT, False, False, True, False),
        ),
        False,
    ),
    ChildTable(
        "principles",
        "principle_ratings",
        (
            Field("id", "principle", kinds.TEXT, True, False, False, False),
            Field("rating", "rating", kinds.RATING, False, False, False, False),
            Field("note", "note", kinds.TEXT, False, True, False, False),
        ),
        False,
    ),
    Field("barriers", "barriers", kinds.TEXT_LIST, False, False, False, False),
    Field("helps", "helps", kinds.TEXT_LIST, False, False, False, False),
    Field("insight", "insight", kinds.TEXT, False, True, False, False),
    ChildTable(
        "next_steps",
        "next_steps",
        (
            Field("text", "text", kinds.TEXT, True, True, False, False),
            Field("due", "due", kinds.OPTIONAL_DAY, False, False, False, False),
            Field("done", "done", kinds.FLAG, False, False, False, False),
        ),
        False,
    ),
    Field("tags", "tags", kinds.TEXT_LIST, False, True, False, False),
    Field("notes", "notes", kinds.TEXT, False, True, False, False),
    Field("who", "who", kinds.TEXT, False, True, False, False),
    Field("what_happened", "what_happened", kinds.TEXT, False, True, False, False),
    Field("barrier_note", "barrier_note", kinds.TEXT, False, True, False, False),
    Field("help_note", "help_note", kinds.TEXT, False, True, False, False),
    Field("involve", "involve", kinds.TEXT, False, True, False, False),
    Field("content_version", "content_version", kinds.TEXT, False, False, False, False),
    ChildTable(
        "tips",
        "reflection_tips",
        (
            Field("tip", "tip_id", kinds.TEXT, True, False, False, True),
            Field("rank", "rank", kinds.COUNT, True, False, False, False),
            Field("reasons", "reasons", kinds.TEXT_LIST, False, False, False, False),
        ),
        True,
    ),
)
SCALARS: tuple[Field, ...] = tuple(f for f in REFLECTION if isinstance(f, Field))
CHILDREN: tuple[ChildTable, ...] = tuple(f for f in REFLECTION if isinstance(f, ChildTable))
