"""The statements that write a reflection's rows, built once from the field table.

Why a module of their own: both writers need them, ``records`` (one
reflection at a time) and ``bulk_load`` (an import's batches), and the
import's writer process must not import the model. They are built from
``field_table``, the copy of the field table that a test holds equal to the
model's (``tests/test_journal_fields.py``), so there is one home for them.
"""

from __future__ import annotations

from reflect_tui.core.journal.field_table import CHILDREN, SCALARS

COLUMNS = tuple(f.column for f in SCALARS)
INSERT_SQL = (
    f"INSERT INTO reflections ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
)
INSERT_SEQ_SQL = (
    f"INSERT INTO reflections (seq, {', '.join(COLUMNS)})"
    f" VALUES ({', '.join('?' * (len(COLUMNS) + 1))})"
)
UPSERT_SQL = (
    INSERT_SQL
    + " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "id")
)
# Child rows are (reflection_seq, position, *columns).
CHILD_INSERT = {
    child.name: f"INSERT INTO {child.table} (reflection_seq, position,"
    f" {', '.join(f.column for f in child.fields)})"
    f" VALUES ({', '.join('?' * (len(child.fields) + 2))})"
    for child in CHILDREN
}
