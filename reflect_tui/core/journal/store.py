"""The journal on disk: one SQLite database, crash-safe, private, searchable.

Why SQLite with these settings (set in ``connection.py``): WAL plus ``synchronous=FULL`` means a
committed transaction survives a crash or power cut, and ``BEGIN
IMMEDIATE`` takes the write lock up front so two app instances queue
instead of failing half-way. Every public method is one transaction: a
saved answer is either fully there or not at all. ``secure_delete`` and a
checkpoint after deletes make "delete" mean gone from every file.

The connection may be used from a worker thread (the TUI autosaves off the
UI thread), so access is serialised with a lock.

Counting and listing need only the light ``summary`` module; the methods
that read or write whole reflections import ``records`` (and with it the
full model) on first use, so opening the store and drawing the home
screen's first frame never pay for it.
"""

from __future__ import annotations

# ``_thread``, not ``threading``: its locks are the very ones threading hands out
# (``threading.RLock`` is ``_thread.RLock``), and ``reflect list``/``search`` need
# no more of threading, whose import is ~3.7 M instructions of their process.
import _thread
import builtins  # JournalStore.list shadows the builtin inside the class
import os
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from datetime import date, datetime

from reflect_tui.core.clock import Clock
from reflect_tui.core.errors import ReflectError, ReflectionChanged, ReflectionGone
from reflect_tui.core.journal import codec, migrations
from reflect_tui.core.journal.connection import DEFAULT_BUSY_TIMEOUT, connect, require_sound
from reflect_tui.core.journal.sqlite_errors import db_errors, error_words, translate
from reflect_tui.core.journal.summary import (
    OVERDUE_SHOWN,
    OpenStep,
    Overdue,
    ReflectionSummary,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, NamedTuple

    from reflect_tui.core.journal.import_batch import Batch
    from reflect_tui.core.journal.import_rows import Prepared
    from reflect_tui.core.journal.kept_matches import KeptMatches, KeptQuery
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.query import JournalQuery
    from reflect_tui.core.journal.search import SearchHit
    from reflect_tui.core.journal.summary import Status
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

if TYPE_CHECKING:
    import contextlib
    from contextlib import contextmanager as _contextmanager
else:

    def _contextmanager(func):
        """``contextlib.contextmanager``, with ``contextlib`` imported on the first call.

        Why: importing ``contextlib`` (its ABCs and classes) was ~2.5 M
        instructions of every ``reflect list`` and ``search`` process (~92 and
        ~102 M at 1,000 reflections), which use none of the context managers
        made with it: their reads go through ``_Guard``. A write, an export's
        snapshot or an import still gets the standard one, made once.
        """
        made = None

        def call(*args, **kwargs):
            nonlocal made
            if made is None:
                from contextlib import contextmanager

                made = contextmanager(func)
            return made(*args, **kwargs)

        call.__name__, call.__qualname__, call.__doc__ = (
            func.__name__,
            func.__qualname__,
            func.__doc__,
        )
        return call


_SUMMARY_COLS = "r.id, r.title, r.occurred_on, r.status, r.case_kind, r.updated_at"
_IDS_WHERE = "WHERE id IN (SELECT value FROM json_each(?))"


class Cancelled(Exception):
    """A read stopped because its caller asked it to (``read_rows(cancelled=...)``)."""


class ImportResult(NamedTuple):
    """What an import did, for the one-line report."""

    added: int
    updated: int
    unchanged: int


class Saved(NamedTuple):
    """What ``JournalStore.save`` did.

    ``base``: pass it as ``base`` to the next save of the same edit.
    ``found``: the stored ``updated_at`` (database text) the write replaced.
    ``kept``/``overridden``: fields merged with a change made elsewhere
    (``merge.Merged``); both empty when nobody else wrote.
    """

    base: Reflection
    found: str
    saved_at: datetime
    kept: tuple[str, ...]
    overridden: tuple[str, ...]


class _Guard:
    """``with store._guard() as conn``: the connection under the store's lock, with
    SQLite and OS errors turned into ``ReflectError`` (``sqlite_errors.translate``).

    A class rather than a ``contextmanager`` generator: every read goes through
    it, and ``reflect list``/``search`` need no ``contextlib`` (see
    ``_contextmanager``); it also skips a generator per query.
    """

    __slots__ = ("_store",)

    def __init__(self, store: JournalStore) -> None:
        self._store = store

    def __enter__(self) -> sqlite3.Connection:
        self._store._lock.acquire()
        return self._store._conn

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        try:
            if error is not None and isinstance(error, db_errors("Error", OSError)):
                raise translate(error, self._store.path) from None
        finally:
            self._store._lock.release()


class JournalStore:
    """All reading and writing of reflections. Open with ``JournalStore.open``."""

    def __init__(
        self, conn: sqlite3.Connection, path: str | Path, clock: Clock, backups_dir: Path | None
    ):
        self._conn = conn
        # The file as a string, and as a ``Path`` only once someone asks (``path``):
        # ``reflect list``/``search``/``export`` never import pathlib (``core/paths.py``).
        self._file = os.fspath(path)
        self._path = None if isinstance(path, str) else path
        self._clock = clock
        # Made by this open (schema 0 before it); see ``fresh``.
        self.created = False
        self._given_backups = backups_dir
        self._lock = _thread.RLock()
        self._vocab_ready = False
        # ``index_terms`` answers, valid while nothing was written: this
        # connection's writes count up ``_writes``; another connection's
        # commits change ``PRAGMA data_version``.
        self._terms: dict[str, builtins.list[str]] = {}
        self._terms_version: tuple[int, int] = (-1, -1)
        self._writes = 0
        self._kept_matches: KeptMatches | None = None  # see ``_kept``

    @property
    def path(self) -> Path:
        """The journal's file."""
        if self._path is None:
            from pathlib import Path

            self._path = Path(self._file)
        return self._path

    @property
    def _kept(self) -> KeptMatches:
        """The last counted search's matches (``read_rows``), made on first use: only
        the app keeps matches, and ``reflect search`` need not import the module."""
        if self._kept_matches is None:
            from reflect_tui.core.journal.kept_matches import KeptMatches

            self._kept_matches = KeptMatches()
        return self._kept_matches

    @property
    def _backups_dir(self) -> Path:
        """Where this journal's backups go (given to ``open``, else ``backups/`` beside it)."""
        if self._given_backups is None:
            from reflect_tui.core.paths import backups_dir_beside

            self._given_backups = backups_dir_beside(self._file)
        return self._given_backups

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        clock: Clock,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        backups_dir: Path | None = None,
        read_only: bool = False,
    ) -> JournalStore:
        """Open (or create) the journal at ``path``; folder 0700, files 0600, migrated.

        ``backups_dir`` defaults to ``backups/`` beside the database, which is
        ``Locations.backups_dir`` for the standard journal path.
        ``read_only`` opens an existing journal without writing anything
        anywhere (no folder change, no migration): for reading a journal on
        a read-only file system or in a read-only folder.
        """
        from reflect_tui.core.paths import absolute, can_write_beside, ensure_private_dir

        # A string throughout (``Path`` only when given one): see ``path``.
        path = absolute(path)
        if read_only:
            return cls._open_read_only(path, clock, busy_timeout, backups_dir)
        folder = os.path.dirname(path)
        if os.path.isdir(folder) and not can_write_beside(path):
            raise ReflectError(
                f"het dagboek in {folder} kan niet worden gewijzigd (alleen-lezen map, "
                "bestand of schijf); lezen kan nog met 'reflect list', 'show', 'search' en "
                "'export'."
            )
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            raise translate(exc, folder) from None
        conn = connect(path, busy_timeout=busy_timeout)
        try:
            stamp = clock.now().strftime("%Y%m%dT%H%M%S")
            started = migrations.migrate(conn, path, backups_dir, stamp)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, db_errors("Error", OSError)):
                raise translate(exc, path) from None
            raise
        store = cls(conn, path, clock, backups_dir)
        store.created = started == 0
        return store

    @property
    def fresh(self) -> bool:
        """Made by this open and not written to since: a journal with nothing to back up.

        The daily snapshot skips such a journal (``paths.daily_backup_due``).
        """
        return self.created and self._writes == 0

    @classmethod
    def _open_read_only(
        cls, path: str, clock: Clock, busy_timeout: float, backups: Path | None
    ) -> JournalStore:
        from reflect_tui.core.journal.connection import connect_readonly

        conn = connect_readonly(path, busy_timeout=busy_timeout)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except db_errors("Error") as exc:
            conn.close()
            raise translate(exc, path) from None
        if version != migrations.CURRENT_VERSION:
            conn.close()
            migrations.check_version(version, path)
            raise ReflectError(
                f"het dagboek {path} moet worden bijgewerkt naar een nieuwer schema, maar de map "
                "is alleen-lezen; kopieer het naar een map waarin je mag schrijven."
            )
        return cls(conn, path, clock, backups)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ------------------------------------------------------------------------

    def _guard(self) -> _Guard:
        """Serialise access and turn SQLite/OS errors into ``ReflectError``
        (``with self._guard() as conn``; see ``_Guard``)."""
        return _Guard(self)

    @_contextmanager
    def _write(self, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction (or as ``begin`` says): all of it commits,
        or none of it."""
        with self._guard() as conn:
            self._writes += 1
            conn.execute(begin)
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except db_errors("Error"):
                        pass
                raise

    def _seq(self, conn: sqlite3.Connection, reflection_id: str) -> int:
        row = conn.execute("SELECT seq FROM reflections WHERE id = ?", (reflection_id,)).fetchone()
        if row is None:
            raise ReflectionGone(f"geen reflectie met id {reflection_id!r} in het dagboek.")
        return int(row[0])

    def _stamp(self, stored: str | None) -> datetime:
        """The ``updated_at`` of a change to a row now stamped ``stored``: the clock's
        time, or one microsecond past ``stored`` when the clock is not past it.

        Why strictly later: ``updated_at`` is the revision an editor's copy is
        compared with (``save``); two changes within one clock tick (or under a
        clock set back) must still be two revisions, or the second writer would
        take the first one's row for the one it read.
        """
        now = self._clock.now()
        if stored is not None and codec.ts_to_db(now) <= stored:
            from datetime import timedelta

            now = codec.ts_from_db(stored) + timedelta(microseconds=1)
        return now

    def _touch(self, conn: sqlite3.Connection, reflection_id: str) -> datetime:
        row = conn.execute(
            "SELECT updated_at FROM reflections WHERE id = ?", (reflection_id,)
        ).fetchone()
        now = self._stamp(None if row is None else row[0])
        conn.execute(
            "UPDATE reflections SET updated_at = ? WHERE id = ?",
            (codec.ts_to_db(now), reflection_id),
        )
        return now

    # --- writing -------------------------------------------------------------------------

    def create_draft(
        self, title: str = "", occurred_on: date | None = None, content_version: str = ""
    ) -> Reflection:
        """A new, saved draft (so even an unfinished reflection is never lost)."""
        from reflect_tui.core.journal import records

        now = self._clock.now()
        reflection = records.Reflection(
            id=records.new_reflection_id(),
            title=title,
            occurred_on=occurred_on or self._clock.today(),
            created_at=now,
            updated_at=now,
            content_version=content_version,
        )
        with self._write() as conn:
            records.write_reflection(conn, reflection)
        return reflection

    def add(self, reflection: Reflection, *, exist_ok: bool = False) -> bool:
        """Store a reflection that is not in the journal yet, stamping ``updated_at``.

        Separate from ``save`` on purpose: ``save`` never re-creates a row that
        is gone, so an editor still open on a reflection erased elsewhere
        cannot bring it back. An id already present is refused, or with
        ``exist_ok`` left as it is: False then, and nothing written (the check
        and the write are one transaction, so two instances cannot both add).
        """
        from reflect_tui.core.journal import records

        records.check_reflection(reflection)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM reflections WHERE id = ?", (reflection.id,)).fetchone():
                if exist_ok:
                    return False
                raise ReflectError(f"er is al een reflectie met id {reflection.id!r}.")
            now = self._stamp(None)
            reflection.updated_at = now
            records.write_reflection(conn, reflection)
        return True

    def save(
        self, reflection: Reflection, *, base: Reflection | None = None, handed_over: bool = False
    ) -> Saved:
        """Write an edited reflection over the stored one, without undoing changes
        made elsewhere meanwhile, and never bringing back an erased one.

        ``base``: the version the editor's copy came from, with the
        ``updated_at`` it was stored with (``Saved.base`` of the previous save,
        or a copy of what was read). Without it, ``reflection`` itself is taken
        to be that version plus the caller's changes (read, changed in place,
        saved again). Written unmerged, the passed object's ``updated_at`` is
        moved on as it is stored, so the caller's copy stays identical to the row.

        In the ONE transaction of the write: no stored row means it was erased
        (``ReflectionGone``; nothing is written, so the erased text goes
        nowhere: no row, no index, no WAL page). A stored ``updated_at`` equal to
        the base's means nobody else wrote since: the copy is written as it is.
        Otherwise the stored row is read and merged (``merge.three_way``): what
        the editor did not change keeps the stored value (a step ticked done
        elsewhere stays done); without a base that is ``ReflectionChanged``.

        ``handed_over``: the caller never touches ``reflection`` again (the
        draft writer's snapshots), so it becomes ``Saved.base`` itself instead
        of a copy (a deep copy is most of a save's CPU time).
        """
        from reflect_tui.core.journal import records

        records.check_reflection(reflection)
        since = reflection if base is None else base
        expected = codec.ts_to_db(since.updated_at)
        written = reflection
        kept: tuple[str, ...] = ()
        overridden: tuple[str, ...] = ()
        loaded_at = reflection.updated_at
        with _restored_on_error(reflection, loaded_at), self._write() as conn:
            row = conn.execute(
                "SELECT updated_at FROM reflections WHERE id = ?", (reflection.id,)
            ).fetchone()
            if row is None:
                raise ReflectionGone(
                    f"reflectie {reflection.id!r} is intussen gewist (in een ander venster "
                    "of met 'reflect delete'); de wijzigingen zijn niet bewaard."
                )
            found = str(row[0])
            if found != expected:
                if base is None:
                    raise ReflectionChanged(
                        f"reflectie {reflection.id!r} is intussen elders gewijzigd; open haar "
                        "opnieuw om verder te gaan, dan gaat er niets verloren."
                    )
                from reflect_tui.core.journal.merge import three_way

                theirs = records.load_reflections(conn, "WHERE id = ?", (reflection.id,))[0]
                written, kept, overridden = three_way(base, reflection, theirs)
            now = self._stamp(found)
            written.updated_at = now
            records.write_reflection(conn, written)
        if handed_over:
            next_base = reflection
        else:
            import copy

            next_base = copy.deepcopy(reflection)
        # Merged: the stored row now differs from the editor's copy, so the next
        # save must merge again; an ``updated_at`` of the past never matches.
        if written is not reflection:
            next_base.updated_at = since.updated_at
        return Saved(next_base, found, now, kept, overridden)

    def set_next_step_done(self, reflection_id: str, index: int, done: bool) -> None:
        with self._write() as conn:
            seq = self._seq(conn, reflection_id)
            cur = conn.execute(
                "UPDATE next_steps SET done = ? WHERE reflection_seq = ? AND position = ?",
                (1 if done else 0, seq, index),
            )
            if cur.rowcount == 0:
                raise ReflectError(f"reflectie {reflection_id} heeft geen volgende stap {index}.")
            self._touch(conn, reflection_id)

    def set_next_step_due(self, reflection_id: str, index: int, due: date | None) -> None:
        """Move (or clear) the due date of one next step, in one small transaction."""
        with self._write() as conn:
            seq = self._seq(conn, reflection_id)
            cur = conn.execute(
                "UPDATE next_steps SET due = ? WHERE reflection_seq = ? AND position = ?",
                (codec.date_to_db(due), seq, index),
            )
            if cur.rowcount == 0:
                raise ReflectError(f"reflectie {reflection_id} heeft geen volgende stap {index}.")
            self._touch(conn, reflection_id)

    def record_tips_shown(self, tip_ids: Sequence[str], reflection_id: str | None = None) -> None:
        """Remember which tips were shown, so the coach can vary them next time."""
        stamp = codec.ts_to_db(self._clock.now())
        with self._write() as conn:
            if reflection_id is not None:
                self._seq(conn, reflection_id)
            conn.executemany(
                "INSERT INTO tips_shown (tip_id, shown_at, reflection_id) VALUES (?, ?, ?)",
                [(tip_id, stamp, reflection_id) for tip_id in tip_ids],
            )

    def delete(self, reflection_id: str) -> None:
        """Erase a reflection from every file: tables, index, WAL and backups.

        ``secure_delete`` zeroes the freed space, ``optimize`` rewrites the
        full-text segments without the deleted text, the TRUNCATE checkpoint
        empties the WAL, and every copy under the data folder (backups, safety
        and ``.damaged`` copies, rescued journals, abandoned temp files) is
        scrubbed as well (``erase.scrub_copies``).

        The order makes a crash at any moment harmless (issue 18: 3 of 60
        kills left the words in the index, the row gone, and a second
        ``delete`` said there was no such reflection). The backups are
        scrubbed first, while the row still exists, so a rerun can finish
        them; then row, index entry and the index merge are ONE transaction,
        so the words leave the index exactly when the row goes. What a kill
        after the commit leaves (old pages in the main file) is overwritten
        by the checkpoint of the next connection that closes.
        """
        with self._guard() as conn:
            self._seq(conn, reflection_id)  # "no such reflection" before touching anything
        from reflect_tui.core.journal.erase import scrub_copies

        try:
            scrub_copies(self.path, self._backups_dir, reflection_id)
        except db_errors("Error", OSError) as exc:
            raise ReflectError(
                f"de reflectie is niet gewist: de back-ups in {self._backups_dir} konden niet "
                f"worden bijgewerkt ({error_words(exc)}); er is niets veranderd."
            ) from None
        from reflect_tui.core.journal import fts

        with self._write() as conn:
            seq = self._seq(conn, reflection_id)
            fts.forget(conn, seq)
            conn.execute("DELETE FROM reflections WHERE id = ?", (reflection_id,))
            fts.optimize_fts(conn)
        with self._guard() as conn:
            self._checkpoint(conn)

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        """Copy the WAL into the database and empty it; retry while readers finish."""
        import time

        for _ in range(50):
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
            time.sleep(0.1)
        raise ReflectError(
            "de reflectie is gewist, maar een ander programma houdt het dagboek open; sluit "
            "reflect overal en voer 'reflect delete' nogmaals uit om alle sporen te wissen."
        )

    def import_reflections(self, reflections: Sequence[Reflection]) -> ImportResult:
        """Add or update reflections in ONE transaction (a failure imports nothing).

        Same id: the newer ``updated_at`` wins; equal or older is left alone,
        so importing the same file twice changes nothing.
        """
        from reflect_tui.core.journal import records

        added = updated = unchanged = 0
        for reflection in reflections:
            records.check_reflection(reflection)
        with self._write() as conn:
            require_sound(conn, self.path)
            for reflection in reflections:
                row = conn.execute(
                    "SELECT updated_at FROM reflections WHERE id = ?", (reflection.id,)
                ).fetchone()
                if row is None:
                    added += 1
                elif codec.ts_from_db(row[0]) < reflection.updated_at:
                    updated += 1
                else:
                    unchanged += 1
                    continue
                records.write_reflection(conn, reflection)
        return ImportResult(added, updated, unchanged)

    def import_stream(
        self, reflections: Iterable[Reflection | Prepared | Batch], batch: int = 500
    ) -> ImportResult:
        """Add or update reflections as they arrive, all of it or nothing.

        For a file too big to hold in memory: ``reflections`` may be a lazy
        parser (``interchange.iter_journal_rows``, or ``iter_journal``) that
        raises on a flaw halfway. Everything is written in batches inside ONE
        transaction, so such an error (or a full disk, or Ctrl-C) rolls every
        batch back and the journal is as it was. Same rules as
        ``import_reflections``: the newer ``updated_at`` wins. Afterwards the
        WAL is emptied, so the file that grew during one big transaction does
        not stay big.

        New reflections go in as prepared rows (``import_rows``), with the
        per-row insert triggers suspended (``bulk_load``). A ``Batch`` (the
        parser's own layout, ``iter_journal_batches``) that holds only new
        reflections goes in table by table as it came; one that holds a known
        reflection goes in one reflection at a time like the rest.

        Into an empty journal the transaction goes through a rollback journal
        instead of the WAL, so every page is written once (``direct_load``).
        """
        from reflect_tui.core.journal.bulk_load import bulk_load
        from reflect_tui.core.journal.direct_load import direct_when_empty

        with (
            _foreign_keys_unchecked(self._guard),
            direct_when_empty(self._guard) as begin,
            self._write(begin) as conn,
        ):
            require_sound(conn, self.path)
            with (
                _no_cycle_collector(),
                _import_cache(conn),
                _indexes_built_after(conn),
                bulk_load(conn) as load,
            ):
                added, updated, unchanged = load.write_all(reflections, batch)
        with self._guard() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return ImportResult(added, updated, unchanged)

    # --- reading -------------------------------------------------------------------------

    def get(self, reflection_id: str) -> Reflection:
        from reflect_tui.core.journal import records

        with self._guard() as conn:
            found = records.load_reflections(conn, "WHERE id = ?", (reflection_id,))
        if not found:
            raise ReflectionGone(f"geen reflectie met id {reflection_id!r} in het dagboek.")
        return found[0]

    def resolve_id(self, prefix: str) -> str:
        """The full id for an exact id or a unique prefix (as typed after ``reflect show``).

        An exact id always wins, then a unique prefix as typed; only then is
        case ignored (so ``ABC`` imported from elsewhere can be named, and
        erased, exactly as ``reflect list`` shows it). Text that cannot be
        UTF-8 (undecodable bytes on the command line) matches nothing.
        """
        from reflect_tui.core.safe_text import display_id, encodable

        key = prefix.strip()
        if not key:
            raise ReflectError("geef het id (of het begin ervan) van een reflectie.")
        shown = display_id(prefix)
        if not encodable(key):
            raise ReflectError(f"geen reflectie gevonden met id '{shown}'.")
        with self._guard() as conn:
            if conn.execute("SELECT 1 FROM reflections WHERE id = ?", (key,)).fetchone():
                return key
            rows = conn.execute(
                "SELECT id FROM reflections WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (key, key + "\U0010ffff"),
            ).fetchall()
            if not rows:
                rows = conn.execute(
                    "SELECT id FROM reflections WHERE lower(substr(id, 1, ?)) = lower(?)"
                    " ORDER BY id LIMIT 2",
                    (len(key), key),
                ).fetchall()
        if not rows:
            raise ReflectError(f"geen reflectie gevonden met id '{shown}'.")
        if len(rows) > 1:
            raise ReflectError(f"id '{shown}' past bij meer dan één reflectie; geef meer tekens.")
        return str(rows[0][0])

    def list(
        self, limit: int | None = None, status: Status | None = None
    ) -> builtins.list[ReflectionSummary]:
        """Summaries, newest case first (by date of the case, then creation)."""
        # ``+r.status`` keeps SQLite from planning on the status column: with
        # it, finished reflections (nearly all of them) were read whole and
        # sorted (28 ms at 50,000) instead of walked along the date index.
        # Drafts are few and have their own index, so they keep the plain form.
        where = (
            ""
            if not status
            else "WHERE +r.status = ?"
            if status == "complete"
            else "WHERE r.status = ?"
        )
        params: builtins.list[str | int] = [status] if status else []
        sql = (
            f"SELECT {_SUMMARY_COLS} FROM reflections r {where}"
            " ORDER BY r.occurred_on DESC, r.created_at DESC, r.id DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        with self._guard() as conn:
            return [_summary(row) for row in conn.execute(sql, params)]

    def drafts(self, limit: int | None = None) -> builtins.list[ReflectionSummary]:
        """Unfinished reflections, most recently worked on first (for "resume").

        ``limit=1`` is the draft a home screen offers to resume, without
        reading a thousand old drafts.
        """
        sql = (
            f"SELECT {_SUMMARY_COLS} FROM reflections r WHERE r.status = 'draft'"
            " ORDER BY r.updated_at DESC"
        )
        params: builtins.list[int] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        with self._guard() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_summary(row) for row in rows]

    def count_drafts(self) -> int:
        """How many unfinished reflections there are (the home screen says how
        many besides the one it offers to resume). Read from the partial index
        of drafts (``reflections_by_updated``), so it costs the number of
        drafts, not of reflections: the planner's own choice scanned the
        whole (seq, status) index, ~50,000 entries on a big journal."""
        with self._guard() as conn:
            row = conn.execute(
                "SELECT count(*) FROM reflections r INDEXED BY reflections_by_updated"
                " WHERE r.status = 'draft'"
            ).fetchone()
        return int(row[0])

    def recent(self, limit: int, *, complete_only: bool = False) -> builtins.list[Reflection]:
        """Full reflections, newest first (what the coach looks back over).

        ``complete_only``: finished reflections only (the learning triggers
        look at nothing else), so a few are enough whatever the drafts.
        """
        from reflect_tui.core.journal import records

        # ``+status``: walk the date index and skip the few drafts, instead of
        # reading every row and sorting them all (36 ms warm, seconds cold, at
        # 50,000 reflections: the coach pass and ``reflect suggest`` run this).
        where = "WHERE +status = 'complete' " if complete_only else ""
        with self._guard() as conn:
            return records.load_reflections(
                conn,
                f"{where}ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT ?",
                (max(0, int(limit)),),
            )

    def all(self) -> builtins.list[Reflection]:
        """Every reflection, oldest first (for export)."""
        from reflect_tui.core.journal import records

        with self._guard() as conn:
            return records.load_reflections(conn, "ORDER BY occurred_on, created_at, id", ())

    def get_many(self, ids: Sequence[str]) -> builtins.list[Reflection]:
        """The reflections with these ids (unknown ids skipped), oldest case first.

        For exporting a filtered set: the ids travel as one JSON parameter,
        so any number of them fits in one query.
        """
        import json

        from reflect_tui.core.journal import records

        with self._guard() as conn:
            return records.load_reflections(
                conn,
                "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY occurred_on, created_at, id",
                (json.dumps(list(ids)),),
            )

    def export_json(self) -> str:
        """The interchange document of the whole journal, straight from the rows (fast)."""
        return "".join(self.export_json_chunks())

    def export_json_chunks(
        self,
        counted: builtins.list[int] | None = None,
        ids: Sequence[str] | None = None,
    ) -> Generator[str, None, None]:
        """The same document in pieces, for writing with flat memory (``fast_export``).

        ``ids``: only these reflections (a filtered export); all when None.
        The store stays locked and one read transaction stays open while the
        caller consumes the pieces, so the export is one consistent snapshot.
        """
        for piece in self.export_json_bytes(counted, ids):
            yield piece.decode("utf-8")

    def export_json_bytes(
        self,
        counted: builtins.list[int] | None = None,
        ids: Sequence[str] | None = None,
    ) -> Generator[bytes, None, None]:
        """``export_json_chunks`` in UTF-8, for a file or a pipe (nothing to decode)."""
        from reflect_tui.core.journal.fast_export import journal_bytes

        where = ""
        params: tuple[str, ...] = ()
        if ids is not None:
            import json

            where, params = _IDS_WHERE, (json.dumps(list(ids)),)
        with self.read_snapshot() as conn:
            yield from journal_bytes(conn, counted, where, params)

    @_contextmanager
    def read_snapshot(self) -> Iterator[sqlite3.Connection]:
        """The connection, locked, inside one read transaction (a consistent snapshot).

        For a reader that makes several queries that must agree (an export
        read a page at a time); it must not write.
        """
        with self._guard() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    def search(self, query: str, limit: int = 50) -> builtins.list[ReflectionSummary]:
        return [hit.summary for hit in self.search_hits(query, limit)]

    def search_hits(
        self, query: str, limit: int = 50, *, filters: JournalQuery | None = None
    ) -> builtins.list[SearchHit]:
        """Best matches first, each with a short excerpt (``search.SearchHit``).

        ``filters`` narrows the hits with a ``journal/query.py`` query's
        filters (its own search words are not used: ``query`` is).

        Why two steps (rank, then excerpt): SQLite computes every result
        column before it sorts, so one ``... snippet() ... ORDER BY bm25
        LIMIT n`` built an excerpt for *every* hit. An excerpt reads the
        reflection's whole text through ``reflection_fts_source`` (its row,
        answers, ratings and steps: about five pages), so a common word
        (6,900 hits in 10,000 reflections) read the text of the whole journal
        to show 50 lines: 2-3x slower, and on an encrypted journal, where
        every page read is decrypted and its HMAC checked, 2x slower again.
        Now the ranking reads only the index and the document sizes, and the
        excerpts are built for the ``limit`` rows that are shown. Same rows,
        same order (ties by rowid, as the sorter kept them), same excerpts.
        """
        from reflect_tui.core.journal.search import SearchHit, match_expression

        expression = match_expression(query, self.index_terms)
        if expression is None:
            return []
        condition: tuple[str, builtins.list[Any]] | None = ("1", [])
        if filters is not None:
            condition = filters.replace(text="").where()
        if condition is None:
            return []
        where, params = condition
        # Without filters the ranking needs no row of ``reflections`` (every index
        # row has one: both change in one transaction, see fts.py).
        joined = "" if filters is None else " JOIN reflections r ON r.seq = reflection_fts.rowid"
        ranked = (
            f"SELECT reflection_fts.rowid FROM reflection_fts{joined}"
            f" WHERE reflection_fts MATCH ? AND {where}"
            " ORDER BY bm25(reflection_fts, 4.0, 1.0) LIMIT ?"
        )
        with self._guard() as conn:
            # ``+rowid``: keeps SQLite from handing the IN list to FTS5 as rowid=?,
            # which would run the MATCH (prefix expansion and all) once per row.
            rows = conn.execute(
                f"SELECT {_SUMMARY_COLS}, snippet(reflection_fts, -1, '', '', '…', 12)"
                " FROM reflection_fts JOIN reflections r ON r.seq = reflection_fts.rowid"
                f" WHERE reflection_fts MATCH ? AND +reflection_fts.rowid IN ({ranked})"
                " ORDER BY bm25(reflection_fts, 4.0, 1.0)",
                (expression, expression, *params, max(0, int(limit))),
            ).fetchall()
        return [SearchHit(_summary(row[:6]), row[6] or "") for row in rows]

    def open_next_steps(
        self, limit: int | None = None
    ) -> builtins.list[tuple[ReflectionSummary, int, OpenStep]]:
        """Next steps not done yet, soonest due first (no due date last).

        ``limit`` keeps a home screen fast on a journal with thousands of open
        steps. Dated and undated steps are two queries: each walks the
        ``(done, due)`` index in order, so a limit stops early instead of
        sorting every open step (0.05 ms instead of 7 ms for 5,000 steps).
        """
        select = (
            f"SELECT {_SUMMARY_COLS}, n.position, n.text, n.due FROM next_steps n"
            " JOIN reflections r ON r.seq = n.reflection_seq"
            " WHERE n.done = 0 AND n.text != ''"
        )
        tails = (
            " AND n.due IS NOT NULL ORDER BY n.due, r.occurred_on DESC, n.position",
            " AND n.due IS NULL ORDER BY r.occurred_on DESC, n.position",
        )
        rows: builtins.list[Any] = []
        with self._guard() as conn:
            for tail in tails:
                if limit is None:
                    rows += conn.execute(select + tail).fetchall()
                    continue
                remaining = max(0, int(limit)) - len(rows)
                if remaining <= 0:
                    break
                rows += conn.execute(select + tail + " LIMIT ?", (remaining,)).fetchall()
        return [
            (_summary(row[:6]), int(row[6]), OpenStep(row[7], codec.date_from_db(row[8])))
            for row in rows
        ]

    def overdue_next_steps(self, due_before: date, shown: int = OVERDUE_SHOWN) -> Overdue:
        """Open steps due before ``due_before``, in the whole journal however
        old, drafts included as on the home screen and in the insights: their
        number, the oldest date and the ``shown`` most urgent (see ``Overdue``).

        The count reads the partial index of open steps (``next_steps_open``,
        schema 3) over the overdue range only, without touching a reflection;
        the rows walk it in due order and stop after the first dates (the
        reflections' columns only break ties): 0.5 ms at 50,000 reflections.
        """
        steps = " FROM next_steps n WHERE n.done = 0 AND n.text != '' AND n.due < ?"
        before = codec.date_to_db(due_before)
        with self._guard() as conn:
            count, oldest = conn.execute(
                f"SELECT count(*), min(n.due){steps}", (before,)
            ).fetchone()
            rows = conn.execute(
                "SELECT r.id, n.due, r.occurred_on, r.created_at, n.position, n.text"
                " FROM next_steps n CROSS JOIN reflections r ON r.seq = n.reflection_seq"
                " WHERE n.done = 0 AND n.text != '' AND n.due < ?"
                " ORDER BY n.due, r.occurred_on DESC, r.created_at DESC, r.id DESC, n.position"
                " LIMIT ?",
                (before, max(0, int(shown))),
            ).fetchall()
        rows.sort(key=lambda row: (row[2], row[3], row[0], -row[4]), reverse=True)
        return Overdue(
            int(count),
            codec.date_from_db(oldest),
            tuple((rid, date.fromisoformat(due)) for rid, due, *_ in rows),
            tuple(str(row[5]) for row in rows),
        )

    def count_open_next_steps(self) -> int:
        """How many next steps ``open_next_steps`` would return without a limit."""
        return self._counter("open_steps")

    def _counter(self, name: str) -> int:
        """A count kept up to date by triggers (``journal_counts``, schema 3): O(1)."""
        with self._guard() as conn:
            row = conn.execute("SELECT value FROM journal_counts WHERE name = ?", (name,))
            return int(row.fetchone()[0])

    def tips_shown_since(
        self, since: datetime, *, exclude_reflection: str | None = None
    ) -> dict[str, datetime]:
        """For each tip shown at or after ``since``: when it was last shown.

        ``exclude_reflection`` leaves out what was shown for that reflection,
        so revisiting its summary shows the same tips instead of rotating
        them away from the case they fit.
        """
        sql = "SELECT tip_id, max(shown_at) FROM tips_shown WHERE shown_at >= ?"
        params: tuple[str, ...] = (codec.ts_to_db(since),)
        if exclude_reflection is not None:
            sql += " AND reflection_id IS NOT ?"
            params += (exclude_reflection,)
        with self._guard() as conn:
            rows = conn.execute(f"{sql} GROUP BY tip_id", params).fetchall()
        return {tip: codec.ts_from_db(at) for tip, at in rows}

    def count(self) -> int:
        return self._counter("reflections")

    def index_terms(self, prefix: str, limit: int = 5000) -> builtins.list[str]:
        """Words in the search index that start with ``prefix`` (as the tokenizer
        stored them: lower case, diacritics folded), for finding other forms of a
        searched word. Read through a per-connection ``fts5vocab`` table in
        ``temp`` (nothing is written to the journal file).

        Kept per prefix until the journal changes: every keystroke of a search
        asks for the same two-letter prefix, and reading the vocabulary costs
        a few milliseconds of each keystroke on a big journal."""
        if not prefix:
            return []
        high = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        with self._guard() as conn:
            version = (self._writes, int(conn.execute("PRAGMA data_version").fetchone()[0]))
            if version != self._terms_version:
                self._terms.clear()
                self._terms_version = version
            key = f"{limit}:{prefix}"
            if key in self._terms:
                return list(self._terms[key])
            if not self._vocab_ready:
                conn.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.reflection_vocab"
                    " USING fts5vocab(main, reflection_fts, row)"
                )
                self._vocab_ready = True
            rows = conn.execute(
                "SELECT term FROM temp.reflection_vocab WHERE term >= ? AND term < ? LIMIT ?",
                (prefix, high, int(limit)),
            ).fetchall()
            terms = [str(row[0]) for row in rows]
            if len(self._terms) >= 64:
                self._terms.clear()
            self._terms[key] = terms
        return list(terms)

    def read_rows(
        self,
        sql: str,
        params: Sequence[Any] = (),
        cancelled: Callable[[], bool] | None = None,
        kept: KeptQuery | None = None,
    ) -> builtins.list[tuple[Any, ...]]:
        """Rows of one read-only SELECT built by a core query module.

        Why a generic seam: ``journal/query.py`` (filters, paging) and
        ``insights.py`` (counts over time) build their own SQL from one
        definition each; they read through here so the store keeps owning the
        connection, its lock and its error translation. Never for writing
        the journal (``kept`` writes this connection's temp table only).

        ``cancelled``: asked every few thousand SQLite steps; when it says
        True the statement stops and ``Cancelled`` is raised. A long count
        behind the journal screen gives way to the next keystroke's page this
        way instead of holding the connection until it is done. The handler
        is set only for this statement, under the store's lock, so it never
        stops anything else (a write on the same connection).

        ``kept``: the same question answered from the search matches kept
        in a temp table (``kept_matches``), run instead of ``sql`` when the
        table holds them (or ``kept.fill`` says to put them there first).
        """
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            raise ValueError("read_rows only runs SELECT statements")
        with self._lock:
            conn = self._conn
            if cancelled is not None:
                conn.set_progress_handler(lambda: 1 if cancelled() else 0, 2000)
            try:
                if kept is not None:
                    sql, params = self._kept_or(conn, sql, params, kept)
                return conn.execute(sql, tuple(params)).fetchall()
            except db_errors("Error", OSError) as exc:
                if cancelled is not None and cancelled():
                    raise Cancelled from None
                raise translate(exc, self.path) from None
            finally:
                if cancelled is not None:
                    conn.set_progress_handler(None, 0)

    def _kept_or(
        self, conn: sqlite3.Connection, sql: str, params: Sequence[Any], kept: KeptQuery
    ) -> tuple[str, Sequence[Any]]:
        """``kept``'s SQL when the kept matches can answer it, else ``sql``."""
        version = (self._writes, int(conn.execute("PRAGMA data_version").fetchone()[0]))
        if not self._kept.holds(kept.expression, version):
            if not kept.fill:
                return sql, params
            self._kept.fill(kept.expression, version, conn.execute)
        return kept.sql, kept.params


# A bulk import's page cache (KiB): the default 2 MB makes a big import write
# pages out and read them back many times (the search index's segments and the
# date index grow all over the file); 64 MB keeps a 10,000-reflection journal
# whole in memory and the writer of a 50,000-reflection import well under the
# 150 MB peak RSS budget (measured 1.1 s less SQLite time at 50k than 32 MB).
IMPORT_CACHE_KIB = 65536
# The search index's buffer of pending terms during an import (bytes): FTS5
# writes a new segment each time its 1 MB default fills and merges segments as
# they pile up; 8 MB means an eighth of the segments and merges (at 50k the
# index took 0.76 s instead of 1.1 s). Restored to what it was afterwards.
IMPORT_FTS_HASH = 8 << 20
_FTS_HASH_DEFAULT = 1 << 20


@_contextmanager
def _import_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A bigger page cache and index buffer for one import, then as they were.

    The buffer is a setting stored in the index (``reflection_fts_config``),
    so it is put back inside the import's transaction; an SQLite that does
    not know it is left alone.
    """
    old = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    row = conn.execute("SELECT v FROM reflection_fts_config WHERE k = 'hashsize'").fetchone()
    set_hash = "INSERT INTO reflection_fts (reflection_fts, rank) VALUES ('hashsize', ?)"
    try:
        conn.execute(set_hash, (IMPORT_FTS_HASH,))
        hash_set = True
    except sqlite3.Error:
        hash_set = False
    try:
        yield
        if hash_set and row is None:
            conn.execute(set_hash, (_FTS_HASH_DEFAULT,))
            conn.execute("DELETE FROM reflection_fts_config WHERE k = 'hashsize'")
        elif hash_set:
            conn.execute(set_hash, (row[0],))
    finally:
        try:  # noqa: SIM105 (no contextlib import on this path, as in _write)
            conn.execute(f"PRAGMA cache_size = {old}")
        except sqlite3.Error:
            pass  # the pragma lasts only as long as this connection anyway


@_contextmanager
def _foreign_keys_unchecked(
    guard: Callable[[], contextlib.AbstractContextManager[sqlite3.Connection]],
) -> Iterator[None]:
    """No foreign-key checks for one import's transaction (on again afterwards).

    Why: every child row of an import is written right after its reflection,
    in the same batch, so the check (a lookup of the parent per child row,
    about 5 % of the writer's instructions) can never fail; and the import
    deletes nothing, so no cascade is missed (``write_reflection`` deletes
    the children of a replaced reflection itself). The setting can only be
    changed outside a transaction, so this wraps the whole ``_write``.
    """
    with guard() as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        with guard() as conn:
            conn.execute("PRAGMA foreign_keys = ON")


@_contextmanager
def _restored_on_error(reflection: Reflection, updated_at: datetime) -> Iterator[None]:
    """A save that fails leaves the caller's ``updated_at`` as it was (a retry
    must still name the revision the copy came from)."""
    try:
        yield
    except BaseException:
        reflection.updated_at = updated_at
        raise


@_contextmanager
def _no_cycle_collector() -> Iterator[None]:
    """No cyclic garbage collection while an import streams (then as it was).

    Parsed reflections and their rows are trees that reference counting frees
    batch by batch; but the collector, counting the millions of containers an
    import allocates, would scan the batch in hand again and again (about a
    tenth of a 10,000-reflection import's CPU time).
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_contextmanager
def _indexes_built_after(conn: sqlite3.Connection) -> Iterator[None]:
    """Into an empty journal, build the secondary indexes once after the load.

    Keeping an index up to date row by row costs a search and often a page
    split per row (dates and ids arrive in no useful order); building it at
    the end is one sort. The indexes are dropped and re-created from their
    stored SQL inside the import's transaction, so a failure brings them
    back with everything else. Constraint indexes (the unique id) stay, and
    a journal that already holds reflections keeps all its indexes (rebuilding
    them for a small import would cost more than it saves).
    """
    if conn.execute("SELECT 1 FROM reflections LIMIT 1").fetchone() is not None:
        yield
        return
    kept = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('reflections', 'answers', 'principle_ratings', 'next_steps')"
    ).fetchall()
    for name, _sql in kept:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in kept:
        conn.execute(sql)


# --- row <-> model ---------------------------------------------------------------------


def _summary(row: Sequence[Any]) -> ReflectionSummary:
    """A summary from the six summary columns (id, title, occurred_on, status, case_kind,
    updated_at), as every summary query selects them."""
    return ReflectionSummary(
        id=row[0],
        title=row[1],
        occurred_on=date.fromisoformat(row[2]),
        status=row[3],
        case_kind=row[4],
        updated_at=codec.ts_from_db(row[5]),
    )


# For core query modules that select the same six columns (``journal/query.py``).
summary_from_row = _summary
