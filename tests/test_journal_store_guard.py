"""The store's read guard and its lazily made context managers behave like contextlib's.

``store._Guard`` (every read) and ``store._contextmanager`` (writes, snapshots,
imports) keep ``contextlib`` off the path of ``reflect list`` and ``search``;
what they do must not change: errors translated, the lock always released,
a failed write rolled back.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import store as store_module


def _lock_is_free(store: store_module.JournalStore) -> bool:
    """True when another thread can take the store's lock now."""
    took: list[bool] = []

    def take() -> None:
        got = store._lock.acquire(timeout=5)
        took.append(got)
        if got:
            store._lock.release()

    worker = threading.Thread(target=take)
    worker.start()
    worker.join()
    return took == [True]


def test_a_database_error_in_a_read_is_a_reflect_error_and_frees_the_lock(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path) as store:
        with pytest.raises(ReflectError), store._guard() as conn:
            conn.execute("SELECT * FROM no_such_table")
        assert _lock_is_free(store)
        assert store.count() == 0  # the store still works


def test_other_errors_pass_unchanged_and_free_the_lock(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        with pytest.raises(KeyError), store._guard():
            raise KeyError("x")
        assert _lock_is_free(store)


def test_the_guard_holds_the_lock_while_open(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        with store._guard() as conn:
            assert isinstance(conn, sqlite3.Connection)
            assert not _lock_is_free(store)
        assert _lock_is_free(store)


def test_a_failed_write_is_rolled_back_and_translated(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        with pytest.raises(ReflectError), store._write() as conn:
            assert conn.in_transaction
            conn.execute("INSERT INTO no_such_table VALUES (1)")
        assert not store._conn.in_transaction
        with pytest.raises(RuntimeError), store._write() as conn:
            conn.execute("DELETE FROM reflections")
            raise RuntimeError("stop")
        assert not store._conn.in_transaction
        store.import_reflections([sample_reflection()])
        assert store.count() == 1
        assert _lock_is_free(store)


def test_the_lazy_decorator_keeps_the_name_and_makes_contextlib_managers() -> None:
    import contextlib

    made = store_module._no_cycle_collector
    assert made.__name__ == "_no_cycle_collector"
    assert made.__doc__ and "collector" in made.__doc__
    with made() as inside:
        assert inside is None
    assert isinstance(made(), contextlib.AbstractContextManager)
