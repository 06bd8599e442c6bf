"""Saving drafts on a background thread, so typing never waits for the disk.

Why a dedicated thread that owns its own store: an SQLite connection
belongs to the thread that opened it, and a slow ``fsync`` (or a lock held
by a second app instance) must not freeze the UI. The UI hands over
snapshots (deep copies) of the draft; the writer keeps only the newest
snapshot per reflection, so a burst of edits costs one write.

Failures never raise into the caller: the snapshot stays pending and
``on_error`` is told once per streak of failures, from the writer thread, so
the UI can show a notice while the text stays in its widgets. The writer then
retries BY ITSELF with a growing pause (``RETRY_DELAYS``: 0.5 s doubling to
10 s) until a save succeeds or the app quits: a journal locked for 20 s or a
full disk that gets space again is caught up without the user typing
another key (once, nothing was saved for 30 s after the lock was released,
and a kill then lost the text). ``on_recovered`` says when it finally saved.

Two windows at once: the writer keeps, per reflection, the version the
editor's copy came from (``track``, then ``Saved.base`` after each save) and
hands it to ``JournalStore.save``, which merges with what another window or
``reflect`` changed meanwhile instead of writing the stale copy whole
(``on_merged`` is told when that happened). A reflection erased elsewhere is
refused by the store (``ReflectionGone``): its snapshot is dropped at once,
not retried and not kept (the erased text must go nowhere), later snapshots
of it are ignored, and ``on_gone`` is told once.
"""

from __future__ import annotations

import contextlib
import copy
import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from reflect_tui.core.errors import ReflectionGone
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.journal.store import Saved


class DraftStore(Protocol):
    """The part of ``JournalStore`` the writer needs."""

    def save(
        self, reflection: Reflection, *, base: Reflection | None = None, handed_over: bool = False
    ) -> Saved: ...

    def close(self) -> None: ...


RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0, 10.0)


class DraftSaver:
    """One writer thread with a coalescing queue of draft snapshots."""

    def __init__(
        self,
        open_store: Callable[[], DraftStore],
        on_error: Callable[[Exception], None] = lambda exc: None,
        on_saved: Callable[[str], None] = lambda reflection_id: None,
        on_recovered: Callable[[], None] = lambda: None,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        on_gone: Callable[[str], None] = lambda reflection_id: None,
        on_merged: Callable[[str, Saved], None] = lambda reflection_id, saved: None,
    ) -> None:
        self._open_store = open_store
        self._on_error = on_error
        self._on_saved = on_saved
        self._on_recovered = on_recovered
        self._on_gone = on_gone
        self._on_merged = on_merged
        # Per reflection: the version the next save is merged against, and the
        # stored ``updated_at`` this writer last wrote (to tell news from echoes).
        self._bases: dict[str, Reflection] = {}
        self._written: dict[str, str] = {}
        self._gone: set[str] = set()
        self._delays = tuple(retry_delays) or RETRY_DELAYS
        self._failures = 0  # consecutive failed attempts
        self._retry_at: float | None = None  # time.monotonic() of the next retry
        self._cond = threading.Condition()
        self._pending: dict[str, Reflection] = {}
        self._kicked = False
        self._busy = False
        self._stop = False
        self._attempts = 0
        self._last_error: Exception | None = None
        self._thread: threading.Thread | None = None
        self._store: DraftStore | None = None

    # -- caller side (any thread, normally the UI thread) ---------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="reflect-draft-writer", daemon=True
            )
            self._thread.start()

    def track(self, reflection: Reflection) -> None:
        """Remember ``reflection`` as read, before any edit: the version the first
        save merges against if another window changed it meanwhile. Without it
        the first save of a reflection changed elsewhere is refused
        (``ReflectionChanged``) rather than merged."""
        base = copy.deepcopy(reflection)
        with self._cond:
            self._bases[base.id] = base
            self._written.pop(base.id, None)
            self._gone.discard(base.id)

    def is_gone(self, reflection_id: str) -> bool:
        """Whether the store refused this reflection as erased elsewhere."""
        with self._cond:
            return reflection_id in self._gone

    def submit(self, reflection: Reflection) -> None:
        """Queue a snapshot of ``reflection``; returns at once.

        A reflection already known to be erased elsewhere is not queued: the
        user was told, and its text must not travel further.
        """
        with self._cond:
            if reflection.id in self._gone:
                return
        snapshot = copy.deepcopy(reflection)
        with self._cond:
            self._pending[snapshot.id] = snapshot
            self._kicked = True
            self._cond.notify_all()
        self.start()

    @property
    def pending(self) -> bool:
        with self._cond:
            return bool(self._pending) or self._busy

    @property
    def last_error(self) -> Exception | None:
        return self._last_error

    def flush(self, timeout: float = 5.0) -> bool:
        """Write everything pending now; True when nothing is left unsaved."""
        with self._cond:
            if not self._pending and not self._busy:
                return True
            self._kicked = True
            start = self._attempts
            self._cond.notify_all()
        self.start()
        with self._cond:
            self._cond.wait_for(
                lambda: (
                    not self._busy and (not self._pending or self._attempts > start or self._stop)
                ),
                timeout=timeout,
            )
            return not self._pending and not self._busy

    def close(self, timeout: float = 5.0) -> bool:
        """Flush, stop the thread and close its store; True when all was saved."""
        saved = self.flush(timeout)
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        return saved

    # -- writer thread --------------------------------------------------------

    def _retry_due(self) -> bool:
        return self._retry_at is not None and time.monotonic() >= self._retry_at

    def _until_retry(self) -> float | None:
        if self._retry_at is None:
            return None
        return max(0.0, self._retry_at - time.monotonic())

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    while not (
                        self._stop or (self._pending and (self._kicked or self._retry_due()))
                    ):
                        self._cond.wait(timeout=self._until_retry())
                    if not self._pending or (self._stop and not self._kicked):
                        return
                    batch, self._pending = self._pending, {}
                    self._kicked = False
                    self._busy = True
                failed, error = self._write(batch)
                recovered = first_failure = False
                with self._cond:
                    for rid, snapshot in failed.items():
                        self._pending.setdefault(rid, snapshot)
                    self._busy = False
                    self._attempts += 1
                    self._last_error = error
                    if error is None:
                        recovered = self._failures > 0
                        self._failures = 0
                        self._retry_at = None
                    else:
                        first_failure = self._failures == 0
                        delay = self._delays[min(self._failures, len(self._delays) - 1)]
                        self._failures += 1
                        self._retry_at = time.monotonic() + delay
                    self._cond.notify_all()
                if error is not None and first_failure:
                    self._on_error(error)
                elif recovered:
                    self._on_recovered()
        finally:
            if self._store is not None:
                # Closing is best effort: everything that could be written was.
                with contextlib.suppress(Exception):
                    self._store.close()
                self._store = None

    def _write(
        self, batch: dict[str, Reflection]
    ) -> tuple[dict[str, Reflection], Exception | None]:
        failed: dict[str, Reflection] = {}
        error: Exception | None = None
        for rid, snapshot in batch.items():
            try:
                if self._store is None:
                    self._store = self._open_store()
                with self._cond:
                    base = self._bases.get(rid)
                # The snapshot is the writer's own copy: it may become the next base.
                saved = self._store.save(snapshot, base=base, handed_over=True)
            except ReflectionGone:
                # Erased elsewhere: dropped, never retried (see the module's docstring).
                with self._cond:
                    self._gone.add(rid)
                    self._bases.pop(rid, None)
                    self._written.pop(rid, None)
                    self._pending.pop(rid, None)
                self._on_gone(rid)
            except Exception as exc:  # any failure: keep the snapshot, report, go on
                failed[rid] = snapshot
                error = exc
            else:
                with self._cond:
                    news = (saved.kept or saved.overridden) and (
                        saved.found != self._written.get(rid)
                    )
                    self._bases[rid] = saved.base
                    from reflect_tui.core.journal.codec import ts_to_db

                    self._written[rid] = ts_to_db(saved.saved_at)
                if news:
                    self._on_merged(rid, saved)
                self._on_saved(rid)
        return failed, error
