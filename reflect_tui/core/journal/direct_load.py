"""An import into an empty journal written straight into the file, not through the WAL.

Why: in WAL mode every page of an import is written twice, once into the
``-wal`` at COMMIT and once more into the file by the checkpoint that
empties it, each pass with its own disk sync; at 10,000 reflections that is
28 MB written and read back in a serial tail after the load (about a
fifth of the import). With a rollback journal the page goes into the file
once: SQLite copies only the pages the transaction *changes* into the
``-journal`` first, and a page appended past the old end of the file needs
no copy at all. Into an empty journal that is nearly every page, so the
``-journal`` stays a few pages long and the import is written once.

What stays the same (``connection.configure`` refuses a place without WAL;
its intent is a committed write that survives a crash, and readers beside
a writer):
- All or nothing: the import is still ONE transaction, now rolled back by
  the ``-journal`` (``synchronous`` stays FULL: the ``-journal`` is on disk
  before the file is touched). A flaw in the file rolls back as before; a
  crash or power cut leaves a hot ``-journal`` that the next open rolls
  back, so the journal is the empty one it was (tests/test_journal_direct_load.py).
- Only an empty journal, and only while no other connection has it open:
  leaving WAL needs the file to itself, so the switch is tried without
  waiting and, refused, the import goes through the WAL as before. Readers
  of a journal that holds nothing yet lose nothing by waiting for the
  import: the transaction is ``BEGIN EXCLUSIVE`` (a rollback journal lets no
  reader in while the file is being written), and they see the whole import
  once it is there.
- Afterwards the journal is put back into WAL mode. Should that be refused
  (a reader arrived and holds the file), the journal is a valid rollback-mode
  file with everything committed, and the next ``connection.connect`` of any
  process switches it back.
- ``secure_delete``, the file's mode (SQLite gives the ``-journal`` the
  file's own 0600) and the erasure rules do not depend on the journal mode.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from reflect_tui.core.journal.sqlite_errors import db_errors

IMMEDIATE = "BEGIN IMMEDIATE"
EXCLUSIVE = "BEGIN EXCLUSIVE"


@contextlib.contextmanager
def direct_when_empty(
    guard: Callable[[], contextlib.AbstractContextManager[sqlite3.Connection]],
) -> Iterator[str]:
    """Around one import's transaction: yields how to begin it.

    ``BEGIN EXCLUSIVE`` when the journal holds no reflection and could be
    switched to a rollback journal (then switched back to WAL on the way
    out, whatever happened); ``BEGIN IMMEDIATE`` through the WAL otherwise.
    Journal modes can only change outside a transaction, so this wraps the
    whole write, as ``store._foreign_keys_unchecked`` does.
    """
    with guard() as conn:
        empty = not conn.execute("SELECT 1 FROM reflections LIMIT 1").fetchall()
        switched = empty and _journal_mode(conn, "delete", wait=False)
    if not switched:
        yield IMMEDIATE
        return
    try:
        yield EXCLUSIVE
    finally:
        with guard() as conn:
            _journal_mode(conn, "wal", wait=True)


def _journal_mode(conn: sqlite3.Connection, mode: str, wait: bool) -> bool:
    """Set the journal mode; whether it took. Without ``wait``, another connection
    holding the file refuses at once instead of after the busy timeout."""
    timeout = int(conn.execute("PRAGMA busy_timeout").fetchall()[0][0])
    if not wait:
        conn.execute("PRAGMA busy_timeout = 0")
    try:
        # fetchall: a statement stepped only once stays active, and an active
        # statement keeps the next checkpoint from running ("table is locked")
        got = conn.execute(f"PRAGMA journal_mode = {mode}").fetchall()[0][0]
        # SQLite 3.40: right after the switch into WAL the connection refuses a
        # checkpoint ("database table is locked", SQLITE_LOCKED) until it has
        # read once; this read finishes the switch.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except db_errors("OperationalError"):  # locked by another connection
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
    return str(got).lower() == mode
