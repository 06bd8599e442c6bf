"""Keeping the full-text index in step with the tables.

Why one index row per reflection (keyed by ``reflections.seq``): a search
for several words must match a reflection whose words are spread over its
title, answers and notes, which per-answer rows could not do. The row is
changed inside the same transaction as every change, so search is never
out of date and a crash never leaves the index behind the data.

Why external content (schema 3): a contentful FTS table keeps a second full
copy of every text, more than a third of the file. Now the index stores
only its terms and reads the text, for snippets, from the view
``reflection_fts_source`` (see ``migrations.V3_FTS_SOURCE``). The price is
a rule every writer must keep: an external-content index forgets a row only
when told the exact text it indexed, so ``forget`` runs BEFORE the tables
change and ``index`` after. ``erase`` and ``optimize`` then make sure a
deleted reflection's words are in no index segment.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_SOURCE = "SELECT seq, title, body FROM reflection_fts_source"


def forget(conn: sqlite3.Connection, seq: int) -> None:
    """Take one reflection out of the index (call before its rows change)."""
    conn.execute(
        "INSERT INTO reflection_fts (reflection_fts, rowid, title, body)"
        f" SELECT 'delete', seq, title, body FROM ({_SOURCE} WHERE seq = ?)",
        (seq,),
    )


def index(conn: sqlite3.Connection, seq: int) -> None:
    """Add one reflection to the index (call after its rows are written)."""
    conn.execute(
        f"INSERT INTO reflection_fts (rowid, title, body) {_SOURCE} WHERE seq = ?",
        (seq,),
    )


def index_many(conn: sqlite3.Connection, seqs: Sequence[int]) -> None:
    """Add several reflections in one statement (bulk import)."""
    for start in range(0, len(seqs), 500):
        chunk = seqs[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        conn.execute(
            f"INSERT INTO reflection_fts (rowid, title, body) {_SOURCE} WHERE seq IN ({marks})",
            list(chunk),
        )


# The parts of the index's ``body`` in the view's order: scalar fields, then the
# texts of child records ("list.attribute"); a list field (tags) adds each item.
# ``body_of`` and the bulk import (``import_rows``) both build the text from this.
BODY = (
    "who",
    "what_happened",
    "barrier_note",
    "help_note",
    "insight",
    "involve",
    "notes",
    "tags",
    "answers.text",
    "principles.note",
    "next_steps.text",
)


def body_of(r: Any) -> str | None:
    """The ``body`` the view ``reflection_fts_source`` gives for reflection ``r``.

    For the bulk import: the text is built here from the objects in hand
    instead of being read back through the view (half the index's cost).
    It must be exactly the view's text, in the view's order (``BODY``:
    scalars, tags, answers, rating notes, step texts; empty parts left out),
    or a later ``forget`` would not remove every term: FTS5's
    ``integrity-check`` compares the index with the view, and the tests run
    it after imports. None when a part holds a NUL character: SQLite's JSON
    and string functions cut text there, so only the view itself knows its text.
    """
    parts: list[str] = []
    for name in BODY:
        if "." in name:
            items, attr = name.split(".")
            parts += [getattr(item, attr) for item in getattr(r, items)]
        else:
            value = getattr(r, name)
            parts += value if isinstance(value, list) else [value]
    body = "\n".join(part for part in parts if part != "")
    return None if "\x00" in body else body


def index_texts(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str | None]]) -> None:
    """Add reflections given as ``(seq, title, body_of(r))`` (bulk import); a body of
    None is read through the view instead."""
    conn.executemany(
        "INSERT INTO reflection_fts (rowid, title, body) VALUES (?, ?, ?)",
        [row for row in rows if row[2] is not None],
    )
    odd = [row[0] for row in rows if row[2] is None]
    if odd:
        index_many(conn, odd)


def optimize_fts(conn: sqlite3.Connection) -> None:
    """Merge the index segments so deleted terms no longer sit in old ones."""
    conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('optimize')")


def rebuild(conn: sqlite3.Connection) -> None:
    """Build the index again from the tables.

    FTS5's own ``'rebuild'`` fails on a view as content table (SQLite 3.40),
    so the index is emptied and filled with one ``INSERT … SELECT``.
    """
    conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('delete-all')")
    conn.execute(f"INSERT INTO reflection_fts (rowid, title, body) {_SOURCE}")
