"""Erasing a deleted reflection from pre-migration backups too.

Why: a backup made before a schema migration is a full copy of the
journal. "Deleted means gone from every file under the data folder" would
be false if the text lived on there. Backups may be at any older schema
version, so the scrub is schema-agnostic: every table with an ``id`` or
``reflection_id`` column loses the matching rows, full-text tables are
cleaned and optimised, and the file is vacuumed with ``secure_delete``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from reflect_tui.core.journal.connection import connect_file


def scrub_backups(backups_dir: Path, reflection_id: str) -> int:
    """Remove ``reflection_id`` from every backup in ``backups_dir``; return files changed."""
    if not backups_dir.is_dir():
        return 0
    changed = 0
    for path in sorted(backups_dir.glob("*.sqlite3")):
        if scrub_file(path, reflection_id):
            changed += 1
    return changed


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
        for name, _sql in tables:
            if name.startswith(shadow) or name.startswith("sqlite_"):
                continue
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
            for column in ("reflection_id", "id"):
                if column in columns:
                    changed += conn.execute(
                        f'DELETE FROM "{name}" WHERE "{column}" = ?', (reflection_id,)
                    ).rowcount
                    break
        for name in fts_tables:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f'INSERT INTO "{name}" ("{name}") VALUES (\'optimize\')')
        conn.execute("COMMIT")
        if changed:
            conn.execute("VACUUM")
        return bool(changed)
    finally:
        conn.close()
