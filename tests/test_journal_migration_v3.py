"""Upgrading a journal written by the release with schema 2 (committed fixture) to schema 3.

Schema 3 drops the search index's second copy of the text (external content),
keeps counts in ``journal_counts`` and drops a redundant index; search,
counts and erasure must behave exactly as before.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from journal_fixtures.helpers import (
    FIXTURES,
    open_store,
    sample_reflection,
    save_answer,
    update_fields,
)
from journal_fixtures.make_v2_fixture import MARKER

from reflect_tui.core.journal.migrations import CURRENT_VERSION
from reflect_tui.core.journal.model import Answer, NextStep

V2 = FIXTURES / "v2_journal.sqlite3"


def _copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir(mode=0o700)
    shutil.copy(V2, target / "journal.sqlite3")
    return target


def _files_containing(root: Path, needle: str) -> list[str]:
    return [
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and needle.encode() in p.read_bytes()
    ]


def _fts_ok(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")


def test_v2_fixture_really_is_version_2_with_a_text_copy() -> None:
    conn = sqlite3.connect(f"{V2.as_uri()}?immutable=1", uri=True)  # leaves no -wal/-shm
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "reflection_fts_content" in names and "answers_by_step" in names
    finally:
        conn.close()


def test_migration_to_v3_keeps_search_counts_and_backs_up_first(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        conn = store._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "reflection_fts_content" not in names  # no second copy of the text
        assert "answers_by_step" not in names
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        _fts_ok(conn)
        assert store.count() == 3
        # Two open steps with text; the empty one and the done ones do not count.
        assert store.count_open_next_steps() == 2
        assert [s.title for s in store.search("cafe")] != []  # diacritics still folded
        assert len(store.search("buurthuis")) == 3
        [hit] = store.search_hits(MARKER)
        assert MARKER in hit.snippet
        assert len(store.search("beheer")) == 3  # prefix of the last word
    backups = sorted((data / "backups").iterdir())
    assert [b.name.startswith("journal-v2-") for b in backups] == [True]


def test_after_migration_writes_keep_index_and_counts_exact(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        conn = store._conn
        rid = store.search(MARKER)[0].id
        save_answer(store, rid, Answer("situatie", "doorvragen", "", "Kievitsbloem erbij"))
        update_fields(store, rid, next_steps=[NextStep("Ooievaar bellen")], notes="")
        assert store.search(MARKER) == []
        assert [s.id for s in store.search("kievitsbloem ooievaar")] == [rid]
        assert store.count_open_next_steps() == 2  # one open step replaced by another
        store.set_next_step_done(rid, 0, True)
        assert store.count_open_next_steps() == 1
        store.import_reflections([sample_reflection()])  # one open, one done step
        assert store.count() == 4 and store.count_open_next_steps() == 2
        store.save(sample_reflection(title="Nieuwe titel"))
        assert store.count() == 4 and store.search("nieuwe")
        _fts_ok(conn)
        actual = conn.execute("SELECT count(*) FROM next_steps WHERE done = 0 AND text != ''")
        assert actual.fetchone()[0] == store.count_open_next_steps()


def test_erasure_after_migration_leaves_text_in_no_file_backups_included(tmp_path: Path) -> None:
    data = _copy_fixture(tmp_path)
    with open_store(data) as store:
        assert _files_containing(data / "backups", MARKER)
        store.delete(store.search(MARKER)[0].id)
        _fts_ok(store._conn)
        assert store.count() == 2
    assert _files_containing(data, MARKER) == []


def test_erasure_scrubs_an_external_content_backup(tmp_path: Path) -> None:
    """A backup at schema 3 (made before some later migration) is scrubbed too:
    its index is rebuilt from the remaining rows, so no term stays behind."""
    data = tmp_path / "data"
    with open_store(data) as store:
        store.import_reflections([sample_reflection(), sample_reflection("x-2", notes=MARKER)])
        (data / "backups").mkdir(mode=0o700)
        backup = sqlite3.connect(data / "backups" / "journal-v3-test.sqlite3")
        store._conn.backup(backup)
        backup.close()
        store.delete("x-2")
    assert _files_containing(data, MARKER) == []
    conn = sqlite3.connect(data / "backups" / "journal-v3-test.sqlite3")
    try:
        _fts_ok(conn)
        assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 1
    finally:
        conn.close()
