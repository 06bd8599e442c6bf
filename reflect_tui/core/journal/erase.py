"""Erasing a deleted reflection from every copy of the journal in the data folder.

Why: a backup (daily, manual, pre-migration, a restore's safety copy, the
``.damaged`` copy a restore sets aside), a journal ``reflect doctor``
rescued into, and a temp file left by an interrupted copy are each a full
copy of the journal. "Deleted means gone from every file under the data
folder" would be false if the text lived on there; ``scrub_copies`` is the
one list of those files, called by ``JournalStore.delete`` (so by the TUI
and ``reflect delete`` alike). Backups may be at any older schema
version, so the scrub is schema-agnostic: every table with an ``id`` or
``reflection_id`` column (or, from schema 7, a ``reflection_seq`` column
naming the reflection's ``seq``) loses the matching rows, full-text tables are
cleaned and optimised, and the file is vacuumed with ``secure_delete``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.connection import connect_file
from reflect_tui.core.journal.sqlite_errors import db_errors, error_words

# ``backup.DAMAGED_SUFFIX`` and ``doctor.RESCUE_WORK_PREFIX``, repeated here so the
# delete path imports neither module (doctor pulls in migrations).
_DAMAGED_SUFFIX = ".damaged"
_RESCUE_WORK = re.compile(r"^\.rescue-(?:(\d+)-)?")
# Temp files of an atomic write: ``.NAME.PID.tmp`` (paths.write_private_file),
# ``.NAME.PID.HEX8.tmp`` (backup.snapshot), ``.NAME.convert.PID.tmp`` (encryption),
# each possibly with SQLite's ``-journal``/``-wal``/``-shm`` beside it.
_TEMP = re.compile(r"^\..+?\.(\d+)(?:\.[0-9a-f]{8})?\.tmp(?:-journal|-wal|-shm)?$")

NOT_ERASED = (
    "de reflectie is niet gewist: de kopie {path} kon niet worden bijgewerkt ({error}). "
    "Is die kopie beschadigd en heb je hem niet meer nodig, verwijder hem dan zelf en "
    "wis opnieuw."
)


def scrub_backups(backups_dir: Path, reflection_id: str) -> int:
    """Remove ``reflection_id`` from every backup in ``backups_dir``; return files changed."""
    if not backups_dir.is_dir():
        return 0
    changed = 0
    for path in sorted(backups_dir.glob("*.sqlite3")):
        if scrub_file(path, reflection_id):
            changed += 1
    return changed


def rescued_journals(journal_path: Path) -> list[Path]:
    """Journals ``reflect doctor`` rescued into beside ``journal_path`` (``rescue_path``)."""
    stem, suffix = journal_path.stem, journal_path.suffix
    return sorted(p for p in journal_path.parent.glob(f"{stem}-rescued-*{suffix}") if p.is_file())


def damaged_copies(backups_dir: Path) -> list[Path]:
    """The ``.damaged`` copies a restore set aside (a journal too damaged to open)."""
    if not backups_dir.is_dir():
        return []
    return sorted(p for p in backups_dir.glob(f"*.sqlite3{_DAMAGED_SUFFIX}") if p.is_file())


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def abandoned_temps(folders: list[Path]) -> list[Path]:
    """Temp copies left by a process that died mid-write (a kill, a power cut).

    A temp file whose writer still runs is left alone: removing it would
    break that backup or export, and its writer removes or renames it (a
    snapshot renamed into ``backups/`` after this is checked by
    ``backup._drop_erased``).
    """
    found: list[Path] = []
    for folder in folders:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            work = _RESCUE_WORK.match(path.name)
            if work is not None and path.is_dir() and not path.is_symlink():
                if work.group(1) is None or not _alive(int(work.group(1))):
                    found.append(path)
                continue
            temp = _TEMP.match(path.name)
            if temp is not None and path.is_file() and not _alive(int(temp.group(1))):
                found.append(path)
    return found


def scrub_copies(journal_path: Path, backups_dir: Path, reflection_id: str) -> int:
    """Remove ``reflection_id`` from every copy of the journal under the data folder.

    Backups (``*.sqlite3`` in ``backups_dir``: daily, manual, pre-migration,
    a restore's safety copies; ``reflect backup -o`` elsewhere in the data
    folder, from ``elsewhere``), the ``.damaged`` copies, rescued journals and
    abandoned temp copies (removed: nobody will rename them into place). Raises
    ``ReflectError`` naming the file that could not be scrubbed; the caller
    then keeps the reflection, so a second delete can finish the job.
    Returns the number of files changed.
    """
    from reflect_tui.core.journal import elsewhere

    changed = 0
    plain = sorted(backups_dir.glob("*.sqlite3")) if backups_dir.is_dir() else []
    plain += rescued_journals(journal_path)
    plain += [p for p in elsewhere.written_inside(journal_path, elsewhere.BACKUP) if p not in plain]
    copies = [(p, False) for p in plain]
    copies += [(p, True) for p in damaged_copies(backups_dir)]
    for path, damaged in copies:
        try:
            if scrub_file(path, reflection_id, damaged=damaged):
                changed += 1
        except db_errors("Error", OSError, ReflectError) as exc:
            raise ReflectError(NOT_ERASED.format(path=path, error=error_words(exc))) from None
    folders = [journal_path.parent, backups_dir, journal_path.parent / "exports"]
    for path in abandoned_temps(folders):
        if path.is_dir():
            import shutil  # only here: every command's daily backup imports this module

            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        changed += 1
    return changed


_OPTION = r"{}\s*=\s*['\"]?(\w+)"


def _seqs_of(conn: sqlite3.Connection, reflection_id: str) -> list[int]:
    columns = {row[1] for row in conn.execute('PRAGMA table_info("reflections")')}
    if not {"seq", "id"} <= columns:
        return []
    rows = conn.execute("SELECT seq FROM reflections WHERE id = ?", (reflection_id,))
    return [int(r[0]) for r in rows]


def _has_content_option(sql: str) -> bool:
    return re.search(_OPTION.format("content"), sql, re.IGNORECASE) is not None


def _reindex_external(conn: sqlite3.Connection, name: str, sql: str) -> None:
    """Rebuild an external-content index from what is left in its content.

    Such an index (schema 3) holds the deleted reflection's terms until it
    is told to forget them; after the rows are gone the only way is to
    empty it and index the remaining rows again (``'rebuild'`` fails on a
    view as content table in SQLite 3.40, an ``INSERT … SELECT`` works).
    """
    content = re.search(_OPTION.format("content"), sql, re.IGNORECASE)
    if content is None or not content.group(1):
        return
    rowid = re.search(_OPTION.format("content_rowid"), sql, re.IGNORECASE)
    key = rowid.group(1) if rowid else "rowid"
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
    listed = ", ".join(f'"{c}"' for c in columns)
    conn.execute(f'INSERT INTO "{name}" ("{name}") VALUES (\'delete-all\')')
    conn.execute(
        f'INSERT INTO "{name}" (rowid, {listed}) SELECT "{key}", {listed} FROM "{content.group(1)}"'
    )


def _forget_external(conn: sqlite3.Connection, name: str, sql: str, seqs: list[int]) -> bool:
    """Take ``seqs`` out of an external-content index one by one; False if not such an index.

    For a damaged copy: a rebuild reads every row, and one damaged page stops
    it, while this reads only the deleted reflection's rows (before they go).
    """
    content = re.search(_OPTION.format("content"), sql, re.IGNORECASE)
    if content is None or not content.group(1):
        return False
    rowid = re.search(_OPTION.format("content_rowid"), sql, re.IGNORECASE)
    key = rowid.group(1) if rowid else "rowid"
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
    listed = ", ".join(f'"{c}"' for c in columns)
    for seq in seqs:
        conn.execute(
            f'INSERT INTO "{name}" ("{name}", rowid, {listed}) SELECT \'delete\', "{key}", '
            f'{listed} FROM "{content.group(1)}" WHERE "{key}" = ?',
            (seq,),
        )
    return True


def scrub_file(path: Path, reflection_id: str, *, damaged: bool = False) -> bool:
    """Delete ``reflection_id``'s rows from the journal copy at ``path``; True if any went.

    The copy keeps (all but) its modification time: a backup's "gemaakt"
    and the order ``reflect restore`` picks "the newest" from are read from
    it, and both mean when the backup was taken, not when it was last
    scrubbed. One second later than before, so a tool that syncs by size
    and time still sees the file changed and carries the erasure along.
    """
    try:
        before = os.stat(path)
    except FileNotFoundError:  # gone meanwhile (pruned): nothing left to scrub
        return False
    changed = _scrub_rows(path, reflection_id, damaged=damaged)
    if changed:
        with contextlib.suppress(OSError):  # only the shown time is at stake
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + _NUDGE_NS))
    return changed


_NUDGE_NS = 1_000_000_000


def _scrub_rows(path: Path, reflection_id: str, *, damaged: bool) -> bool:
    """The erasure itself (see ``scrub_file``).

    ``secure_delete`` zeroes the rows where they lay; the ``VACUUM`` after
    rewrites the file without free pages. A ``damaged`` copy usually cannot
    be vacuumed (it reads every page): there a failing ``VACUUM`` is accepted,
    the zeroed rows are what counts.
    """
    conn = connect_file(path)
    try:
        tables = [
            (name, sql or "")
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
        ]
        fts_tables = [n for n, sql in tables if "using fts5" in sql.lower()]
        shadow = tuple(f"{n}_" for n in fts_tables)
        changed = 0
        conn.execute("BEGIN IMMEDIATE")
        # Schema 2 keys its (contentful) index by reflections.seq, not by id.
        seqs = _seqs_of(conn, reflection_id) if any(n == "reflections" for n, _ in tables) else []
        forgotten = (
            {n for n, sql in tables if n in fts_tables and _forget_external(conn, n, sql, seqs)}
            if damaged and seqs
            else set()
        )
        for name, sql in tables:
            if name in fts_tables and seqs and not _has_content_option(sql):
                columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
                if not columns & {"reflection_id", "id"}:
                    for seq in seqs:
                        changed += conn.execute(
                            f'DELETE FROM "{name}" WHERE rowid = ?', (seq,)
                        ).rowcount
        for name, _sql in tables:
            if name.startswith(shadow) or name.startswith("sqlite_"):
                continue
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
            if "reflection_seq" in columns:  # schema 7: children keyed by the integer seq
                for seq in seqs:
                    changed += conn.execute(
                        f'DELETE FROM "{name}" WHERE reflection_seq = ?', (seq,)
                    ).rowcount
                continue
            for column in ("reflection_id", "id"):
                if column in columns:
                    changed += conn.execute(
                        f'DELETE FROM "{name}" WHERE "{column}" = ?', (reflection_id,)
                    ).rowcount
                    break
        for name, sql in tables:
            if name in fts_tables and changed and name not in forgotten:
                _reindex_external(conn, name, sql)
        for name in fts_tables:
            with contextlib.suppress(*db_errors("Error")):
                conn.execute(f'INSERT INTO "{name}" ("{name}") VALUES (\'optimize\')')
        conn.execute("COMMIT")
        if changed:
            try:
                conn.execute("VACUUM")
            except db_errors("DatabaseError"):
                if not damaged:
                    raise
        return bool(changed)
    finally:
        conn.close()
