"""Upgrading a journal written by the release with schema 5 (committed fixture) to schema 7.

Schema 7 keys the child tables by the reflection's integer ``seq``. The
fixture and its export were both written by that release
(``journal_fixtures/make_v5_fixture.py``); after the migration today's
export must be byte-identical to that export, so every field of every
reflection survived. Search, counters, erasure and the backup must behave
as before.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

from journal_fixtures.helpers import FIXTURES, open_store, sample_reflection
from journal_fixtures.make_v5_fixture import MARKER

from reflect_tui.core.journal.migrations import CURRENT_VERSION

V5 = FIXTURES / "v5_journal.sqlite3"
V5_EXPORT = FIXTURES / "v5_export.json"


def _copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir(mode=0o700)
    shutil.copy(V5, target / "journal.sqlite3")
    return target


def _child_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_v5_fixture_really_is_version_5_keyed_by_id() -> None:
    conn = sqlite3.connect(f"{V5.as_uri()}?immutable=1", uri=True)  # leaves no -wal/-shm
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert "reflection_id" in _child_columns(conn, "answers")
        assert conn.execute("SELECT count(*) FROM reflection_tips").fetchone()[0] > 0
    finally:
        conn.close()


def test_migration_to_v6_keeps_every_field_byte_for_byte(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        conn = store._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION >= 7
        for table in ("answers", "principle_ratings", "next_steps", "reflection_tips"):
            columns = _child_columns(conn, table)
            assert columns[0] == "reflection_seq" and "reflection_id" not in columns
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")
        assert store.export_json() == V5_EXPORT.read_text(encoding="utf-8")
        # The slow path (model objects) reads the same children as the fast export.
        assert [r.id for r in store.all()] == [
            r.id for r in store.get_many([r.id for r in store.all()])
        ]
    backups = sorted((data / "backups").iterdir())
    assert [b.name.startswith("journal-v5-") for b in backups] == [True]


def test_after_migration_search_counts_steps_and_writes_work(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        assert store.count() == 5
        assert store.count_open_next_steps() == 5  # 2 + 2 + 1 (one marked done); empty ones not
        assert {s.id for s in store.search("klimrek")} == {r.id for r in store.all()}
        [hit] = store.search_hits(MARKER)
        assert MARKER in hit.snippet
        assert store.search("cafe")  # "Café" with a combining accent, folded
        first = store.all()[0]
        store.set_next_step_done(first.id, 0, False)
        store.set_next_step_due(first.id, 0, date(2026, 5, 1))
        assert store.get(first.id).next_steps[0].due == date(2026, 5, 1)
        overdue = store.overdue_next_steps(date(2026, 6, 1))  # drafts count too, as on home
        drafts = [r for r in store.all() if r.status == "draft"]
        in_drafts = [
            (r.id, s.due)
            for r in drafts
            for s in r.next_steps
            if s.text and not s.done and s.due and s.due < date(2026, 6, 1)
        ]
        assert in_drafts  # the fixture has one, so the count below tells the rules apart
        assert overdue.total == 1 + len(in_drafts)
        assert (first.id, date(2026, 5, 1)) in overdue.urgent
        store.import_reflections([sample_reflection()])
        assert store.count() == 6
        assert store.get(sample_reflection().id) == sample_reflection()
        conn = store._conn
        actual = conn.execute("SELECT count(*) FROM next_steps WHERE done = 0 AND text != ''")
        assert actual.fetchone()[0] == store.count_open_next_steps()


def test_migration_gives_the_freed_pages_back(tmp_path: Path) -> None:
    """The old child tables' pages are not left behind as free pages (VACUUM)."""
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        assert store._conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_erasure_after_migration_leaves_text_in_no_file_backups_included(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        backup = next((data / "backups").iterdir())
        assert MARKER.encode() in backup.read_bytes()  # the v5 backup holds it
        store.delete(store.search(MARKER)[0].id)
        assert store.count() == 4
        assert len(json.loads(store.export_json())["reflections"]) == 4
    leftovers = [p for p in data.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]
    assert leftovers == []


def test_erasure_scrubs_a_schema_7_backup_by_seq(tmp_path: Path) -> None:
    """A backup at schema 7 keys children by seq: the scrub removes them by seq too."""
    data = tmp_path / "data"
    with open_store(data) as store:
        store.import_reflections([sample_reflection(), sample_reflection("x-2", notes=MARKER)])
        (data / "backups").mkdir(mode=0o700)
        backup = sqlite3.connect(data / "backups" / "journal-v7-test.sqlite3")
        store._conn.backup(backup)
        backup.close()
        store.delete("x-2")
    conn = sqlite3.connect(data / "backups" / "journal-v7-test.sqlite3")
    try:
        assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 1
        for table in ("answers", "principle_ratings", "next_steps"):
            seqs = {row[0] for row in conn.execute(f"SELECT reflection_seq FROM {table}")}
            assert seqs == {conn.execute("SELECT seq FROM reflections").fetchone()[0]}
    finally:
        conn.close()
