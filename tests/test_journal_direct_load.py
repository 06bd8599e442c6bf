"""An import into an empty journal goes through a rollback journal, not the WAL
(``core/journal/direct_load.py``): the same rows as through the WAL, all or nothing,
a crash halfway leaves the empty journal, and the journal is in WAL mode afterwards."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.journal.store import JournalStore


def _items(n: int) -> list[Reflection]:
    return [sample_reflection(f"{k:08d}-2222-4333-8444-555555555555") for k in range(n)]


def _watched(
    store: JournalStore, items: list[Reflection], modes: list[str]
) -> Iterator[Reflection]:
    """``items`` one by one, noting the journal mode and whether a ``-wal`` exists."""
    wal = str(store.path) + "-wal"
    for item in items:
        mode = store._conn.execute("PRAGMA journal_mode").fetchall()[0][0]
        modes.append(f"{mode}{'+wal' if os.path.exists(wal) else ''}")
        yield item


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (the index's own tables too) and the schema."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found = {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
        found["(schema)"] = conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        found["(integrity)"] = conn.execute("PRAGMA integrity_check").fetchall()
        return found
    finally:
        conn.close()


def test_an_empty_journal_is_written_without_the_wal_and_equals_the_wal_path(
    tmp_path: Path,
) -> None:
    items = _items(40)
    direct_modes: list[str] = []
    with open_store(tmp_path / "direct") as store:
        assert store.import_stream(_watched(store, items, direct_modes), batch=7).added == 40
        assert store._conn.execute("PRAGMA journal_mode").fetchall()[0][0] == "wal"
        store._conn.execute(
            "INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')"
        )
        assert store.search("Bewonersavond") != []
    assert set(direct_modes) == {"delete"}

    # The same import with a reader beside it: the switch is refused, the WAL is used.
    wal_modes: list[str] = []
    with open_store(tmp_path / "wal") as store:
        reader = sqlite3.connect(store.path)
        try:
            reader.execute("SELECT count(*) FROM reflections").fetchall()
            assert store.import_stream(_watched(store, items, wal_modes), batch=7).added == 40
        finally:
            reader.close()
    assert set(wal_modes) == {"wal+wal"}

    assert _content(tmp_path / "direct" / "journal.sqlite3") == _content(
        tmp_path / "wal" / "journal.sqlite3"
    )
    assert not os.path.exists(tmp_path / "direct" / "journal.sqlite3-journal")


def test_a_journal_that_holds_a_reflection_keeps_the_wal(tmp_path: Path) -> None:
    modes: list[str] = []
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection("eerder")])
        assert store.import_stream(_watched(store, _items(3), modes)).added == 3
    assert set(modes) == {"wal+wal"}


def test_a_flaw_after_spilled_pages_leaves_the_empty_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache of a few pages: the load writes into the file before the flaw, and the
    rollback journal must bring the file back to the empty journal it was."""
    from reflect_tui.core.journal import store as store_module

    monkeypatch.setattr(store_module, "IMPORT_CACHE_KIB", 64)
    items = _items(300)
    with open_store(tmp_path) as store:
        empty = _content(store.path)
        empty_size = os.path.getsize(store.path)

        def broken() -> Iterator[Reflection]:
            yield from items
            assert os.path.getsize(store.path) > empty_size  # pages went to the file
            raise ReflectError("kapot aan het eind")

        with pytest.raises(ReflectError, match="kapot aan het eind"):
            store.import_stream(broken(), batch=50)
        assert store.count() == 0
        assert store._conn.execute("PRAGMA journal_mode").fetchall()[0][0] == "wal"
    assert _content(tmp_path / "journal.sqlite3") == empty
    assert not os.path.exists(tmp_path / "journal.sqlite3-journal")


_CRASHER = textwrap.dedent(
    """
    import os, sys
    from journal_fixtures.helpers import open_store, sample_reflection
    from reflect_tui.core.journal import store as store_module

    store_module.IMPORT_CACHE_KIB = 64  # pages reach the file during the load
    folder = sys.argv[1]

    def items():
        store = STORE[0]
        size = os.path.getsize(store.path)
        for k in range(400):
            yield sample_reflection(f"{k:08d}-2222-4333-8444-555555555555")
        # The crash: mid-transaction, file grown, hot rollback journal beside it.
        grown = os.path.getsize(store.path) > size
        hot = os.path.exists(str(store.path) + "-journal")
        os._exit(3 if grown and hot else 4)

    from pathlib import Path
    STORE = [open_store(Path(folder))]
    STORE[0].import_stream(items(), batch=50)
    os._exit(5)
    """
)


@pytest.mark.slow  # a subprocess that imports 400 reflections
def test_a_crash_halfway_leaves_the_empty_journal(tmp_path: Path) -> None:
    tests = Path(__file__).parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tests), os.environ.get("PYTHONPATH", "")]),
    }
    with open_store(tmp_path) as store:  # the empty journal, as a first start leaves it
        empty = _content(store.path)
    done = subprocess.run(
        [sys.executable, "-c", _CRASHER, str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 3, done.stderr
    hot = tmp_path / "journal.sqlite3-journal"
    assert os.stat(hot).st_mode & 0o777 == 0o600  # private like the journal itself
    with open_store(tmp_path) as store:  # the next open rolls the hot journal back
        assert store.count() == 0
        assert store._conn.execute("PRAGMA journal_mode").fetchall()[0][0] == "wal"
    assert not os.path.exists(tmp_path / "journal.sqlite3-journal")
    assert _content(tmp_path / "journal.sqlite3") == empty
    assert os.stat(tmp_path / "journal.sqlite3").st_mode & 0o777 == 0o600
