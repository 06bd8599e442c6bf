"""Schema 8: the search text reads principle notes through a partial index.

A journal at schema 7 migrates to 8 with the very same search text for every
reflection (so the external-content index stays valid), notes stay
searchable, and an excerpt no longer reads ``principle_ratings`` for a
reflection whose ratings have no note (the plan uses ``principle_notes``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.journal import migrations
from reflect_tui.core.journal.model import PrincipleRating

NOTE_WORD = "zwaluwstaart"


def _reflections() -> list[object]:
    return [
        sample_reflection("with-note"),  # sample: one rating with a note, one without
        sample_reflection(
            "note-word",
            principles=[PrincipleRating("open", 3, f"Een {NOTE_WORD} als voorbeeld.")],
        ),
        sample_reflection(
            "no-notes", principles=[PrincipleRating("open", 2), PrincipleRating("eerlijk", None)]
        ),
    ]


def _bodies(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    return list(conn.execute("SELECT seq, title, body FROM reflection_fts_source ORDER BY seq"))


def _as_schema_7(conn: sqlite3.Connection) -> None:
    """Put a schema-8 file back to what schema 7 had (version 8 only added these two)."""
    conn.execute("DROP VIEW reflection_fts_source")
    conn.execute("DROP INDEX principle_notes")
    conn.execute(migrations.V7_FTS_SOURCE)
    conn.execute("PRAGMA user_version = 7")


def test_v8_view_gives_the_same_text_as_v7() -> None:
    assert migrations.V8_FTS_SOURCE != migrations.V7_FTS_SOURCE  # the replace found its place
    assert migrations.CURRENT_VERSION >= 8


def test_a_schema_7_journal_migrates_with_the_same_search_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        store.import_reflections(_reflections())
        _as_schema_7(store._conn)
        before = _bodies(store._conn)
    assert any("Liet ze uitpraten." in body for _, _, body in before)
    with open_store(data) as store:
        conn = store._conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        assert _bodies(conn) == before
        conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")
        assert [s.id for s in store.search(NOTE_WORD)] == ["note-word"]
        [hit] = store.search_hits(NOTE_WORD)
        assert NOTE_WORD in hit.snippet
        # Changing and deleting a note keeps index and text in step (forget before change).
        store.delete("note-word")
        assert store.search(NOTE_WORD) == []
        conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")
    assert sorted(p.name[:11] for p in (data / "backups").iterdir()) == ["journal-v7-"]


def _plan_of_the_text_lookup(conn: sqlite3.Connection) -> str:
    rows = conn.execute(
        "EXPLAIN QUERY PLAN SELECT body FROM reflection_fts_source WHERE seq = 1"
    ).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


def test_excerpt_text_reads_notes_through_the_partial_index(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(_reflections())
        plan = _plan_of_the_text_lookup(store._conn)
    assert "COVERING INDEX principle_notes" in plan, plan


def test_encrypted_excerpt_text_reads_notes_through_the_partial_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same plan in SQLCipher's SQLite (another SQLite version than the stdlib's)."""
    pytest.importorskip("sqlcipher3")
    from reflect_tui.core.journal import encryption, keyfile, keys

    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", 1)
    with open_store(tmp_path) as store:
        store.import_reflections(_reflections())
    try:
        encryption.encrypt(tmp_path / "journal.sqlite3", "lang genoeg wachtwoord", iterations=1)
        with open_store(tmp_path) as store:
            plan = _plan_of_the_text_lookup(store._conn)
            assert [s.id for s in store.search(NOTE_WORD)] == ["note-word"]
    finally:
        keys.forget()
    assert "COVERING INDEX principle_notes" in plan, plan
