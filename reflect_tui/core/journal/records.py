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
from operator import attrgetter
from typing import Any

from reflect_tui.core.journal import fts
from reflect_tui.core.journal.fields import CHILDREN, SCALARS, Children
from reflect_tui.core.journal.kinds import Kind
from reflect_tui.core.journal.model import STATUSES, Reflection, new_reflection_id
from reflect_tui.core.journal.row_sql import CHILD_INSERT, COLUMNS, UPSERT_SQL

__all__ = [
    "Reflection",
    "check_reflection",
    "load_reflections",
    "new_reflection_id",
    "write_reflection",
]

ROW_COLS = "seq, " + ", ".join(COLUMNS)

# Kinds whose stored form differs from the model's (text passes through as it is).
_FROM_DB = tuple((f.name, f.kind.from_db) for f in SCALARS)


def check_reflection(reflection: Reflection) -> None:
    if reflection.status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    for rating in reflection.principles:
        if rating.rating is not None and not 1 <= rating.rating <= 5:
            raise ValueError("principle rating must be 1..5 or None")


_GET_SCALARS = attrgetter(*(f.name for f in SCALARS))
# Only the columns whose kind stores something else than the model's value (dates,
# timestamps, lists, flags) are converted; text passes through as it is.
_SCALAR_CONVERTERS = tuple(
    (i, f.kind.to_db) for i, f in enumerate(SCALARS) if type(f.kind).to_db is not Kind.to_db
)


def _row(r: Reflection) -> list[Any]:
    values = list(_GET_SCALARS(r))
    for i, convert in _SCALAR_CONVERTERS:
        values[i] = convert(values[i])
    return values


def _child_writer(child: Children) -> Any:
    """``rows(seq, items)``: the child table's rows for one reflection's list.

    Built once per table from the field table, so an import does no generic
    per-value lookups: a value whose kind stores it unchanged (text) is
    read with a plain attribute getter, the others go through their kind.
    """
    get = attrgetter(*(f.name for f in child.fields))
    single = len(child.fields) == 1
    converters = [
        (i, f.kind.to_db)
        for i, f in enumerate(child.fields)
        if type(f.kind).to_db is not Kind.to_db
    ]

    def rows(seq: int, items: Sequence[Any]) -> list[tuple[Any, ...]]:
        out = []
        for position, item in enumerate(items):
            values = [get(item)] if single else list(get(item))
            for i, convert in converters:
                values[i] = convert(values[i])
            out.append((seq, position, *values))
        return out

    return rows


_CHILD_ROWS = {child.name: _child_writer(child) for child in CHILDREN}


def write_reflection(conn: sqlite3.Connection, r: Reflection) -> int:
    """Insert or fully replace one reflection with its children and index row; its seq."""
    values = _row(r)
    found = conn.execute("SELECT seq FROM reflections WHERE id = ?", (r.id,)).fetchone()
    if found is not None:
        fts.forget(conn, found[0])  # before the rows change: see fts.py
    cursor = conn.execute(UPSERT_SQL, values)
    seq = int(found[0] if found is not None else cursor.lastrowid or 0)
    for child in CHILDREN:
        if found is not None:
            conn.execute(f"DELETE FROM {child.table} WHERE reflection_seq = ?", (seq,))
        items = getattr(r, child.name)
        if items:
            conn.executemany(CHILD_INSERT[child.name], _CHILD_ROWS[child.name](seq, items))
    fts.index(conn, seq)
    return seq


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
    by_seq: dict[int, Reflection] = {}
    result: list[Reflection] = []
    for row in rows:
        r = Reflection(
            **{name: from_db(v) for (name, from_db), v in zip(_FROM_DB, row[1:], strict=True)}
        )
        by_seq[row[0]] = r
        result.append(r)
    if len(rows) <= 500:
        marks = ", ".join("?" * len(by_seq))
        scope, scope_params = f"WHERE reflection_seq IN ({marks})", list(by_seq)
    else:
        scope, scope_params = "", []
    for child in CHILDREN:
        columns = ", ".join(f.column for f in child.fields)
        decoders = [f.kind.from_db for f in child.fields]
        item = child.item
        for seq, *values in conn.execute(
            f"SELECT reflection_seq, {columns} FROM {child.table} {scope}"
            " ORDER BY reflection_seq, position",
            scope_params,
        ):
            if seq in by_seq:
                getattr(by_seq[seq], child.name).append(
                    item(*(decode(v) for decode, v in zip(decoders, values, strict=True)))
                )
    return result
