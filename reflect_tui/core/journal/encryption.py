"""Turning a journal (and its backups) encrypted or plaintext, and changing the passphrase.

Why it is crash-safe: the state of a journal is decided by its own header
(SQLite's magic means plaintext) together with its key file, and each step
changes one of them with one ``rename``:

- ``encrypt``: the encrypted twin is written beside the journal as a temp
  file (``sqlcipher_export``), checked (``integrity_check`` and the row count
  of every table), fsynced; then the key file is written (temp, fsync,
  rename; harmless beside a plaintext journal), then the twin is renamed over
  the journal and the folder fsynced. A SIGKILL before that rename leaves the
  plaintext journal (the stale key file is ignored, the temp file is removed
  next time); after it, the encrypted journal with its key file.
- ``decrypt``: the same the other way; the key file goes last.
- ``change_passphrase``: only the key file changes (the data key is wrapped
  anew, ``keyfile.py``), one atomic rename.

Backups follow the journal, each by the same temp-and-rename step, keeping
their modification time (restore lists them by it): after ``encrypt`` no
backup holds plaintext, after ``decrypt`` every backup opens without a key.
An interrupted run leaves some converted and some not; every file still
opens (the header decides), and running the command again finishes the job.

The WAL is checkpointed (``TRUNCATE``) before the journal is copied and must
be gone after the last connection closed; if another process still has the
journal open, nothing is renamed. The caller holds the app's instance lock.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import keyfile, keys
from reflect_tui.core.journal.connection import connect_cipher
from reflect_tui.core.journal.sqlite_errors import db_errors, translate

TEMP_MARK = ".convert"
IN_USE = (
    "het dagboek is nog in gebruik door een ander programma (staat reflect nog open?); "
    "sluit het en probeer opnieuw. Er is niets veranderd."
)
ALREADY_ENCRYPTED = "het dagboek is al versleuteld."
NOT_ENCRYPTED = "het dagboek is niet versleuteld."
NO_JOURNAL = "er is nog geen dagboek om te versleutelen."


@dataclass
class Conversion:
    """What a command changed: the journal (or not, when it already was so) and backups."""

    journal_changed: bool
    backups_changed: list[Path] = field(default_factory=list)
    backups_failed: list[Path] = field(default_factory=list)
    plaintext_exports: list[Path] = field(default_factory=list)


def _raw_key(key: bytes | None) -> str:
    return "" if key is None else f"x'{key.hex()}'"


def _temp_for(path: Path) -> Path:
    return path.with_name(f".{path.name}{TEMP_MARK}.{os.getpid()}.tmp")


def remove_stale_temps(folder: Path) -> None:
    """Temp twins left by an interrupted run (and their rollback journals)."""
    if not folder.is_dir():
        return
    for stale in folder.glob(f".*{TEMP_MARK}.*.tmp*"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _counts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def _export(source: Path, source_key: bytes | None, target_key: bytes | None) -> Path:
    """Write the twin of ``source`` under ``target_key`` to a checked, fsynced temp file."""
    tmp = _temp_for(source)
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        leftover.unlink(missing_ok=True)
    from reflect_tui.core.paths import create_private_file

    create_private_file(tmp)
    try:
        conn = connect_cipher(source, source_key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("ATTACH DATABASE ? AS twin KEY ?", (str(tmp), _raw_key(target_key)))
            conn.execute("BEGIN IMMEDIATE")
            try:
                expected = _counts(conn)
                conn.execute("SELECT sqlcipher_export('twin')")
                conn.execute(f"PRAGMA twin.user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(*db_errors()):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("DETACH DATABASE twin")
        finally:
            conn.close()
        _verify(tmp, target_key, expected, version)
        tmp.chmod(0o600)
        keyfile.fsync_file(tmp)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, db_errors("Error", OSError)):
            raise translate(exc, source) from None
        raise
    return tmp


def _verify(tmp: Path, key: bytes | None, expected: dict[str, int], version: int) -> None:
    conn = connect_cipher(tmp, key)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        counts = _counts(conn)
        found_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    if result != "ok" or counts != expected or found_version != version:
        raise ReflectError(
            "de omgezette kopie klopt niet met het origineel; er is niets veranderd. "
            "Voer 'reflect doctor' uit."
        )


def _swap_in(tmp: Path, target: Path, keep_mtime: bool) -> None:
    stat = target.stat()
    os.replace(tmp, target)
    if keep_mtime:
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    keyfile.fsync_dir(target.parent)


def _convert_live(journal: Path, source_key: bytes | None, target_key: bytes | None) -> Path:
    """The journal's twin, ready to be renamed in; refuses when another process has it open."""
    tmp = _export(journal, source_key, target_key)
    wal = journal.with_name(journal.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        tmp.unlink(missing_ok=True)
        raise ReflectError(IN_USE)
    return tmp


def _finish_live(tmp: Path, journal: Path) -> None:
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
    _swap_in(tmp, journal, keep_mtime=False)


def _backup_files(journal: Path) -> list[Path]:
    from reflect_tui.core.paths import backups_dir_beside

    folder = backups_dir_beside(journal)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and ".sqlite3" in p.name
        and not p.name.endswith(("-wal", "-shm", "-journal"))
    )


def _convert_backups(journal: Path, target_key: bytes | None, result: Conversion) -> None:
    """Bring every backup to ``target_key`` (None: plaintext); skip those already there."""
    from reflect_tui.core.paths import backups_dir_beside

    remove_stale_temps(backups_dir_beside(journal))
    source_key = keys.registered(journal)
    for path in _backup_files(journal):
        header = keys.read_header(path)
        if not header or keys.looks_encrypted(header) == (target_key is not None):
            continue
        from_key = source_key if keys.looks_encrypted(header) else None
        try:
            tmp = _export(path, from_key, target_key)
            _swap_in(tmp, path, keep_mtime=True)
        except ReflectError:
            result.backups_failed.append(path)
            continue
        result.backups_changed.append(path)


def _plaintext_exports(journal: Path) -> list[Path]:
    folder = journal.parent / "exports"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def encrypt(
    journal: Path, passphrase: str, *, iterations: int = keyfile.DEFAULT_ITERATIONS
) -> Conversion:
    """Encrypt the journal and its backups with a new data key wrapped by ``passphrase``.

    On a journal that already is encrypted, ``passphrase`` must open it and
    only backups an interrupted run left plaintext are converted.
    """
    journal = Path(journal).absolute()
    keys.cipher_driver(keys.MISSING_DRIVER_TO_ENCRYPT)
    if not journal.exists() or journal.stat().st_size == 0:
        raise ReflectError(NO_JOURNAL)
    remove_stale_temps(journal.parent)
    if keys.journal_is_encrypted(journal):
        keys.unlock(journal, passphrase)
        result = Conversion(journal_changed=False)
    else:
        data_key = keyfile.new_data_key()
        wrapped = keyfile.wrap(data_key, passphrase, iterations)
        tmp = _convert_live(journal, None, data_key)
        try:
            keyfile.write(keyfile.key_file_path(journal), wrapped)
            _finish_live(tmp, journal)
        finally:
            tmp.unlink(missing_ok=True)
        keys.register(journal, data_key)
        result = Conversion(journal_changed=True)
    _convert_backups(journal, keys.registered(journal), result)
    result.plaintext_exports = _plaintext_exports(journal)
    return result


def decrypt(journal: Path, passphrase: str | None = None) -> Conversion:
    """Make the journal and its backups plaintext again; the key file goes last."""
    journal = Path(journal).absolute()
    remove_stale_temps(journal.parent)
    key_file = keyfile.key_file_path(journal)
    if not keys.journal_is_encrypted(journal):
        if not key_file.exists():
            raise ReflectError(NOT_ENCRYPTED)
        result = Conversion(journal_changed=False)  # an interrupted decrypt: finish it
    else:
        data_key = keys.unlock(journal, passphrase)
        result = Conversion(journal_changed=True)
        _convert_backups(journal, None, result)  # backups first: the journal still has the key
        tmp = _convert_live(journal, data_key, None)
        try:
            _finish_live(tmp, journal)
        finally:
            tmp.unlink(missing_ok=True)
        keys.forget(journal)
    key_file.unlink(missing_ok=True)
    keyfile.fsync_dir(journal.parent)
    return result


def change_passphrase(journal: Path, old: str | None, new: str) -> None:
    """Wrap the journal's data key under ``new`` (one atomic rename of the key file)."""
    journal = Path(journal).absolute()
    if not keys.journal_is_encrypted(journal):
        raise ReflectError(NOT_ENCRYPTED)
    key_file = keyfile.key_file_path(journal)
    current = keyfile.read(key_file)
    data_key = keys.unlock(journal, old)
    keyfile.write(key_file, keyfile.wrap(data_key, new, max(current.iterations, 1)))
