"""The connection seam: one place opens the journal and never drops other connections' locks."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store

import reflect_tui
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import connection

PACKAGE = Path(reflect_tui.__file__).parent


def test_no_sqlite_connect_outside_the_connection_module() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "core" / "journal" / "connection.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(
            r"\bsqlite3\s*\.\s*connect\b|\bfrom\s+sqlite3\s+import\b[^\n]*\bconnect\b", text
        ):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def _read_and_close_elsewhere(db: Path) -> None:
    """What ``reflect list`` does to the file: read through SQLite in another process, close."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('SELECT count(*) FROM reflections').fetchone(); c.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)


def test_a_second_store_in_the_same_process_keeps_the_first_ones_locks(tmp_path: Path) -> None:
    # Before the fix, opening the second store read the file's header with open()/close(),
    # which dropped this process's POSIX locks: the next reader elsewhere then believed it
    # was the last user and deleted the -wal and -shm files under the running app.
    first = open_store(tmp_path)
    first.create_draft("eerste")
    second = open_store(tmp_path)
    try:
        wal = tmp_path / "journal.sqlite3-wal"
        assert wal.exists()
        _read_and_close_elsewhere(tmp_path / "journal.sqlite3")
        assert wal.exists(), "another process deleted the WAL of a journal that is still open"
        assert connection.held_in_process(tmp_path / "journal.sqlite3")
    finally:
        second.close()
        first.close()
    assert not connection.held_in_process(tmp_path / "journal.sqlite3")


def test_a_held_file_is_not_read_again_but_a_new_one_is(tmp_path: Path) -> None:
    foreign = tmp_path / "journal.sqlite3"
    foreign.write_bytes(b"niet een database" * 20)
    with pytest.raises(ReflectError, match="beschadigd"):
        connection.connect(foreign)
    assert foreign.read_bytes() == b"niet een database" * 20


def test_a_key_given_to_connect_makes_an_encrypted_file(tmp_path: Path) -> None:
    # Issue 17: encryption plugs in at the seam; the key reaches SQLCipher, not a refusal.
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "journal.sqlite3"
    conn = connection.connect(db, key=bytes(range(32)))
    try:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES ('geheimwoordzqx')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert not db.read_bytes().startswith(connection.SQLITE_MAGIC)
    assert b"geheimwoordzqx" not in db.read_bytes()
    assert not connection.held_in_process(db)


def test_connect_file_readonly_never_creates_a_file(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError):
        connection.connect_file(tmp_path / "missing.sqlite3", readonly=True)
    assert not (tmp_path / "missing.sqlite3").exists()
