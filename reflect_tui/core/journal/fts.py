"""Keeping the full-text index in step with the tables.

Why one index row per reflection (keyed by ``reflections.seq``): a search
for several words must match a reflection whose words are spread over its
title, answers and notes, which per-answer rows could not do. The row is
rebuilt inside the same transaction as every change, so search is never
out of date and a crash never leaves the index behind the data.

The FTS table is *contentful* on purpose: deleting from it really removes
the text (and ``optimize`` then drops it from the index segments), which a
contentless or external-content table would make easy to get wrong.
"""

from __future__ import annotations

import sqlite3

from reflect_tui.core.journal.summary import TEXT_FIELDS

# Indexed text besides the title (which FTS keeps in its own column).
_SCALARS = tuple(f for f in TEXT_FIELDS if f not in ("title", "content_version"))


def body_text(conn: sqlite3.Connection, reflection_id: str) -> tuple[str, str]:
    """The (title, body) that make a reflection findable."""
    row = conn.execute(
        f"SELECT title, tags, {', '.join(_SCALARS)} FROM reflections WHERE id = ?",
        (reflection_id,),
    ).fetchone()
    if row is None:
        return "", ""
    import json

    parts: list[str] = [p for p in row[2:] if p]
    tags = json.loads(row[1] or "[]")
    parts.extend(str(t) for t in tags)
    parts.extend(
        t
        for (t,) in conn.execute(
            "SELECT text FROM answers WHERE reflection_id = ? ORDER BY position", (reflection_id,)
        )
        if t
    )
    parts.extend(
        t
        for (t,) in conn.execute(
            "SELECT note FROM principle_ratings WHERE reflection_id = ? ORDER BY position",
            (reflection_id,),
        )
        if t
    )
    parts.extend(
        t
        for (t,) in conn.execute(
            "SELECT text FROM next_steps WHERE reflection_id = ? ORDER BY position",
            (reflection_id,),
        )
        if t
    )
    return row[0] or "", "\n".join(parts)


def refresh_fts(conn: sqlite3.Connection, seq: int, reflection_id: str, new: bool = False) -> None:
    """Replace the index row of one reflection (call inside the write transaction)."""
    if not new:
        conn.execute("DELETE FROM reflection_fts WHERE rowid = ?", (seq,))
    title, body = body_text(conn, reflection_id)
    conn.execute(
        "INSERT INTO reflection_fts (rowid, title, body) VALUES (?, ?, ?)", (seq, title, body)
    )


def remove_fts(conn: sqlite3.Connection, seq: int) -> None:
    conn.execute("DELETE FROM reflection_fts WHERE rowid = ?", (seq,))


def optimize_fts(conn: sqlite3.Connection) -> None:
    """Merge the index segments so deleted text no longer sits in old ones."""
    conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('optimize')")
