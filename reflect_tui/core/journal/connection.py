"""The one place that opens a connection to a journal database.

Why one module: every rule about how the journal file may be touched lives
here, and one of them is subtle enough to have destroyed journals before.

**POSIX locks belong to the process, not to the file descriptor.** SQLite
guards its files with ``fcntl`` locks, and closing *any* descriptor of a
file drops *every* lock the process holds on it. SQLite knows this and
shares descriptors between its own connections, but a plain
``open(path).read(); close()`` elsewhere in the same process silently
releases the locks of the connections that are still open. The app used to
do exactly that: the autosave writer thread opened its own store, whose
file check read the header with ``open()``, which dropped the UI
connection's shared lock. The next ``reflect list`` in another terminal
then believed it was the last user, checkpointed and *deleted* the
``-wal``/``-shm`` files while the app still wrote into them; a following
``reflect delete`` worked on the real files, and when the app closed, it
checkpointed its stale private WAL over them: a malformed database, with the
deleted reflection back. So :func:`check_file` reads raw bytes only from a
file this process does not hold open through SQLite (it was checked when it
was first opened), and nothing else in the package reads a journal file's
bytes or calls ``sqlite3.connect`` (a test enforces the latter).

``connect`` is the only function that creates a connection to the live
journal; :func:`connect_file` opens files that are not the live journal
(backups, safety copies, rescued journals).

Encryption at rest plugs in here and nowhere else: an encrypted journal (see
``keys.py`` and ``keyfile.py``) is opened through ``sqlcipher3`` with its
data key (``_apply_key``), and so is every file that belongs to it (its
backups and temp copies, found by folder, or made ``like=`` an encrypted
connection). Callers catch ``sqlite_errors.db_errors()``, which covers both
drivers' exception classes.
"""

from __future__ import annotations

import _thread  # not threading: see store.py
import os
import sqlite3

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import keys
from reflect_tui.core.journal.sqlite_errors import DamagedJournal, db_errors, translate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, cast

    from reflect_tui.core.paths import StrPath
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import cast

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 5.0

# (st_dev, st_ino) of database files this process holds open through ``connect``,
# with how many connections hold each. Reading such a file with ``open()`` would drop
# the locks of those connections (see the module docstring).
_held: dict[tuple[int, int], int] = {}
_held_lock = _thread.allocate_lock()


def _file_key(path: StrPath) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def held_in_process(path: StrPath) -> bool:
    """True while a connection made by :func:`connect` in this process has ``path`` open."""
    key = _file_key(path)
    with _held_lock:
        return key is not None and _held.get(key, 0) > 0


class _Tracked:
    """What both drivers' connections add: the lock registry and the key they were opened with.

    ``close`` is idempotent and tells the registry (``held_in_process``).
    ``cipher_key`` lets a copy be made ``like=`` this connection (same driver,
    same key): SQLite's backup API needs both ends from one driver.
    """

    _held_key: tuple[int, int] | None = None
    cipher_key: bytes | None = None

    def close(self) -> None:
        key, self._held_key = self._held_key, None
        try:
            super().close()  # type: ignore[misc]
        finally:
            if key is not None:
                with _held_lock:
                    left = _held.get(key, 0) - 1
                    if left > 0:
                        _held[key] = left
                    else:
                        _held.pop(key, None)


class JournalConnection(_Tracked, sqlite3.Connection):
    """A plain SQLite connection made by this module (``factory=``)."""


_cipher_class: type[Any] | None = None


def _cipher_connection_class() -> type[Any]:
    """``_Tracked`` over ``sqlcipher3``'s connection, made on first use (never at import)."""
    global _cipher_class
    if _cipher_class is None:
        driver = keys.cipher_driver()
        _cipher_class = type("CipherJournalConnection", (_Tracked, driver.Connection), {})
    return _cipher_class


def _driver_connect(target: StrPath, cipher: bool, **options: Any) -> sqlite3.Connection:
    """Open ``target`` with the plain driver or with ``sqlcipher3`` (same DB-API options)."""
    if cipher:
        driver = keys.cipher_driver()
        conn = driver.connect(target, factory=_cipher_connection_class(), **options)
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher's own log stays silent
        return cast("sqlite3.Connection", conn)
    return sqlite3.connect(target, factory=JournalConnection, **options)


def _hold(conn: Any, path: StrPath) -> None:
    """Register ``conn`` as holding ``path`` open (see ``held_in_process``)."""
    key_id = _file_key(path)
    if key_id is not None:
        with _held_lock:
            _held[key_id] = _held.get(key_id, 0) + 1
        conn._held_key = key_id


def check_file(path: StrPath, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
    """Refuse a file that is not a usable reflect journal, without changing it.

    The header is checked by plain reading; then SQLite opens the file with
    ``mode=ro&immutable=1``, which creates no ``-wal``/``-shm`` files and
    takes no locks, so a corrupt or foreign file is left exactly as it was.
    A file with a ``-wal`` beside it is live (its main file is only complete
    together with the WAL), so it is probed with plain ``mode=ro``. An
    immutable read races with a writer that starts meanwhile, so a
    "malformed" answer is confirmed with a locking read before the file is
    called damaged.

    A file this process already holds open is not read again: it was checked
    when it was opened, and reading it now would drop the locks of the open
    connections.
    """
    if held_in_process(path):
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise ReflectError(f"{path} is een map, geen dagboekbestand.") from None
    except OSError as exc:
        raise translate(exc, path) from None
    if not header:
        return  # an empty file is an empty journal (e.g. pre-created, then interrupted)
    if keys.looks_encrypted(header[:16]) and keys.journal_is_encrypted(path):
        return  # encrypted: the keyed open checks it (``_apply_key``)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DamagedJournal(path, "geen SQLite-bestand")
    live = _is_live(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedJournal(path, "ongeldige paginagrootte")
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = header[92:96] == header[24:28]  # header's own "size is current" check
    if not live and size_is_valid and os.stat(path).st_size < pages * page_size:
        raise DamagedJournal(path, "bestand is afgekapt")
    try:
        version, names = _read_catalog(path, live, busy_timeout)
    except db_errors("DatabaseError") as exc:
        error: BaseException | None = exc
        if not live and _is_live(path):
            # A writer started after the -wal check: the immutable read raced with it.
            live = True
            try:
                version, names = _read_catalog(path, True, busy_timeout)
                error = None
            except db_errors("DatabaseError") as again:
                error = again
        if error is not None:
            text = str(error).lower()
            if live and not ("malformed" in text or "not a database" in text):
                return  # locked, read-only or needs recovery: the real open decides and says so
            raise DamagedJournal(path, technical=str(error)) from None
    from reflect_tui.core.journal import migrations

    if (names or version) and "reflections" not in names:
        raise DamagedJournal(path, "onbekende database")
    migrations.check_version(version, path)


def _is_live(path: StrPath) -> bool:
    """A ``-wal`` or ``-journal`` beside the file: in use, or left by a crash."""
    name = os.fspath(path)
    return os.path.exists(name + "-wal") or os.path.exists(name + "-journal")


# What ``urllib.parse.quote_from_bytes`` leaves as it is (with ``/``, its default safe).
_URI_PLAIN = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def file_uri(path: StrPath) -> str:
    """``Path(path).absolute().as_uri()``, for SQLite's ``file:`` names with options.

    Written out (percent-encoding every byte outside ``_URI_PLAIN``) because
    ``pathlib`` and ``urllib.parse`` are kept off the path of ``reflect list``,
    ``search`` and ``export`` (``core/paths.py``); a test compares the two.
    """
    from reflect_tui.core.paths import absolute

    raw = os.fsencode(absolute(path))
    return "file://" + "".join(chr(b) if b in _URI_PLAIN else f"%{b:02X}" for b in raw)


def count_reflections(path: StrPath, *, readable: bool = False) -> int | None:
    """How many reflections the file at ``path`` still counts, or None if it cannot say.

    For the damaged-journal advice (``sqlite_errors.restore_advice``), which
    compares the damaged journal with its backups. Plain ``sqlite3`` and
    read-only, never ``connect_file``: that could raise the very
    ``DamagedJournal`` whose message is being written. ``immutable`` when no
    ``-wal`` is beside the file, so nothing is created next to it.
    ``count(*)`` reads one B-tree (SQLite picks the smallest index), so a
    damaged page elsewhere does not stop it. An encrypted file cannot be read
    without its key: None.

    ``readable``: count the table's own rows instead (``NOT INDEXED``), which
    reads every page of the table, so any damaged one gives None. Why: an
    intact index still counted 8 reflections whose table pages were garbage,
    and the advice promised them ("het dagboek telt nog 8") while 'reflect
    doctor' could rescue none.
    """
    sql = "SELECT count(*) FROM reflections" + (" NOT INDEXED" if readable else "")
    flags = "mode=ro" if _is_live(path) else "mode=ro&immutable=1"
    try:
        probe = sqlite3.connect(f"{file_uri(path)}?{flags}", uri=True, timeout=0.2)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        return int(probe.execute(sql).fetchone()[0])
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return None
    finally:
        probe.close()


def _read_catalog(path: StrPath, live: bool, busy_timeout: float) -> tuple[int, set[str]]:
    """``user_version`` and table names, read without writing anything."""
    flags = "mode=ro" if live else "mode=ro&immutable=1"
    try:
        probe = sqlite3.connect(f"{file_uri(path)}?{flags}", uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise DamagedJournal(path, technical=str(exc)) from None
    try:
        version = int(probe.execute("PRAGMA user_version").fetchone()[0])
        names = {r[0] for r in probe.execute("SELECT name FROM sqlite_master")}
    finally:
        probe.close()
    return version, names


def configure(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """The settings every connection needs (they are per connection, not stored).

    WAL plus ``synchronous=FULL``: a committed transaction survives a crash.
    Normal locking mode, no ``nolock``/``immutable``: other processes (the
    CLI beside the app) must see and respect this connection's locks.
    """
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise ReflectError(
            "het dagboek kan hier niet veilig worden bewaard (WAL-modus niet beschikbaar, "
            "bijvoorbeeld op een netwerkschijf); kies een andere map met --data-dir."
        )
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")


def tighten_sidecars(path: StrPath) -> None:
    """Make sure ``-wal`` and ``-shm`` are 0600 whatever the umask was."""
    for suffix in ("-wal", "-shm"):
        side = os.fspath(path) + suffix
        try:
            if os.stat(side).st_mode & 0o077:
                os.chmod(side, 0o600)
        except FileNotFoundError:
            pass


def _apply_key(conn: sqlite3.Connection, key: bytes | None, path: StrPath) -> None:
    """Give SQLCipher the raw data key before anything is read, and check it opens.

    A raw key (``x'…'``) skips SQLCipher's own KDF: the one derivation was done
    when the passphrase was checked against the key file, so a wrong key here
    means a damaged file (or a key file that belongs to another journal), never
    a wrong passphrase. SQLCipher's own log output is silenced.

    Why SQLCipher's 4096-byte pages stay (issue 17, measured at 10,000
    reflections): what encryption costs is the HMAC-SHA512 check of every
    page read, about 1.5 us per KB, so it grows with the bytes read. A search
    reads ~280 scattered pages (one reflection's row, answers, steps per
    hit); 8192-byte pages read fewer pages but more bytes and made it slower
    (ratio 1.35x -> 1.54x), 16384 worse still; 2048 read 30 % fewer bytes but
    40 % more pages (about even) and made ``list`` slower. The pages a search
    reads were cut instead (``store.search_hits``, schema 8).
    """
    if key is None:
        return
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except db_errors("DatabaseError") as exc:
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise ReflectError(keys.corrupt_encrypted(path)) from None
        raise


def connect(
    path: StrPath,
    *,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    key: bytes | None = None,
) -> sqlite3.Connection:
    """A configured connection to the live journal at ``path`` (created 0600 if missing).

    The file is checked first (see :func:`check_file`); the connection may
    be used from another thread (callers serialise access themselves) and
    runs in autocommit mode, so callers say ``BEGIN IMMEDIATE`` themselves.
    """
    from reflect_tui.core.paths import create_private_file

    if os.path.lexists(path):  # a dangling symbolic link too: check_file says what it is
        check_file(path, busy_timeout)
    else:
        if key is None:
            key = keys.adopt_new_journal(path)
        try:
            create_private_file(path)
        except FileExistsError:
            check_file(path, busy_timeout)  # another process created it meanwhile
        except OSError as exc:
            raise translate(exc, path) from None
    if key is None:
        key = keys.key_for_journal(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = _driver_connect(
            path,
            key is not None,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
        )
        _hold(conn, path)
        _tracked(conn).cipher_key = key
        _apply_key(conn, key, path)
        configure(conn, busy_timeout)
        tighten_sidecars(path)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, db_errors("Error", OSError)):
            raise translate(exc, path) from None
        raise
    return conn


def connect_readonly(
    path: StrPath, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> sqlite3.Connection:
    """A connection that only reads the live journal and never writes a byte anywhere.

    For a journal that cannot be written (a read-only file system, a backup
    on a read-only medium, a folder made 0500): ``list``, ``show``,
    ``search`` and ``export`` must still work there. Where the folder can
    hold SQLite's shared-memory file the journal is opened ``mode=ro`` (it
    still honours other processes' locks); where it cannot, ``immutable``
    (nobody can be writing to it either).
    """
    from pathlib import Path

    from reflect_tui.core.paths import can_write_beside

    path = Path(path)
    if not path.exists():
        raise ReflectError(f"er is geen dagboek in {path.parent} (en de map is alleen-lezen).")
    check_file(path, busy_timeout)
    shm = path.with_name(path.name + "-shm")
    shm_possible = can_write_beside(shm) or shm.exists()
    flags = "mode=ro" if shm_possible and _is_live(path) else "mode=ro&immutable=1"
    key = keys.key_for_journal(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = _driver_connect(
            f"{file_uri(path)}?{flags}",
            key is not None,
            uri=True,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
        )
        _hold(conn, path)
        _tracked(conn).cipher_key = key
        _apply_key(conn, key, path)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, db_errors("Error", OSError)):
            raise translate(exc, path) from None
        raise
    return conn


def require_sound(conn: sqlite3.Connection, path: StrPath) -> None:
    """Refuse to write into a damaged file: ``PRAGMA quick_check`` must say ok.

    Why before an import: a corrupt page in the middle of the file was not
    noticed by opening it, and an import then wrote into the damaged file.
    ``quick_check`` reads every page once (linear in the file), the price of
    a bulk write that must not make things worse.
    """
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except db_errors("DatabaseError") as exc:
        raise DamagedJournal(path, technical=str(exc)) from None
    if [r[0] for r in rows] != ["ok"]:
        raise DamagedJournal(path, "controle mislukt", technical=str(rows[0][0]))


def _tracked(conn: sqlite3.Connection) -> _Tracked:
    return cast("_Tracked", conn)


def key_of(conn: sqlite3.Connection) -> bytes | None:
    """The key ``conn`` was opened with (None: plaintext)."""
    return getattr(conn, "cipher_key", None)


def uses_cipher_driver(conn: sqlite3.Connection) -> bool:
    return _cipher_class is not None and isinstance(conn, _cipher_class)


def connect_file(
    path: Path, *, readonly: bool = False, like: sqlite3.Connection | None = None
) -> sqlite3.Connection:
    """A plain connection to a file that is not the live journal (or only reads it).

    For backups, safety copies and rescued journals: default (rollback)
    journal mode, autocommit, ``secure_delete`` on so erased rows leave no
    trace. ``readonly`` never creates or changes a file: a file with no
    ``-wal`` beside it is read ``immutable`` (a WAL-mode header would
    otherwise make SQLite create ``-wal``/``-shm`` next to it), a live one
    with plain ``mode=ro``, through its WAL and honouring its locks.

    Encryption: a new or empty file made ``like`` an encrypted connection
    (a snapshot of it) gets the same key; any other file is opened by what
    its header says, with the key of the journal it belongs to
    (``keys.key_for_file``). A file of an encrypted journal's folder is
    opened through ``sqlcipher3`` even when it is plaintext, so the backup
    API can copy between it and the journal.
    """
    from pathlib import Path

    path = Path(path)
    if held_in_process(path):
        key = keys.registered(path)
        header = b"" if key is None else b"encrypted"
    else:
        header = keys.read_header(path)
        key = None
    if like is not None:
        cipher = uses_cipher_driver(like)
        if header and keys.looks_encrypted(header) != (key_of(like) is not None):
            # The backup API copies pages as they are: it cannot turn a plaintext
            # file into an encrypted journal, nor the other way round.
            kinds = ("versleuteld", "niet")
            if not keys.looks_encrypted(header):
                kinds = ("niet versleuteld", "wel")
            raise ReflectError(keys.MIXED_COPY.format(kind=kinds[0], other=kinds[1]))
        if key is None and (not header or keys.looks_encrypted(header)):
            key = key_of(like)
    else:
        if key is None:
            key = keys.key_for_file(path, header)
        cipher = key is not None
        if header and not keys.looks_encrypted(header):
            key = None
    if readonly:
        flags = "mode=ro" if _is_live(path) else "mode=ro&immutable=1"
        conn = _driver_connect(f"{file_uri(path)}?{flags}", cipher, uri=True)
    else:
        conn = _driver_connect(path, cipher, isolation_level=None)
    _tracked(conn).cipher_key = key
    try:
        _apply_key(conn, key, path)
    except BaseException:
        conn.close()
        raise
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def connect_cipher(
    path: Path, key: bytes | None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> sqlite3.Connection:
    """A ``sqlcipher3`` connection to ``path`` (plaintext when ``key`` is None).

    For turning a file into its encrypted or plaintext twin
    (``encryption.py``): ``sqlcipher_export`` only exists in SQLCipher's
    SQLite, whichever side is encrypted. The file is not created when missing.
    """
    from pathlib import Path

    path = Path(path)
    if not path.exists():
        raise ReflectError(f"er is geen dagboek in {path.parent}.")
    conn = _driver_connect(path, True, timeout=busy_timeout, isolation_level=None)
    _hold(conn, path)
    _tracked(conn).cipher_key = key
    try:
        _apply_key(conn, key, path)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn
