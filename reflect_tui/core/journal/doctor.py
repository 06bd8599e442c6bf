"""Checking the journal, and rescuing what is still readable from a damaged one.

Why rescue row by row: a damaged page makes SQLite stop a table scan at the
first bad page ("database disk image is malformed"), so a plain export
would lose every row after it. Here reflections are read in rowid order and,
where a read fails, looked up one rowid at a time past the damage; the
answers, ratings and next steps of each rescued reflection are then looked
up by its id (their own B-trees), so one bad page costs the rows on that
page and nothing more.

The original is never touched: checking reads it read-only, and rescuing
works on a private copy (file plus ``-wal``) in a temporary folder beside
the new journal, which gets the current schema and a rebuilt search index.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import NamedTuple

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import fts, migrations
from reflect_tui.core.journal.connection import (
    check_file,
    connect,
    connect_file,
    held_in_process,
)
from reflect_tui.core.journal.sqlite_errors import DamagedJournal, db_errors, technical_note
from reflect_tui.core.wording import by_count

CHUNK = 256
SKIP_LIMIT = 20_000  # rowids probed one by one past a damaged spot before giving up
# Derived from the other tables, rebuilt for the rescued rows instead: the search index
# (and its shadow tables) and the counters and rating sums its triggers keep (the
# triggers refill them as the rescued rows go in).
_DERIVED_TABLES = ("reflection_fts", "journal_counts", "rating_days")


# What ``reflect doctor`` says it found, in Dutch. Never advice to run ``reflect doctor``:
# the user is running it. SQLite's own (English) words go to ``Health.technical``.
PROBLEM_DAMAGED = "Het bestand is beschadigd of is geen dagboek van reflect ({reason})."
PROBLEM_DAMAGED_PLAIN = "Het bestand is beschadigd of is geen dagboek van reflect."
PROBLEM_UNREADABLE = "Een deel van het bestand is beschadigd en niet te lezen."
PROBLEM_STRUCTURE = (
    "De controle vond 1 fout in de opbouw van het bestand.",
    "De controle vond {n} fouten in de opbouw van het bestand.",
)
PROBLEM_STRUCTURE_MORE = (
    "De controle vond 1 fout of meer in de opbouw van het bestand.",
    "De controle vond {n} fouten of meer in de opbouw van het bestand.",
)
INTEGRITY_LIMIT = 20  # integrity_check stops after this many findings


class Health(NamedTuple):
    """What ``reflect doctor`` found in the journal.

    ``problems`` are Dutch lines for the user; ``technical`` keeps SQLite's own
    English messages, for a clearly marked detail line (or a helper's eyes).
    """

    ok: bool
    problems: list[str]
    reflections: int | None
    technical: tuple[str, ...] = ()


class Gap(NamedTuple):
    """Rowids of one table that could not be read (``last`` None: up to the end)."""

    table: str
    first: int
    last: int | None


class Incomplete(NamedTuple):
    """A rescued reflection whose rows in ``table`` could not be read."""

    reflection_id: str
    title: str
    table: str


class RescueResult(NamedTuple):
    target: Path
    saved: dict[str, int]
    gaps: list[Gap]
    incomplete: list[Incomplete]
    orphans: int  # child rows whose reflection was not readable


def examine(path: Path) -> Health:
    """Check the journal without changing it: file check, then ``integrity_check``.

    A journal with no ``-wal`` is read ``immutable`` (nothing is created
    beside it); if a writer started meanwhile and problems were found, the
    check runs once more through the WAL before the journal is called damaged.
    """
    if not path.exists():
        return Health(True, [], 0)
    try:
        check_file(path)
    except DamagedJournal as exc:
        line = PROBLEM_DAMAGED.format(reason=exc.reason) if exc.reason else PROBLEM_DAMAGED_PLAIN
        return Health(False, [line], None, (exc.technical,) if exc.technical else ())
    except ReflectError as exc:
        return Health(False, [exc.message], None)
    wal = path.with_name(path.name + "-wal")
    had_wal = wal.exists()
    health = _integrity(path)
    if not health.ok and not had_wal and wal.exists():
        health = _integrity(path)
    return health


def _integrity(path: Path) -> Health:
    try:
        conn = connect_file(path, readonly=True)
    except db_errors("Error") as exc:
        return Health(False, [PROBLEM_UNREADABLE], None, (str(exc),))
    try:
        problems = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({INTEGRITY_LIMIT})")]
        count: int | None = None
        with contextlib.suppress(*db_errors("Error")):
            count = int(conn.execute("SELECT count(*) FROM reflections").fetchone()[0])
    except db_errors("DatabaseError") as exc:
        return Health(False, [PROBLEM_UNREADABLE], None, (str(exc),))
    finally:
        conn.close()
    if problems == ["ok"]:
        return Health(True, [], count)
    forms = PROBLEM_STRUCTURE_MORE if len(problems) >= INTEGRITY_LIMIT else PROBLEM_STRUCTURE
    return Health(False, [by_count(forms, len(problems))], count, tuple(problems))


def rescue_path(journal_path: Path, stamp: str) -> Path:
    """Where the rescued journal goes: beside the original, never over anything."""
    target = journal_path.with_name(f"{journal_path.stem}-rescued-{stamp}{journal_path.suffix}")
    counter = 1
    while target.exists():
        target = journal_path.with_name(
            f"{journal_path.stem}-rescued-{stamp}-{counter}{journal_path.suffix}"
        )
        counter += 1
    return target


def rescue(path: Path, target: Path) -> RescueResult:
    """Copy every readable row of the journal at ``path`` into a new journal at ``target``."""
    from reflect_tui.core.paths import ensure_private_dir

    if target.exists():
        raise ReflectError(f"{target} bestaat al; kies een andere naam.")
    if held_in_process(path):
        # Copying its bytes would drop this process's locks on it (see connection.py).
        raise RuntimeError("rescue() must not run in a process that has the journal open")
    ensure_private_dir(target.parent)
    # The pid in the name tells a delete whether the work copy is abandoned (erase.py).
    work = Path(tempfile.mkdtemp(prefix=f".rescue-{os.getpid()}-", dir=target.parent))
    try:
        copy = work / "copy.sqlite3"
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        try:
            src = connect_file(copy)
        except db_errors("Error") as exc:
            raise ReflectError(
                f"{path} is niet te openen, er valt niets te redden {technical_note(exc)}."
            ) from None
        try:
            return _rescue_into(src, path, target)
        finally:
            src.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _rescue_into(src: sqlite3.Connection, path: Path, target: Path) -> RescueResult:
    try:
        version = int(src.execute("PRAGMA user_version").fetchone()[0])
        names = [
            str(r[0]) for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
    except db_errors("DatabaseError") as exc:
        raise ReflectError(
            f"de inhoudsopgave van {path} is onleesbaar; er valt niets te redden "
            f"{technical_note(exc)}."
        ) from None
    if version != migrations.CURRENT_VERSION or "reflections" not in names:
        raise ReflectError(
            f"{path} heeft schema {version}; redden kan alleen bij schema "
            f"{migrations.CURRENT_VERSION}. Open het eerst met deze versie van reflect."
        )
    dest = connect(target)
    try:
        migrations.migrate(dest, target, target.parent / "backups", "rescue")
        saved: dict[str, int] = {}
        gaps: list[Gap] = []
        incomplete: list[Incomplete] = []
        orphans = 0
        dest.execute("BEGIN IMMEDIATE")
        reflections, found_gaps = _rowid_rows(src, "reflections")
        gaps += found_gaps
        saved["reflections"] = _insert(dest, src, "reflections", reflections)
        columns = _columns(src, "reflections")
        ids = {str(row[columns.index("id")]): row for row in reflections}
        titles = {rid: str(row[columns.index("title")]) for rid, row in ids.items()}
        for table in _tables(dest):
            if table == "reflections" or table.startswith(_DERIVED_TABLES) or table not in names:
                continue
            if _has_rowid(src, table):
                rows, found_gaps = _rowid_rows(src, table)
                gaps += found_gaps
            else:
                rows = []
                seq_at = columns.index("seq")
                for rid, row in ids.items():
                    try:  # the child tables are keyed by the reflection's seq (schema 7)
                        rows += src.execute(
                            f'SELECT * FROM "{table}" WHERE reflection_seq = ?', (row[seq_at],)
                        ).fetchall()
                    except db_errors("DatabaseError"):
                        incomplete.append(Incomplete(rid, titles[rid], table))
            count = _insert(dest, src, table, rows)
            orphans += len(rows) - count
            saved[table] = count
        fts.rebuild(dest)
        dest.execute("COMMIT")
    except BaseException:
        if dest.in_transaction:
            dest.execute("ROLLBACK")
        dest.close()
        for suffix in ("", "-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        raise
    dest.close()
    return RescueResult(target, saved, gaps, incomplete, orphans)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY rowid"
        )
    ]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except db_errors("OperationalError"):
        return False  # WITHOUT ROWID
    return True


def _rowid_rows(conn: sqlite3.Connection, table: str) -> tuple[list[tuple[object, ...]], list[Gap]]:
    """Every readable row of a rowid table, stepping past damaged pages."""
    rows: list[tuple[object, ...]] = []
    gaps: list[Gap] = []
    chunk_sql = f'SELECT rowid, * FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT {CHUNK}'
    one_sql = f'SELECT rowid, * FROM "{table}" WHERE rowid = ?'
    highest: int | None = None
    with contextlib.suppress(*db_errors("DatabaseError")):
        value = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
        highest = None if value is None else int(value)
    last = 0
    while True:
        try:
            chunk = conn.execute(chunk_sql, (last,)).fetchall()
        except db_errors("DatabaseError"):
            chunk = None
        if chunk is not None:
            if not chunk:
                break
            rows += [tuple(r[1:]) for r in chunk]
            last = int(chunk[-1][0])
            continue
        # A damaged page: probe rowids one by one until one reads again.
        start, found = last + 1, None
        limit = highest if highest is not None and highest > last else last + SKIP_LIMIT
        for rowid in range(start, limit + 1):
            try:
                row = conn.execute(one_sql, (rowid,)).fetchone()
            except db_errors("DatabaseError"):
                continue
            if row is not None:
                found = row
                break
        if found is None:
            gaps.append(
                Gap(table, start, highest if highest is not None and highest > last else None)
            )
            break
        if int(found[0]) > start:
            gaps.append(Gap(table, start, int(found[0]) - 1))
        rows.append(tuple(found[1:]))
        last = int(found[0])
    return rows, gaps


def _insert(
    dest: sqlite3.Connection, src: sqlite3.Connection, table: str, rows: list[tuple[object, ...]]
) -> int:
    """Insert rows (in the source's column order) into the same table; how many went in.

    Columns the new schema lacks are dropped; a row that breaks a constraint
    (a child whose reflection was lost) is skipped.
    """
    source_columns = _columns(src, table)
    wanted = set(_columns(dest, table))
    keep = [i for i, name in enumerate(source_columns) if name in wanted]
    if not keep:
        return 0
    names = ", ".join(f'"{source_columns[i]}"' for i in keep)
    marks = ", ".join("?" for _ in keep)
    sql = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    count = 0
    for row in rows:
        try:
            cur = dest.execute(sql, [row[i] for i in keep])
        except db_errors("IntegrityError"):
            continue
        count += cur.rowcount
    return count
