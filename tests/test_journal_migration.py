"""Upgrading a journal written by the first release (schema 1, committed fixture)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from journal_fixtures.helpers import FIXTURES, open_store

from reflect_tui.core.journal.migrations import CURRENT_VERSION

V1 = FIXTURES / "v1_journal.sqlite3"


def _copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir(mode=0o700)
    shutil.copy(V1, target / "journal.sqlite3")
    return target


def test_v1_fixture_really_is_version_1() -> None:
    conn = sqlite3.connect(f"{V1.as_uri()}?immutable=1", uri=True)  # leaves no -wal/-shm
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = {r[1] for r in conn.execute("PRAGMA table_info(reflections)")}
        assert "answers" in columns  # v1 kept answers as JSON in the row
    finally:
        conn.close()


def test_migration_from_v1_keeps_every_field_and_backs_up_first(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    original = V1.read_bytes()
    with open_store(data) as store:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count() == 2
        first = store.get("0b9f6c1e-1111-4d4e-9a51-000000000001")
        assert first.title == "Bewonersavond over de speeltuin"
        assert first.status == "complete"
        assert first.occurred_on == date(2025, 3, 4)
        assert first.updated_at.isoformat() == "2025-03-04T21:02:10.500000+00:00"
        assert first.practices == ["situatie", "relaties"]
        assert [(a.practice, a.step) for a in first.answers] == [
            ("situatie", "luisteren"),
            ("relaties", "doorvragen"),
        ]
        assert first.principles[0].rating == 4
        assert first.next_steps[0].due == date(2025, 3, 11)
        assert first.tags == ["speeltuin"]
        assert first.content_version == "v1-content"
        second = store.resolve_id("0b9f6c1e-2222")
        assert store.get(second).notes == "Nog afmaken."
        # v2 search folds diacritics (v1's index did not use remove_diacritics 2).
        assert [s.id for s in store.search("cafe eigenaar")] == [first.id]
        assert store.search("Kastanjelaan")
    backups = sorted((data / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("journal-v1-")
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 2
    finally:
        conn.close()
    assert V1.read_bytes() == original  # the committed fixture itself is untouched
    # Opening again does not migrate or back up twice.
    open_store(data).close()
    assert len(list((data / "backups").iterdir())) == 1


def test_failed_migration_step_leaves_database_at_old_version(tmp_path: Path, monkeypatch) -> None:
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal import migrations

    data = _copy_fixture(tmp_path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE reflections")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken))
    try:
        open_store(data).close()
    except ReflectError as exc:
        assert "vol" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("migration failure was not reported")
    conn = sqlite3.connect(data / "journal.sqlite3")
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 2
    finally:
        conn.close()
    monkeypatch.undo()
    with open_store(data) as store:
        assert store.count() == 2
