"""Building the terminal UI's app, apart from running it.

Why a factory of its own: ``launch`` (the ``reflect`` command), the tests,
a future content preview mode and a browser view all need the same app on
the same journal with the same content; only how they run it differs
(``app.run()``, ``app.run_test()``, a web driver). Everything that can fail
before the UI exists (broken built-in content, a corrupt or locked journal)
fails here as a ``ReflectError``, before any window opens.

Imports are inside the function: building the app is on the start-up path,
and this module must cost nothing to import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os

    from reflect_tui.core.clock import Clock
    from reflect_tui.core.content.model import Content
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.core.paths import Locations
    from reflect_tui.tui.app import ReflectApp


class BuiltApp:
    """An app together with what it holds open; ``close()`` after the run.

    Usable as a context manager, so a caller cannot forget the writer
    thread, the journal connection or the single-window lock.
    """

    def __init__(self, app: ReflectApp, store: JournalStore, lock: InstanceLock | None) -> None:
        self.app = app
        self.store = store
        self.lock = lock

    def close(self, timeout: float = 5.0) -> None:
        """Flush pending drafts, then close the journal and release the lock."""
        try:
            self.app.saver.close(timeout=timeout)
        finally:
            self.store.close()
            if self.lock is not None:
                self.lock.release()
                self.lock = None

    def __enter__(self) -> BuiltApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def build_app(
    locations: Locations,
    clock: Clock,
    *,
    content_dirs: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
    content: Content | None = None,
    take_lock: bool = True,
    notices: Sequence[str] = (),
    **options: Any,
) -> BuiltApp:
    """The app on the journal in ``locations``, ready to run; raises ``ReflectError``.

    ``content`` given (tests, a preview of content being written) is used
    as it is; otherwise the content layers are read, through the cache when
    it is current so the first frame does not wait for the YAML loader.
    ``take_lock`` takes the single-window lock; when another window holds
    it the app opens anyway with a notice. ``notices`` are shown at start
    besides those of the content layers. ``options`` go to ``ReflectApp``
    (``theme``, ``debounce``, ``cursor_blink``, ``exports_dir``, ...).
    """
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.tui import strings

    notices = tuple(notices)
    load_content = None
    if content is None:
        from reflect_tui.core.content.cache import PendingContent, prepare_content

        prepared = prepare_content(locations, extra=content_dirs, env=env)
        if isinstance(prepared, PendingContent):
            load_content = prepared.load
        else:
            content, notices = prepared.content, (*notices, *prepared.notices)
    path = locations.journal_path
    store = JournalStore.open(path, clock)

    from reflect_tui.tui.app import ReflectApp

    lock = InstanceLock.acquire(locations.lock_path) if take_lock else None
    if take_lock and lock is None:
        notices = (strings.ALREADY_OPEN, *notices)
    settings: dict[str, Any] = {
        "exports_dir": locations.exports_dir,
        "locations": locations,
        "open_writer_store": lambda: JournalStore.open(path, clock),
    }
    settings.update(options)
    try:
        app = ReflectApp(
            store, content, clock, notices=notices, load_content=load_content, **settings
        )
    except BaseException:
        store.close()
        if lock is not None:
            lock.release()
        raise
    return BuiltApp(app, store, lock)
