"""Backups of the journal: a daily snapshot, one on demand, and putting one back.

Why SQLite's online backup API and not a file copy: the journal lives in
WAL mode, so the main file alone is not the journal, and copying bytes
while another process writes gives a torn copy. ``Connection.backup`` reads
one consistent snapshot (WAL included) without blocking writers.

Every backup is a private file (0600) in ``paths.backups_dir_beside`` (the
data folder's ``backups/``), the folder ``erase.scrub_copies`` cleans when a
reflection is deleted, so a backup never keeps what the user erased. A
snapshot that was being made while a reflection was deleted is checked
against the journal once it is in place (``_drop_erased``), closing the
window between the delete's scrub and the snapshot's rename.

Restoring goes through the backup API too, into the live journal (when it
still opens), so a CLI process reading at the same moment sees either the
old or the restored journal, never a file swapped under its feet. A journal
too damaged to open is moved aside whole (with its ``-wal``) instead.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.connection import connect, connect_file
from reflect_tui.core.journal.sqlite_errors import (
    DamagedJournal,
    db_errors,
    technical_note,
    translate,
)
from reflect_tui.core.paths import (
    BACKUP_SUFFIX,
    DAILY_BACKUP_PREFIX,
    daily_backup_due,
    daily_backup_path,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

DAILY_PREFIX = DAILY_BACKUP_PREFIX
MANUAL_PREFIX = "manual-"
SAFETY_PREFIX = "before-restore-"
DAILY_KEEP = 7
SUFFIX = BACKUP_SUFFIX
# A journal too damaged to open is kept as ``before-restore-<stamp>.sqlite3.damaged``: not
# a ``*.sqlite3``, so restore never picks it. A delete still scrubs it (``erase.scrub_copies``,
# tolerant of its damage), and refuses, naming it, when even that fails.
DAMAGED_SUFFIX = ".damaged"


class BackupSummary(NamedTuple):
    """What a backup holds, shown before it is restored."""

    path: Path
    reflections: int
    newest_title: str | None
    newest_on: date | None
    made_at: datetime


class RestoreResult(NamedTuple):
    restored: BackupSummary
    safety_copy: Path


# --- finding backups ------------------------------------------------------------------


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups that ``reflect restore`` may choose, newest first.

    Safety copies made by a restore are left out: restoring "the newest
    backup" twice must not bring back the journal the first restore replaced
    (it stays available by name).
    """
    if not backups_dir.is_dir():
        return []
    found = [
        p
        for p in backups_dir.glob(f"*{SUFFIX}")
        if p.is_file() and not p.name.startswith((SAFETY_PREFIX, "."))
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_backup(backups_dir: Path) -> Path | None:
    found = list_backups(backups_dir)
    return found[0] if found else None


def describe(path: Path) -> BackupSummary:
    """Count and newest reflection of a backup (or any journal file), read-only."""
    if not path.is_file():
        raise ReflectError(f"de back-up {path} bestaat niet.")
    try:
        conn = connect_file(path, readonly=True)
        try:
            count = int(conn.execute("SELECT count(*) FROM reflections").fetchone()[0])
            row = conn.execute(
                "SELECT title, occurred_on FROM reflections"
                " ORDER BY occurred_on DESC, created_at DESC LIMIT 1"
            ).fetchone()
        finally:
            conn.close()
    except db_errors("Error") as exc:
        raise ReflectError(
            f"{path} is geen bruikbare back-up van het dagboek {technical_note(exc)}."
        ) from None
    made = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    if row is None:
        return BackupSummary(path, count, None, None, made)
    return BackupSummary(path, count, str(row[0]), date.fromisoformat(row[1]), made)


# --- making backups ---------------------------------------------------------------------


# The reason a damaged journal gives when the backup's check found it (Dutch).
BACKUP_CHECK_FAILED = "gevonden bij de controle voor de back-up"


class DamagedSource(ReflectError):
    """The journal copied fine page by page, but the copy fails ``quick_check``."""


def snapshot(source: sqlite3.Connection, target: Path, *, verify: bool = False) -> Path:
    """Copy the journal behind ``source`` to ``target`` (0600), atomically.

    The copy is written to a hidden temp file and renamed, so a crash never
    leaves half a backup under a backup's name; it is switched to rollback
    journal mode, so opening a backup later creates no ``-wal`` beside it.
    The backup API copies pages without reading them as tables, so a damaged
    journal gives a damaged copy: ``verify`` runs ``quick_check`` on the copy
    first and raises ``DamagedSource`` instead of keeping it (a damaged file
    among the backups would be chosen by restore and trip every delete's scrub).
    """
    from reflect_tui.core.paths import create_private_file, ensure_private_dir

    ensure_private_dir(target.parent)
    # os.urandom, not uuid: every command opens the journal through this
    # module, and uuid (with platform) is a measurable part of its import.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    create_private_file(tmp)
    try:
        dest = connect_file(tmp, like=source)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            if verify:
                try:
                    result = dest.execute("PRAGMA quick_check").fetchone()[0]
                except db_errors("DatabaseError"):  # too damaged even to check
                    result = "malformed"
                if result != "ok":
                    raise DamagedSource(
                        "het dagboek lijkt beschadigd, dus er is geen back-up van gemaakt; "
                        "voer 'reflect doctor' uit."
                    )
        finally:
            dest.close()
        tmp.chmod(0o600)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _drop_erased(journal: sqlite3.Connection, backup: Path) -> None:
    """Erase from ``backup`` every reflection the journal no longer has.

    A delete that committed while the snapshot was read scrubbed the backups
    folder before this file was renamed into it; checking afterwards against
    the journal (and any later delete scrubbing it itself) leaves no gap.
    """
    from reflect_tui.core.journal.erase import scrub_file

    live = {row[0] for row in journal.execute("SELECT id FROM reflections")}
    conn = connect_file(backup, readonly=True)
    try:
        kept = {row[0] for row in conn.execute("SELECT id FROM reflections")}
    finally:
        conn.close()
    for reflection_id in sorted(kept - live):
        scrub_file(backup, reflection_id)


def _snapshot_file(journal_path: Path, target: Path) -> None:
    """Snapshot the journal to ``target`` (checked), then scrub what was erased meanwhile."""
    journal = connect(journal_path)
    try:
        try:
            snapshot(journal, target, verify=True)
            _drop_erased(journal, target)
        except DamagedSource:
            # The once-a-day check found damage the day's reads had not touched:
            # the journal's own message, with what saves the most.
            raise DamagedJournal(journal_path, BACKUP_CHECK_FAILED) from None
        except db_errors("Error", OSError) as exc:
            raise translate(exc, target) from None
    finally:
        journal.close()


def back_up(journal_path: Path, target: Path) -> BackupSummary:
    """A backup of the journal now, to ``target``; what it holds.

    A target outside the data folder is remembered (``elsewhere.record``), so a
    later delete can name it: it cannot erase anything there.
    """
    from reflect_tui.core.journal import elsewhere

    _snapshot_file(journal_path, target)
    summary = describe(target)
    try:
        elsewhere.record(journal_path, target, elsewhere.BACKUP, summary.made_at)
    except OSError as exc:
        raise translate(exc, journal_path) from None
    return summary


def manual_backup_path(backups_dir: Path, now: datetime) -> Path:
    """Where ``reflect backup`` without ``-o`` writes (never over an existing file)."""
    stamp = now.strftime("%Y%m%dT%H%M%S")
    target = backups_dir / f"{MANUAL_PREFIX}{stamp}{SUFFIX}"
    counter = 1
    while target.exists():
        target = backups_dir / f"{MANUAL_PREFIX}{stamp}-{counter}{SUFFIX}"
        counter += 1
    return target


def daily_backup(
    journal_path: Path, backups_dir: Path, today: date, *, new_journal: bool = False
) -> Path | None:
    """Today's snapshot if there is none yet (the first open of the day); prune to 7.

    Returns the new backup, or None when today's already existed (the usual
    case: one ``stat``) or the journal is new (``paths.daily_backup_due``).
    Called off the UI thread by the app, after the CLI's command by the CLI.
    """
    if not daily_backup_due(journal_path, backups_dir, today, new_journal=new_journal):
        return None
    target = daily_backup_path(backups_dir, today)
    _snapshot_file(journal_path, target)
    prune_daily(backups_dir)
    return target


def prune_daily(backups_dir: Path, keep: int = DAILY_KEEP) -> list[Path]:
    """Remove all but the ``keep`` newest daily snapshots; the removed paths."""
    daily = sorted(backups_dir.glob(f"{DAILY_PREFIX}*{SUFFIX}"), reverse=True)
    removed = daily[keep:]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


# --- restoring --------------------------------------------------------------------------


def restore(journal_path: Path, source: Path, backups_dir: Path, now: datetime) -> RestoreResult:
    """Put the backup ``source`` in place of the journal, after a safety copy.

    The caller must hold the app's instance lock (``core/instance.py``) while
    this runs: a running app would keep writing its drafts over the restored
    journal (``APP_OPEN`` is the message when it cannot get it).
    """
    summary = describe(source)
    _check_usable(source)
    stamp = now.strftime("%Y%m%dT%H%M%S")
    safety = backups_dir / f"{SAFETY_PREFIX}{stamp}{SUFFIX}"
    counter = 1
    while safety.exists() or safety.with_name(safety.name + DAMAGED_SUFFIX).exists():
        safety = backups_dir / f"{SAFETY_PREFIX}{stamp}-{counter}{SUFFIX}"
        counter += 1
    if not _restore_into_live(journal_path, source, safety):
        safety = safety.with_name(safety.name + DAMAGED_SUFFIX)
        _restore_over_damaged(journal_path, source, safety)
    return RestoreResult(summary, safety)


APP_OPEN = (
    "reflect is nog geopend in een ander venster; sluit de app eerst en voer "
    "'reflect restore' dan opnieuw uit. Er is niets veranderd."
)


def _check_usable(source: Path) -> None:
    from reflect_tui.core.journal import migrations

    conn = connect_file(source, readonly=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except db_errors("Error") as exc:
        raise ReflectError(f"de back-up {source} is niet leesbaar {technical_note(exc)}.") from None
    finally:
        conn.close()
    if result != "ok":
        raise ReflectError(f"de back-up {source} is zelf beschadigd ({result}); kies een andere.")
    migrations.check_version(version, source)


def _restore_into_live(journal_path: Path, source: Path, safety: Path) -> bool:
    """Restore through the backup API into the open journal; False when it will not open."""
    try:
        journal = connect(journal_path)
    except ReflectError:
        return False
    try:
        try:
            snapshot(journal, safety, verify=True)
        except db_errors("DatabaseError", DamagedSource):
            return False  # damaged: move it aside whole instead of copying it
        src = connect_file(source, readonly=True, like=journal)
        try:
            src.backup(journal)
        finally:
            src.close()
        journal.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except db_errors("Error", OSError) as exc:
        raise translate(exc, journal_path) from None
    finally:
        journal.close()
    return True


def _restore_over_damaged(journal_path: Path, source: Path, safety: Path) -> None:
    """The journal does not open: keep it (and its WAL) as the safety copy, put the backup in."""
    from reflect_tui.core.paths import ensure_private_dir

    ensure_private_dir(safety.parent)
    try:
        if journal_path.exists():
            os.replace(journal_path, safety)
        wal = journal_path.with_name(journal_path.name + "-wal")
        if wal.exists():
            os.replace(wal, safety.with_name(safety.name + "-wal"))
        journal_path.with_name(journal_path.name + "-shm").unlink(missing_ok=True)
        src = connect_file(source, readonly=True)
        try:
            snapshot(src, journal_path)
        finally:
            src.close()
    except db_errors("Error", OSError) as exc:
        raise translate(exc, journal_path) from None
