"""Erasing a deleted reflection from pre-migration backups too.

Why: a backup made before a schema migration is a full copy of the
journal. "Deleted means gone from every file under the data folder" would
be false if the text lived on there. Backups may be at any older schema
version, so the scrub is schema-agnostic: every table with an ``id`` or
``reflection_id`` column (or, from schema 7, a ``reflection_seq`` column
naming the reflection's ``seq``) loses the matching rows, full-text tables are
cleaned and optimised, and the file is vacuumed with ``secure_delete``.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

from reflect_tui.core.journal.connection import connect_file
from reflect_tui.core.journal.sqlite_errors import db_errors


def scrub_backups(backups_dir: Path, reflection_id: str) -> int:
    """Remove ``reflection_id`` from every backup in ``backups_dir``; return files changed."""
    if not backups_dir.is_dir():
        return 0
    changed = 0
    for path in sorted(backups_dir.glob("*.sqlite3")):
        if scrub_file(path, reflection_id):
            changed += 1
    return changed


_OPTION = r"{}\s*=\s*['\"]?(\w+)"


def _seqs_of(conn: sqlite3.Connection, reflection_id: str) -> list[int]:
    columns = {row[1] for row in conn.execute('PRAGMA table_info("reflections")')}
    if not {"seq", "id"} <= columns:
        return []
    rows = conn.execute("SELECT seq FROM reflections WHERE id = ?", (reflection_id,))
    return [int(r[0]) for r in rows]


def _has_content_option(sql: str) -> bool:
    return re.search(_OPTION.format("content"), sql, re.IGNORECASE) is not None


def _reindex_external(conn: sqlite3.Connection, name: str, sql: str) -> None:
    """Rebuild an external-content index from what is left in its content.

    Such an index (schema 3) holds the deleted reflection's terms until it
    is told to forget them; after the rows are gone the only way is to
    empty it and index the remaining rows again (``'rebuild'`` fails on a
    view as content table in SQLite 3.40, an ``INSERT … SELECT`` works).
    """
    content = re.search(_OPTION.format("content"), sql, re.IGNORECASE)
    if content is None or not content.group(1):
        return
    rowid = re.search(_OPTION.format("content_rowid"), sql, re.IGNORECASE)
    key = rowid.group(1) if rowid else "rowid"
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
    listed = ", ".join(f'"{c}"' for c in columns)
    conn.execute(f'INSERT INTO "{name}" ("{name}") VALUES (\'delete-all\')')
    conn.execute(
        f'INSERT INTO "{name}" (rowid, {listed}) SELECT "{key}", {listed} FROM "{content.group(1)}"'
    )


def scrub_file(path: Path, reflection_id: str) -> bool:
    conn = connect_file(path)
    try:
        tables = [
            (name, sql or "")
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
        ]
        fts_tables = [n for n, sql in tables if "using fts5" in sql.lower()]
        shadow = tuple(f"{n}_" for n in fts_tables)
        changed = 0
        conn.execute("BEGIN IMMEDIATE")
        # Schema 2 keys its (contentful) index by reflections.seq, not by id.
        seqs = _seqs_of(conn, reflection_id) if any(n == "reflections" for n, _ in tables) else []
        for name, sql in tables:
            if name in fts_tables and seqs and not _has_content_option(sql):
                columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
                if not columns & {"reflection_id", "id"}:
                    for seq in seqs:
                        changed += conn.execute(
                            f'DELETE FROM "{name}" WHERE rowid = ?', (seq,)
                        ).rowcount
        for name, _sql in tables:
            if name.startswith(shadow) or name.startswith("sqlite_"):
                continue
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
            if "reflection_seq" in columns:  # schema 7: children keyed by the integer seq
                for seq in seqs:
                    changed += conn.execute(
                        f'DELETE FROM "{name}" WHERE reflection_seq = ?', (seq,)
                    ).rowcount
                continue
            for column in ("reflection_id", "id"):
                if column in columns:
                    changed += conn.execute(
                        f'DELETE FROM "{name}" WHERE "{column}" = ?', (reflection_id,)
                    ).rowcount
                    break
        for name, sql in tables:
            if name in fts_tables and changed:
                _reindex_external(conn, name, sql)
        for name in fts_tables:
            with contextlib.suppress(*db_errors("Error")):
                conn.execute(f'INSERT INTO "{name}" ("{name}") VALUES (\'optimize\')')
        conn.execute("COMMIT")
        if changed:
            conn.execute("VACUUM")
        return bool(changed)
    finally:
        conn.close()
