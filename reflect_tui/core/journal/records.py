"""Whole reflections in and out of the database: rows to model objects and back.

Built from the field table (``fields``): the row's columns, the child
tables and the search text all come from the model's declarations, so a
new field needs no change here.

Kept apart from ``store`` so the store (and with it the home screen's first
frame, which only counts and lists) does not import the full model; the
store's methods that read or write whole reflections import this module
when first called. Every function runs inside a connection the store
already holds (and, for writes, inside its transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from reflect_tui.core.journal import fts
from reflect_tui.core.journal.fields import CHILDREN, SCALARS, Children
from reflect_tui.core.journal.model import STATUSES, Reflection, new_reflection_id

__all__ = [
    "Reflection",
    "check_reflection",
    "insert_new",
    "load_reflections",
    "new_reflection_id",
    "write_reflection",
]

_COLUMNS = tuple(f.column for f in SCALARS)
ROW_COLS = "seq, " + ", ".join(_COLUMNS)
INSERT_SQL = (
    f"INSERT INTO reflections ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
)
UPSERT_SQL = (
    INSERT_SQL
    + " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "id")
)
# Kinds whose stored form differs from the model's (text passes through as it is).
_TO_DB = tuple(f.kind.to_db for f in SCALARS)
_FROM_DB = tuple((f.name, f.kind.from_db) for f in SCALARS)


def check_reflection(reflection: Reflection) -> None:
    if reflection.status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    for rating in reflection.principles:
        if rating.rating is not None and not 1 <= rating.rating <= 5:
            raise ValueError("principle rating must be 1..5 or None")


def _row(r: Reflection) -> list[Any]:
    return [to_db(getattr(r, f.name)) for f, to_db in zip(SCALARS, _TO_DB, strict=True)]


def _child_rows(child: Children, rid: str, items: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [
        (rid, i, *(f.kind.to_db(getattr(item, f.name)) for f in child.fields))
        for i, item in enumerate(items)
    ]


def _insert_sql(child: Children) -> str:
    columns = ", ".join(f.column for f in child.fields)
    marks = ", ".join("?" * (len(child.fields) + 2))
    return f"INSERT INTO {child.table} (reflection_id, position, {columns}) VALUES ({marks})"


def write_reflection(conn: sqlite3.Connection, r: Reflection) -> None:
    """Insert or fully replace one reflection with its children and index row."""
    values = _row(r)
    found = conn.execute("SELECT seq FROM reflections WHERE id = ?", (r.id,)).fetchone()
    if found is not None:
        fts.forget(conn, found[0])  # before the rows change: see fts.py
    cursor = conn.execute(UPSERT_SQL, values)
    seq = int(found[0] if found is not None else cursor.lastrowid or 0)
    for child in CHILDREN:
        _replace_children(conn, child, r.id, getattr(r, child.name), fresh=found is None)
    fts.index(conn, seq)


def _replace_children(
    conn: sqlite3.Connection, child: Children, rid: str, items: Sequence[Any], fresh: bool
) -> None:
    """Write one list of child records (``fresh``: none exist yet, skip the delete)."""
    if not fresh:
        conn.execute(f"DELETE FROM {child.table} WHERE reflection_id = ?", (rid,))
    if items:
        conn.executemany(_insert_sql(child), _child_rows(child, rid, items))


def insert_new(conn: sqlite3.Connection, batch: Sequence[Reflection]) -> list[int]:
    """Insert reflections known to be absent, children of the whole batch at once.

    The bulk path of an import: one ``executemany`` per table per batch
    instead of five statements per reflection. Returns the new rows' ``seq``
    for the search index (``fts.index_many``).
    """
    conn.executemany(INSERT_SQL, [_row(r) for r in batch])
    for child in CHILDREN:
        conn.executemany(
            _insert_sql(child),
            [row for r in batch for row in _child_rows(child, r.id, getattr(r, child.name))],
        )
    marks = ", ".join("?" * len(batch))
    rows = conn.execute(f"SELECT seq FROM reflections WHERE id IN ({marks})", [r.id for r in batch])
    return [int(seq) for (seq,) in rows]


def load_reflections(
    conn: sqlite3.Connection, tail: str, params: Sequence[Any]
) -> list[Reflection]:
    """Reflections selected by ``tail`` (a WHERE/ORDER/LIMIT clause), children attached.

    Children are fetched with one query per table for the whole selection,
    so exporting 10,000 reflections costs four queries, not 40,000.
    """
    rows = conn.execute(f"SELECT {ROW_COLS} FROM reflections {tail}", params).fetchall()
    if not rows:
        return []
    by_id: dict[str, Reflection] = {}
    result: list[Reflection] = []
    for row in rows:
        r = Reflection(
            **{name: from_db(v) for (name, from_db), v in zip(_FROM_DB, row[1:], strict=True)}
        )
        by_id[r.id] = r
        result.append(r)
    if len(rows) <= 500:
        marks = ", ".join("?" * len(by_id))
        scope, scope_params = f"WHERE reflection_id IN ({marks})", list(by_id)
    else:
        scope, scope_params = "", []
    for child in CHILDREN:
        columns = ", ".join(f.column for f in child.fields)
        decoders = [f.kind.from_db for f in child.fields]
        item = child.item
        for rid, *values in conn.execute(
            f"SELECT reflection_id, {columns} FROM {child.table} {scope}"
            " ORDER BY reflection_id, position",
            scope_params,
        ):
            if rid in by_id:
                getattr(by_id[rid], child.name).append(
                    item(*(decode(v) for decode, v in zip(decoders, values, strict=True)))
                )
    return result
