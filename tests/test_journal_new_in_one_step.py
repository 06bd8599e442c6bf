"""A new journal is made in one transaction, with exactly the schema the steps one by one give.

Why: with ``synchronous=FULL`` every commit syncs the file; a new journal (the
first command of a new user, every import into a new data folder) made step
by step paid eight syncs before it could take a single row.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reflect_tui.core.journal import migrations
from reflect_tui.core.journal.connection import connect


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def test_a_new_journal_is_one_commit_with_the_stepwise_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "new.sqlite3")
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        assert migrations.migrate(conn, tmp_path / "new.sqlite3", tmp_path / "b", "x") == 0
        conn.set_trace_callback(None)
        assert [s for s in statements if s.strip().upper() == "COMMIT"] == ["COMMIT"]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        made = _schema(conn)
    finally:
        conn.close()
    stepwise = connect(tmp_path / "stepwise.sqlite3")
    try:
        for version, step in enumerate(migrations.STEPS):
            stepwise.execute("BEGIN IMMEDIATE")
            step(stepwise)
            stepwise.execute(f"PRAGMA user_version = {version + 1}")
            stepwise.execute("COMMIT")
        assert made == _schema(stepwise)
    finally:
        stepwise.close()
    assert not (tmp_path / "b").exists()  # nothing to back up in a new journal


def test_a_crash_while_making_a_new_journal_leaves_it_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    steps = list(migrations.STEPS)
    steps[5] = broken
    monkeypatch.setattr(migrations, "STEPS", tuple(steps))
    conn = connect(tmp_path / "new.sqlite3")
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrations.migrate(conn, tmp_path / "new.sqlite3", tmp_path / "b", "x")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    finally:
        conn.close()
