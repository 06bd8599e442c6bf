"""The background draft writer: coalescing, flushing, failing without losing text."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.journal.store import JournalStore, Saved
from reflect_tui.core.session.autosave import DraftSaver

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
CLOCK = FixedClock(NOW)


class RecordingStore:
    """Records the thread and the title of every save; may fail on demand."""

    def __init__(self) -> None:
        self.saved: list[tuple[str, str]] = []
        self.threads: set[str] = set()
        self.fail: Exception | None = None
        self.closed = False
        self.gate = threading.Event()
        self.gate.set()

    def save(
        self, reflection: Reflection, *, base: Reflection | None = None, handed_over: bool = False
    ) -> Saved:
        self.gate.wait(5)
        self.threads.add(threading.current_thread().name)
        if self.fail is not None:
            raise self.fail
        self.saved.append((reflection.id, reflection.title))
        return Saved(reflection, "", NOW, (), ())

    def close(self) -> None:
        self.closed = True


def reflection(title: str = "") -> Reflection:
    return Reflection("r1", title, date(2026, 11, 2), NOW, NOW)


def test_saves_happen_off_the_calling_thread_and_flush_waits() -> None:
    store = RecordingStore()
    saver = DraftSaver(lambda: store)
    r = reflection("een")
    saver.submit(r)
    r.title = "twee"  # the caller keeps editing: the queued snapshot must not change
    assert saver.flush()
    assert store.saved[0] == ("r1", "een")
    assert store.threads == {"reflect-draft-writer"}
    assert saver.close()
    assert store.closed


def test_a_burst_of_edits_is_coalesced_to_the_newest() -> None:
    store = RecordingStore()
    store.gate.clear()  # hold the writer while we queue
    saver = DraftSaver(lambda: store)
    saver.submit(reflection("a"))
    for title in ("b", "c", "d"):
        saver.submit(reflection(title))
    store.gate.set()
    assert saver.close()
    assert store.saved[-1] == ("r1", "d")
    assert len(store.saved) <= 2


def test_failure_reports_keeps_the_snapshot_and_retries() -> None:
    store = RecordingStore()
    store.fail = ReflectError("de schijf is vol")
    errors: list[Exception] = []
    saver = DraftSaver(lambda: store, on_error=errors.append)
    saver.submit(reflection("bewaar mij"))
    assert not saver.flush(timeout=2)
    assert saver.pending
    assert [str(e) for e in errors][:1] == ["de schijf is vol"]
    store.fail = None
    assert saver.flush(timeout=2)
    assert store.saved == [("r1", "bewaar mij")]
    saver.close()


def test_store_that_cannot_open_is_an_error_not_a_crash() -> None:
    errors: list[Exception] = []

    def broken() -> JournalStore:
        raise ReflectError("het dagboek is vergrendeld")

    saver = DraftSaver(broken, on_error=errors.append)
    saver.submit(reflection("x"))
    assert not saver.close(timeout=2)
    assert errors and "vergrendeld" in str(errors[0])


def test_with_the_real_store_on_its_own_connection(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    ui_store = JournalStore.open(path, CLOCK)
    draft = ui_store.create_draft()
    saver = DraftSaver(lambda: JournalStore.open(path, CLOCK))
    draft.title = "Bewonersavond 🎉 [bold]"
    draft.what_happened = "x" * 100_000
    saver.submit(draft)
    assert saver.close()
    again = ui_store.get(draft.id)
    assert again.title == "Bewonersavond 🎉 [bold]"
    assert len(again.what_happened) == 100_000
    ui_store.close()


def test_a_failed_save_retries_by_itself_and_says_when_it_saved() -> None:
    """Issue 18 defect 9: after the lock went away, nothing was saved until the next key."""
    store = RecordingStore()
    store.fail = ReflectError("het dagboek is vergrendeld")
    errors: list[Exception] = []
    recovered = threading.Event()
    saver = DraftSaver(
        lambda: store,
        on_error=errors.append,
        on_recovered=recovered.set,
        retry_delays=(0.05, 0.1),
    )
    saver.submit(reflection("niet kwijtraken"))
    assert not saver.flush(timeout=2)
    threading.Event().wait(0.4)  # several retries, all failing: one notice only
    assert len(errors) == 1
    store.fail = None  # the lock is released; no submit, no flush, no key
    assert recovered.wait(timeout=3)
    assert store.saved == [("r1", "niet kwijtraken")]
    assert not saver.pending
    saver.close()


def test_retries_stop_when_the_app_quits() -> None:
    store = RecordingStore()
    store.fail = ReflectError("de schijf is vol")
    saver = DraftSaver(lambda: store, retry_delays=(0.05,))
    saver.submit(reflection("x"))
    assert not saver.close(timeout=0.5)
    assert saver._thread is not None
    saver._thread.join(2)
    assert not saver._thread.is_alive()
