"""Whole reflections in and out of the database: rows to model objects and back.

Kept apart from ``store`` so the store (and with it the home screen's first
frame, which only counts and lists) does not import the full model; the
store's methods that read or write whole reflections import this module
when first called. Every function runs inside a connection the store
already holds (and, for writes, inside its transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from reflect_tui.core.journal import codec, fts
from reflect_tui.core.journal.model import (
    STATUSES,
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
    new_reflection_id,
)

__all__ = [
    "Reflection",
    "check_reflection",
    "load_reflections",
    "new_reflection_id",
    "replace_answers",
    "replace_next_steps",
    "replace_principles",
    "write_reflection",
]

ROW_COLS = (
    "seq, id, title, case_kind, occurred_on, created_at, updated_at, status, who,"
    " what_happened, practices, barriers, barrier_note, helps, help_note, insight, involve,"
    " tags, notes, content_version"
)
WRITE_COLS = ROW_COLS.split(", ", 1)[1]  # all but seq
UPSERT_SQL = (
    f"INSERT INTO reflections ({WRITE_COLS}) VALUES ({', '.join('?' * 19)})"
    " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in WRITE_COLS.replace(" ", "").split(",")[1:])
)


def check_reflection(reflection: Reflection) -> None:
    if reflection.status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    for rating in reflection.principles:
        if rating.rating is not None and not 1 <= rating.rating <= 5:
            raise ValueError("principle rating must be 1..5 or None")


def _row(r: Reflection) -> tuple[Any, ...]:
    return (
        r.id,
        r.title,
        r.case_kind,
        codec.date_to_db(r.occurred_on),
        codec.ts_to_db(r.created_at),
        codec.ts_to_db(r.updated_at),
        r.status,
        r.who,
        r.what_happened,
        codec.ids_to_db(r.practices),
        codec.ids_to_db(r.barriers),
        r.barrier_note,
        codec.ids_to_db(r.helps),
        r.help_note,
        r.insight,
        r.involve,
        codec.ids_to_db(r.tags),
        r.notes,
        r.content_version,
    )


def write_reflection(conn: sqlite3.Connection, r: Reflection) -> None:
    """Insert or fully replace one reflection with its children and index row."""
    values = _row(r)
    found = conn.execute("SELECT seq FROM reflections WHERE id = ?", (r.id,)).fetchone()
    if found is not None:
        fts.forget(conn, found[0])  # before the rows change: see fts.py
    cursor = conn.execute(UPSERT_SQL, values)
    seq = int(found[0] if found is not None else cursor.lastrowid or 0)
    replace_children(conn, r, fresh=found is None)
    fts.index(conn, seq)


def replace_children(conn: sqlite3.Connection, r: Reflection, fresh: bool = False) -> None:
    """Write answers, ratings and next steps (``fresh``: none exist yet, skip the deletes)."""
    if not fresh:
        for table in ("answers", "principle_ratings", "next_steps"):
            conn.execute(f"DELETE FROM {table} WHERE reflection_id = ?", (r.id,))
    _insert_answers(conn, r.id, r.answers)
    _insert_principles(conn, r.id, r.principles)
    _insert_next_steps(conn, r.id, r.next_steps)


def insert_new(conn: sqlite3.Connection, batch: Sequence[Reflection]) -> list[int]:
    """Insert reflections known to be absent, children of the whole batch at once.

    The bulk path of an import: one ``executemany`` per table per batch
    instead of five statements per reflection. Returns the new rows' ``seq``
    for the search index (``fts.index_many``).
    """
    conn.executemany(
        f"INSERT INTO reflections ({WRITE_COLS}) VALUES ({', '.join('?' * 19)})",
        [_row(r) for r in batch],
    )
    conn.executemany(
        "INSERT INTO answers (reflection_id, position, practice, step, prompt, text, prompt_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (r.id, i, a.practice, a.step, a.prompt, a.text, a.prompt_id)
            for r in batch
            for i, a in enumerate(r.answers)
        ],
    )
    conn.executemany(
        "INSERT INTO principle_ratings (reflection_id, position, principle, rating, note)"
        " VALUES (?, ?, ?, ?, ?)",
        [(r.id, i, p.id, p.rating, p.note) for r in batch for i, p in enumerate(r.principles)],
    )
    conn.executemany(
        "INSERT INTO next_steps (reflection_id, position, text, due, done) VALUES (?, ?, ?, ?, ?)",
        [
            (r.id, i, s.text, codec.date_to_db(s.due), 1 if s.done else 0)
            for r in batch
            for i, s in enumerate(r.next_steps)
        ],
    )
    marks = ", ".join("?" * len(batch))
    rows = conn.execute(f"SELECT seq FROM reflections WHERE id IN ({marks})", [r.id for r in batch])
    return [int(seq) for (seq,) in rows]


def replace_answers(conn: sqlite3.Connection, rid: str, answers: Sequence[Answer]) -> None:
    conn.execute("DELETE FROM answers WHERE reflection_id = ?", (rid,))
    _insert_answers(conn, rid, answers)


def _insert_answers(conn: sqlite3.Connection, rid: str, answers: Sequence[Answer]) -> None:
    conn.executemany(
        "INSERT INTO answers (reflection_id, position, practice, step, prompt, text, prompt_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (rid, i, a.practice, a.step, a.prompt, a.text, a.prompt_id)
            for i, a in enumerate(answers)
        ],
    )


def replace_principles(
    conn: sqlite3.Connection, rid: str, principles: Sequence[PrincipleRating]
) -> None:
    conn.execute("DELETE FROM principle_ratings WHERE reflection_id = ?", (rid,))
    _insert_principles(conn, rid, principles)


def _insert_principles(
    conn: sqlite3.Connection, rid: str, principles: Sequence[PrincipleRating]
) -> None:
    conn.executemany(
        "INSERT INTO principle_ratings (reflection_id, position, principle, rating, note)"
        " VALUES (?, ?, ?, ?, ?)",
        [(rid, i, p.id, p.rating, p.note) for i, p in enumerate(principles)],
    )


def replace_next_steps(conn: sqlite3.Connection, rid: str, steps: Sequence[NextStep]) -> None:
    conn.execute("DELETE FROM next_steps WHERE reflection_id = ?", (rid,))
    _insert_next_steps(conn, rid, steps)


def _insert_next_steps(conn: sqlite3.Connection, rid: str, steps: Sequence[NextStep]) -> None:
    conn.executemany(
        "INSERT INTO next_steps (reflection_id, position, text, due, done) VALUES (?, ?, ?, ?, ?)",
        [
            (rid, i, s.text, codec.date_to_db(s.due), 1 if s.done else 0)
            for i, s in enumerate(steps)
        ],
    )


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
            id=row[1],
            title=row[2],
            case_kind=row[3],
            occurred_on=date.fromisoformat(row[4]),
            created_at=codec.ts_from_db(row[5]),
            updated_at=codec.ts_from_db(row[6]),
            status=row[7],
            who=row[8],
            what_happened=row[9],
            practices=codec.ids_from_db(row[10]),
            barriers=codec.ids_from_db(row[11]),
            barrier_note=row[12],
            helps=codec.ids_from_db(row[13]),
            help_note=row[14],
            insight=row[15],
            involve=row[16],
            tags=codec.ids_from_db(row[17]),
            notes=row[18],
            content_version=row[19],
        )
        by_id[r.id] = r
        result.append(r)
    if len(rows) <= 500:
        marks = ", ".join("?" * len(by_id))
        scope, scope_params = f"WHERE reflection_id IN ({marks})", list(by_id)
    else:
        scope, scope_params = "", []
    for rid, practice, step, prompt, text, prompt_id in conn.execute(
        "SELECT reflection_id, practice, step, prompt, text, prompt_id FROM answers"
        f" {scope} ORDER BY reflection_id, position",
        scope_params,
    ):
        if rid in by_id:
            by_id[rid].answers.append(Answer(practice, step, prompt, text, prompt_id))
    for rid, principle, rating, note in conn.execute(
        f"SELECT reflection_id, principle, rating, note FROM principle_ratings {scope}"
        " ORDER BY reflection_id, position",
        scope_params,
    ):
        if rid in by_id:
            by_id[rid].principles.append(PrincipleRating(principle, rating, note))
    for rid, text, due, done in conn.execute(
        f"SELECT reflection_id, text, due, done FROM next_steps {scope}"
        " ORDER BY reflection_id, position",
        scope_params,
    ):
        if rid in by_id:
            by_id[rid].next_steps.append(NextStep(text, codec.date_from_db(due), bool(done)))
    return result
