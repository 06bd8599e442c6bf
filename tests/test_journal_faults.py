"""Bad files and failing disks: a clear message, and nothing already saved is lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from journal_fixtures.helpers import FIXTURES, open_store, sample_reflection, save_answer

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.migrations import CURRENT_VERSION
from reflect_tui.core.journal.model import Answer


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _corrupt_variants(tmp_path: Path) -> dict[str, bytes]:
    with open_store(tmp_path / "good") as store:
        store.import_reflections([sample_reflection()])
    good = (tmp_path / "good" / "journal.sqlite3").read_bytes()
    return {
        "text": b"Dit is mijn boodschappenlijst\nmelk\n" * 50,
        "random": os.urandom(8192),
        "header-only": good[:100],
        "garbage-after-header": good[:100] + os.urandom(len(good) - 100),
        "truncated": good[: len(good) // 3] + b"\x00" * 7,
    }


@pytest.mark.parametrize(
    "variant", ["text", "random", "header-only", "garbage-after-header", "truncated"]
)
def test_corrupt_file_is_refused_and_never_modified(tmp_path: Path, variant: str) -> None:
    data = _corrupt_variants(tmp_path)[variant]
    target = tmp_path / "data"
    target.mkdir(mode=0o700)
    db = target / "journal.sqlite3"
    db.write_bytes(data)
    before = _digest(db)
    try:
        with open_store(target) as store:
            store.count()
            store.search("x")
            save_answer(store, store.create_draft("x").id, Answer("a", "b", "c", "d"))
    except ReflectError as exc:
        message = str(exc)
        assert "\n" not in message
        assert str(db) in message
    else:  # pragma: no cover - the point of the test
        pytest.fail("a corrupt journal was accepted")
    assert _digest(db) == before
    # SQLite never got to create a -wal or -shm beside the broken file.
    assert sorted(p.name for p in target.iterdir()) == ["journal.sqlite3"]


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE moz_places (url TEXT)")
    conn.commit()
    conn.close()
    before = _digest(db)
    with pytest.raises(ReflectError, match="geen dagboek van reflect"):
        open_store(tmp_path)
    assert _digest(db) == before


def test_journal_from_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection()])
    db = tmp_path / "journal.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    before = _digest(db)
    with pytest.raises(ReflectError, match="nieuwere versie"):
        open_store(tmp_path)
    assert _digest(db) == before


def test_locked_journal_waits_then_says_so(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        draft = store.create_draft("bezet")
    blocker = sqlite3.connect(tmp_path / "journal.sqlite3", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with open_store(tmp_path, busy_timeout=0.3) as store:
            with pytest.raises(ReflectError, match="bezet"):
                save_answer(store, draft.id, Answer("situatie", "luisteren", "", "tekst"))
            assert store.get(draft.id).answers == []  # reading still works meanwhile
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with open_store(tmp_path) as store:
        save_answer(store, draft.id, Answer("situatie", "luisteren", "", "tekst"))
        assert store.get(draft.id).answers[0].text == "tekst"


def test_full_disk_gives_clear_message_and_keeps_saved_work(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        draft = store.create_draft("vol")
        save_answer(store, draft.id, Answer("situatie", "luisteren", "", "al bewaard"))
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # simulate a full disk
        with pytest.raises(ReflectError, match="schijf is vol") as info:
            save_answer(store, draft.id, Answer("situatie", "doorvragen", "", "x" * 200_000))
        assert "\n" not in str(info.value)
        # The connection stays usable and the earlier answer is intact.
        assert [a.text for a in store.get(draft.id).answers] == ["al bewaard"]
    with open_store(tmp_path) as store:
        assert [a.text for a in store.get(draft.id).answers] == ["al bewaard"]
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_gives_clear_message(tmp_path: Path) -> None:
    with open_store(tmp_path / "ro") as store:
        draft = store.create_draft("alleen lezen")
    (tmp_path / "ro").chmod(0o500)
    (tmp_path / "ro" / "journal.sqlite3").chmod(0o400)
    try:
        with pytest.raises(ReflectError) as info, open_store(tmp_path / "ro") as store:
            save_answer(store, draft.id, Answer("a", "b", "", "c"))
        assert "\n" not in str(info.value)
    finally:
        (tmp_path / "ro").chmod(0o700)
        (tmp_path / "ro" / "journal.sqlite3").chmod(0o600)
    with open_store(tmp_path / "ro") as store:
        assert store.get(draft.id).title == "alleen lezen"


def test_unwritable_data_location_gives_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ReflectError) as info:
        open_store(blocker / "data")
    assert "\n" not in str(info.value)


def test_directory_at_database_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite3").mkdir()
    with pytest.raises(ReflectError, match="map"):
        open_store(tmp_path)


def test_permissions_are_private_under_umask_022(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        data = tmp_path / "data"
        with open_store(data) as store:
            draft = store.create_draft("privé")
            save_answer(store, draft.id, Answer("situatie", "luisteren", "", "geheim"))
            files = [
                data / "journal.sqlite3",
                data / "journal.sqlite3-wal",
                data / "journal.sqlite3-shm",
            ]
            for path in files:
                assert path.exists(), path
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        # A migration backup is private too.
        legacy = tmp_path / "legacy"
        legacy.mkdir()
        shutil.copy(FIXTURES / "v1_journal.sqlite3", legacy / "journal.sqlite3")
        (legacy / "journal.sqlite3").chmod(0o600)
        open_store(legacy).close()
        backups = list((legacy / "backups").iterdir())
        assert backups and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in backups)
        assert stat.S_IMODE((legacy / "backups").stat().st_mode) == 0o700
    finally:
        os.umask(old)


def test_unopenable_wal_gives_clear_message_and_loses_nothing(tmp_path: Path) -> None:
    """Stands in for a read-only folder when tests run as root: SQLite cannot open the WAL."""
    with open_store(tmp_path) as store:
        draft = store.create_draft("bewaard")
    wal = tmp_path / "journal.sqlite3-wal"
    wal.unlink(missing_ok=True)
    wal.mkdir()
    try:
        with pytest.raises(ReflectError) as info, open_store(tmp_path) as store:
            save_answer(store, draft.id, Answer("a", "b", "", "c"))
        assert "\n" not in str(info.value)
    finally:
        wal.rmdir()
    with open_store(tmp_path) as store:
        assert store.get(draft.id).title == "bewaard"
