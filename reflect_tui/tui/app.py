"""The Textual application: a thin shell that wires screens to the core.

Why thin: everything the method decides (step order, prompts, edits) is in
``core/session``; the journal and content arrive ready-made, so tests can
construct the app with a temp store, built-in content and a fixed clock.

Saving: edits are batched on the UI thread (``SessionScreen``, at most one
snapshot per ``debounce`` seconds) and handed
as snapshots to a ``DraftSaver``, whose one background thread owns its own
``JournalStore`` connection. Quitting flushes it; a failure is a notice,
never a crash, and the text stays in the widgets.

Screens other than the home screen are imported when first used: the
home screen must be interactive as fast as a bare Textual app. For the
same reason the content may arrive as a loader (``load_content``) that runs
on first use, after the home screen's first frame, and the services and
the draft writer are made when first needed.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from reflect_tui.core.clock import Clock
from reflect_tui.core.errors import ReflectError, ReflectionGone
from reflect_tui.core.journal.sqlite_errors import DamagedJournal
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings
from reflect_tui.tui.hangup import on_hang_up
from reflect_tui.tui.key_burst import take_burst
from reflect_tui.tui.key_order import (
    DEFAULT_ORDERED_KEYS,
    OrderedKey,
    handles_key_itself,
    settle,
)
from reflect_tui.tui.keys import dutch_builtin_bindings, read_option_arrows_as_alt
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.similar_notice import SimilarCases

if TYPE_CHECKING:
    from reflect_tui.core.content.layers import LoadResult
    from reflect_tui.core.content.model import Content
    from reflect_tui.core.content.reload import ContentReloader, ReloadOutcome
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.store import Saved
    from reflect_tui.core.paths import Locations
    from reflect_tui.core.session.autosave import DraftSaver, DraftStore
    from reflect_tui.tui.screens.session import SessionScreen
    from reflect_tui.tui.steps.base import Services

DEFAULT_THEME = "textual-dark"
DEBOUNCE_SECONDS = 0.5
FLUSH_TIMEOUT = 5.0
DAMAGE_NOTICE_SECONDS = 60.0  # the damaged-journal advice is long: time to read it
_T = TypeVar("_T")

# Keys typed behind a key that opened a screen wait for it this long at most
# (seconds), looking every ``_MOUNT_POLL_S``: the session took 2.4 s to open
# on a loaded machine.
_MOUNT_WAIT_S = 5.0
_MOUNT_POLL_S = 0.01


class GoneElsewhere(Message):
    """Posted from the draft writer's thread: ``reflection_id`` was erased elsewhere."""

    def __init__(self, reflection_id: str) -> None:
        super().__init__()
        self.reflection_id = reflection_id


class ReflectApp(App[int]):
    # The home screen's styles load with the app's: a screen's own CSS_PATH
    # makes Textual re-parse every stylesheet when the screen is first
    # pushed (about 15 ms), and as the default screen (``get_default_screen``)
    # the home screen is never pushed, so its own CSS_PATH would not load.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        Path(__file__).parent / "app.tcss",
        Path(__file__).parent / "screens" / "home.tcss",
    ]
    TITLE = strings.APP_TITLE
    SUB_TITLE = strings.APP_SUBTITLE

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not priority: ctrl+q then bubbles up from the focused field after
        # the keys typed before it, so quitting right after typing keeps them.
        Binding("ctrl+q", "quit", strings.KEY_QUIT),
        Binding("f1", "help", strings.KEY_HELP, priority=True),
        # Shown in the Footer as "f1/?" where ? works (see get_key_display).
        Binding("question_mark", "help", strings.KEY_HELP, show=False),
        Binding("ctrl+p", "command_palette", strings.KEY_PALETTE, show=False, priority=True),
    ]

    def __init__(
        self,
        store: JournalStore,
        content: Content | None,
        clock: Clock,
        notices: Sequence[str] = (),
        *,
        load_content: Callable[[], LoadResult] | None = None,
        exports_dir: Path | None = None,
        locations: Locations | None = None,
        open_writer_store: Callable[[], DraftStore] | None = None,
        debounce: float = DEBOUNCE_SECONDS,
        cursor_blink: bool = True,
        theme: str = DEFAULT_THEME,
        content_reloader: ContentReloader | None = None,
        banner: str | None = None,
        backups_dir: Path | None = None,
        start: str | None = None,
    ) -> None:
        super().__init__()
        # Keys that arrived while an ordered key waits its turn (key_order.py).
        self._held_keys: list[events.Key] | None = None
        # Where the first start of a day puts the daily snapshot (None: no snapshot, as
        # in tests); made on a thread after the first frame, see ``_daily_backup``.
        self._backups_dir = backups_dir
        if content is None and load_content is None:
            raise ValueError("ReflectApp needs content or load_content")
        self.store = store
        self.clock = clock
        self.notices = tuple(notices)
        self.debounce = debounce
        self.theme = theme
        self.launch_error: str | None = None  # set when content failed to load in the UI
        self._content = content
        self._load_content = load_content
        self._content_lock = threading.Lock()
        self._exports_dir = exports_dir
        # Where deleting a reflection looks for the app's exports of it.
        self.locations = locations
        self._cursor_blink = cursor_blink
        self._open_writer_store = open_writer_store or (
            lambda: JournalStore.open(store.path, clock)
        )
        self._services: Services | None = None
        self._saver: DraftSaver | None = None
        self._quit_anyway = False
        self._damage_reported = False  # see ``_report_damage``
        self._draft_claim: InstanceLock | None = None
        self._content_reloader = content_reloader
        self.banner = banner
        self._start = start  # "intervisie": open that screen right away
        self._similar = SimilarCases(self)

    # -- made when first needed -------------------------------------------------

    @property
    def content(self) -> Content:
        """The merged content; a pending load runs now, in the calling thread.

        The home screen's list worker asks first, so the load (~25-100 ms)
        runs off the UI thread; a caller on the UI thread meanwhile (``n``
        pressed at once) waits for that same load rather than running it twice.
        """
        if self._content is None:
            with self._content_lock:
                if self._content is None:
                    self._content = self._take_content()
        return self._content

    def _take_content(self) -> Content:
        loader, self._load_content = self._load_content, None
        assert loader is not None
        try:
            result = loader()
        except ReflectError as exc:
            # Only if the cache went bad AND the built-in content broke since
            # the last start: stop, and let ``launch`` print the reason.
            from reflect_tui.core.content.model import Content

            self.launch_error = exc.message
            self.exit(1)
            return Content((), (), (), (), (), (), (), (), (), (), ())
        self.notices += result.notices
        self._show_notices(result.notices)
        return result.content

    @property
    def services(self) -> Services:
        if self._services is None:
            from reflect_tui.tui.steps.base import Services

            self._services = Services(
                self.content, self.clock, self.store, self._exports_dir, self._cursor_blink
            )
        return self._services

    @property
    def saver(self) -> DraftSaver:
        if self._saver is None:
            from reflect_tui.core.session.autosave import DraftSaver

            self._saver = DraftSaver(
                self._open_writer_store,
                on_error=self._save_failed,
                on_recovered=self._save_recovered,
                on_gone=self._gone_elsewhere,
                on_merged=self._save_merged,
            )
        return self._saver

    # -- lifecycle ------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        read_option_arrows_as_alt()
        dutch_builtin_bindings()
        # The home screen is the bottom of the stack, not pushed over Textual's
        # empty default screen: that one would be composed, laid out and
        # drawn first, delaying the home screen's first frame.
        return HomeScreen()

    async def on_event(self, event: events.Event) -> None:
        """Focus moves and step changes run in key order (see ``key_order.py``)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held_keys is not None:
                self._held_keys.append(event)
                return
            focused = self.focused
            if event.key in getattr(self.screen, "ORDERED_KEYS", DEFAULT_ORDERED_KEYS) and not (
                focused is not None and handles_key_itself(focused, event.key)
            ):
                # Hold later keys; run this one once the keys before it have
                # been through the field, the screen and the app's bindings.
                self._held_keys = []
                await settle(focused or self.screen, self.screen)
                self.post_message(OrderedKey(event))
                return
            # A paste without bracketed paste: characters queued behind this one
            # go to the field as one insert (key_burst.py).
            burst = take_burst(self, event)
            if burst is not None:
                await super().on_event(events.Paste(burst))
                return
        await super().on_event(event)

    async def on_ordered_key(self, message: OrderedKey) -> None:
        """Run an ordered key, then hand on the keys held behind it, in order."""
        if not self.is_running:  # closing: its screens may be gone already
            self._drop_held_keys()
            return
        key = message.key
        screen, focused = self.screen, self.focused
        try:
            if not (
                await self._check_bindings(key.key, priority=True)
                or await self._check_bindings(key.key)
            ):
                await super().on_event(key)
        finally:
            if self.screen is screen and key.key in getattr(screen, "OPENING_KEYS", ()):
                # A key that opens a screen did not (the journal was locked,
                # nothing to resume): the keys behind it were typed for that
                # screen, not as this screen's one-letter commands. Dropped
                # behind the keys still queued (typed during a long action).
                self.call_later(self._drop_held_keys)
            elif focused is not None and self.screen is screen:
                # The key may act through messages of the focused widget (Enter
                # on a button: its binding posts Pressed, whose handler opens a
                # screen): the held keys wait until those have run.
                self.run_worker(self._release_after_widget(focused, screen), exit_on_error=False)
            else:
                # The held keys go out on the app's next turn, behind what the
                # binding scheduled there: a step change focuses its new field with
                # ``focus()``, one turn later, and the keys must reach that field.
                # (Awaiting that turn here would wait on our own queue.)
                self.call_later(self._release_held_keys, screen)

    async def _release_held_keys(self, ordered_on: Screen[Any] | None = None) -> None:
        """Hand the keys held behind an ordered key on, in the order they came.

        When the key opened a screen (``n``, ``j`` on the home screen), the
        keys wait until that screen is mounted and has put its focus: opening
        the session took seconds on a loaded machine, and a title typed
        meanwhile went to the home screen, whose letters are commands.
        ``ordered_on``: the screen the key was typed on (None: release now).
        While the app closes the keys are dropped: Textual's shutdown empties
        the screen stack while this call may still be queued or on its way
        (``_release_after_widget`` runs as a worker), and ``self.screen``
        then raises, which ended a test run (the keys had no screen anyway).
        """
        if not self.is_running:
            self._drop_held_keys()
            return
        screen = self.screen
        if ordered_on is not None and screen is not ordered_on:
            # Its mount asks for the focus with ``call_later``, maybe after
            # this call was queued: release behind that.
            self.run_worker(self._release_when_mounted(screen), exit_on_error=False)
            return
        held, self._held_keys = self._held_keys or [], None
        for event in held:
            await self.on_event(event)

    def _drop_held_keys(self) -> None:
        self._held_keys = None

    async def _release_after_widget(self, widget: Widget, screen: Screen[Any]) -> None:
        """Release the held keys once what ``widget`` did with an ordered key has run:
        three rounds of its queue, its ancestors' and the app's."""
        for _ in range(3):
            await settle(widget, screen)
            turn = asyncio.Event()
            if self.call_later(turn.set):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(turn.wait(), 1.0)
        self.call_later(self._release_held_keys, screen)

    async def _release_when_mounted(self, screen: Screen[Any]) -> None:
        """Release the held keys once ``screen`` is mounted (at most ``_MOUNT_WAIT_S``
        later), on the app's turn after the focus its mount asked for."""
        for _ in range(int(_MOUNT_WAIT_S / _MOUNT_POLL_S)):
            if screen.is_mounted or not screen.is_attached:
                break
            await asyncio.sleep(_MOUNT_POLL_S)
        self.call_later(self._release_held_keys)

    _start_up_over = False

    @property
    def started_up(self) -> bool:
        """Whether the first screen is complete (``start_up_done`` has run)."""
        return self._start_up_over

    def start_up_done(self) -> None:
        """The first screen is complete: freeze what start-up made, collector on.

        Why frozen: the modules, Textual's machinery and the first screen live
        as long as the app, yet every full collection walked them all again.
        While typing, those collections made a key cost about 30 % more CPU
        than in a bare Textual app for only ~6 % more instructions (stop 10,
        ``bench_tui``). Frozen objects are still freed by reference counting;
        only cycles among them wait until exit, and those are start-up
        objects that stay anyway.

        Why the collector comes on only now: ``launch`` switches it off for
        the start-up, whose imports and widgets are nearly all long-lived.
        Its passes over them cost ~25 M instructions (2 %) until the home
        screen's lists were drawn, and those objects are frozen here anyway.
        The home screen calls this once its lists are drawn
        (``HomeBody._fill``); any other first screen with its first frame.
        """
        if self._start_up_over:
            return
        self._start_up_over = True
        import gc

        gc.freeze()
        gc.enable()

    def _first_frame_drawn(self) -> None:
        # The home screen's Show is already queued: its body reads and draws
        # the lists, then ends the start-up itself (``HomeBody._fill``).
        if not isinstance(self.screen, HomeScreen):
            self.start_up_done()

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_frame_drawn)
        on_hang_up(self.save_now_and_leave)
        self._show_notices(self.notices)
        if self.banner is not None:
            self.sub_title = self.banner
            self.notify(strings.PREVIEW_NOTICE, title=self.banner, markup=False)
        if self._content_reloader is not None:
            from reflect_tui.tui.content_watch import watch_content

            self.run_worker(
                watch_content(self, self._content_reloader),
                name="content-watch",
                group="content-watch",
                exit_on_error=False,
            )
        if self._backups_dir is not None:
            self.call_after_refresh(self._start_daily_backup)
        if self._start == "intervisie":
            self.call_after_refresh(self.action_intervision)
        # No "resume?" notice: the home screen's draft line and its "Verder
        # met concept (r)" button already offer it, and at 80x24 a toast
        # covered the learning suggestions for seconds.

    def apply_reload(self, outcome: ReloadOutcome) -> None:
        """Take reloaded content, or show why it could not be taken.

        New content reaches every screen opened from now on (the services
        are rebuilt on next use); a screen already open keeps the prompts it
        showed, so a trainer's edit never pulls text out from under a user.
        """
        from reflect_tui.tui.widgets.content_errors import PANEL_ID, ContentErrorsPanel

        panels = [p for s in self.screen_stack for p in s.query(f"#{PANEL_ID}")]
        if outcome.errors:
            if panels:
                for panel in panels:
                    cast("ContentErrorsPanel", panel).show(outcome.errors)
            else:
                self.screen.mount(ContentErrorsPanel(outcome.errors))
            return
        for panel in panels:
            panel.remove()
        if panels:
            self.notify(strings.CONTENT_FIXED, markup=False)
        if outcome.changed:
            self._content = outcome.content
            self._services = None
            self.notify(
                strings.CONTENT_RELOADED.format(version=outcome.content.version), markup=False
            )

    def _start_daily_backup(self) -> None:
        """The first start of a day snapshots the journal, off the UI thread.

        After the first frame and on its own thread (with its own connection,
        ``core/journal/backup.daily_backup``), so neither the start nor typing
        waits for it; a failure is a notice, the journal itself is untouched.
        """
        threading.Thread(
            target=self._daily_backup, name="reflect-daily-backup", daemon=True
        ).start()

    def _daily_backup(self) -> None:
        from reflect_tui.core.journal.backup import daily_backup
        from reflect_tui.core.journal.sqlite_errors import error_words

        assert self._backups_dir is not None
        try:
            daily_backup(
                self.store.path,
                self._backups_dir,
                self.clock.today(),
                new_journal=self.store.fresh,
            )
        except DamagedJournal as exc:  # the day's check found damage: what to do
            with contextlib.suppress(Exception):
                self._report_damage(exc)
        except Exception as exc:  # a thread must not die loudly; the user is told
            message = error_words(exc)
            with contextlib.suppress(Exception):
                self.notify(
                    strings.BACKUP_FAILED.format(error=message),
                    title=strings.NOTICE_TITLE,
                    severity="warning",
                    markup=False,
                )

    def _show_notices(self, notices: Sequence[str]) -> None:
        for notice in notices:
            self.notify(notice, title=strings.NOTICE_TITLE, severity="warning", markup=False)

    def _safe(self, call: Callable[[], _T]) -> _T | None:
        """Run a store call on the UI thread; a ReflectError becomes a notice."""
        try:
            return call()
        except ReflectError as exc:
            self.report_error(exc)
            return None

    def report_error(self, exc: ReflectError) -> None:
        """Show a store error as a notice; a reflection deleted elsewhere gets a
        plain sentence and the home lists are re-read so they stop showing it."""
        if not isinstance(exc, ReflectionGone):
            self.notify_error(exc)
            return
        self.notify(strings.REFLECTION_GONE, severity="warning")
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.reload()

    def notify_error(self, exc: ReflectError) -> None:
        """A store error as a notice (any thread): the one place that words it.

        A damaged journal gets its own title and time to read the advice;
        anything else "Er ging iets mis: ...".
        """
        if isinstance(exc, DamagedJournal):
            self._report_damage(exc)
        else:
            self.notify(strings.ERROR_GENERIC.format(error=exc), severity="error", markup=False)

    def _report_damage(self, exc: DamagedJournal) -> None:
        """The damaged-journal advice once, long enough to read; later a short line.

        Safe from any thread (``notify`` is). SQLite notices damage only on the
        pages a screen reads, so several screens may hit it; the advice (with
        counts of what doctor and each backup can bring back) is long.
        """
        if self._damage_reported:
            self.notify(strings.JOURNAL_DAMAGED_AGAIN, severity="error", markup=False)
            return
        self._damage_reported = True
        self.notify(
            exc.message,
            title=strings.JOURNAL_DAMAGED_TITLE,
            severity="error",
            timeout=DAMAGE_NOTICE_SECONDS,
            markup=False,
        )

    # -- saving ---------------------------------------------------------------

    def save_draft(self, reflection: Reflection) -> None:
        """Queue a snapshot for the background writer (returns at once)."""
        self.saver.submit(reflection)

    async def flush_saves(self) -> bool:
        """Write pending snapshots now; False when that failed (a notice is shown).

        The wait runs in a worker thread so the screen keeps drawing while a
        slow disk or a lock holds the writer up.
        """
        return await asyncio.to_thread(self.saver.flush, FLUSH_TIMEOUT)

    def _save_failed(self, error: Exception) -> None:
        # Called on the writer thread; App.notify is thread-safe.
        self.notify(
            strings.SAVE_FAILED.format(error=error),
            title=strings.SAVE_FAILED_TITLE,
            severity="error",
            timeout=10,
            markup=False,
        )

    def _save_recovered(self) -> None:
        # Called on the writer thread after a streak of failures ended in a save.
        self.notify(
            strings.SAVED_AGAIN.format(time=self.clock.now().astimezone().strftime("%H:%M:%S")),
            title=strings.SAVED_AGAIN_TITLE,
            timeout=10,
            markup=False,
        )

    def _save_merged(self, reflection_id: str, saved: Saved) -> None:
        # Called on the writer thread: a change made elsewhere was merged in.
        self.notify(
            strings.MERGED_OVERRIDDEN if saved.overridden else strings.MERGED_KEPT,
            title=strings.MERGED_TITLE,
            severity="warning",
            timeout=10,
            markup=False,
        )

    def _gone_elsewhere(self, reflection_id: str) -> None:
        # Called on the writer thread; post_message is thread-safe.
        self.post_message(GoneElsewhere(reflection_id))

    def on_gone_elsewhere(self, message: GoneElsewhere) -> None:
        """The writer was refused: the reflection open here was erased elsewhere.
        The session showing it asks the user what now (``SessionScreen.gone``)."""
        session = self._pending_session()
        if session is not None and session.flow.reflection.id == message.reflection_id:
            session.gone()
        else:
            self.report_error(ReflectionGone(strings.REFLECTION_GONE))

    def _pending_session(self) -> SessionScreen | None:
        from reflect_tui.tui.screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                return screen
        return None

    async def action_quit(self) -> None:
        session = self._pending_session()
        saved = await session.leave() if session is not None else await self.flush_saves()
        if saved or self._quit_anyway:
            self.saver.close(timeout=1.0)
            self.exit(0)
            return
        self._quit_anyway = True
        self.notify(strings.QUIT_UNSAVED, severity="warning", timeout=10)

    def save_now_and_leave(self) -> None:
        """The terminal is gone or we were told to stop (``hangup.py``): write
        the open draft as it is on screen now, then leave without asking."""
        session = self._pending_session()
        if session is not None:
            session.submit_draft()
        self.saver.flush(FLUSH_TIMEOUT)
        self.saver.close(timeout=1.0)
        self.exit(0)

    def discard(self, reflection_id: str) -> None:
        """Delete an empty draft; failing to do so is harmless, so it stays quiet."""
        with contextlib.suppress(ReflectError):
            self.store.delete(reflection_id)

    # -- navigation -----------------------------------------------------------

    def go_home(self) -> None:
        while len(self.screen_stack) > 1:  # the home screen is the bottom one
            self.pop_screen()

    def start_session(
        self, reflection: Reflection, resume: bool = False, back_to_previous: bool = False
    ) -> None:
        """Open ``reflection`` in the guided flow.

        ``back_to_previous``: the screen now on top (the journal screen) stays
        below the session and comes back when it closes; only when no other
        session is open in this window (one draft claim at a time).
        """
        from reflect_tui.core.instance import claim_draft
        from reflect_tui.core.session.flow import SessionFlow
        from reflect_tui.tui.screens.session import SessionScreen

        stacked = any(isinstance(s, SessionScreen) for s in self.screen_stack)
        back_to_previous = back_to_previous and not stacked
        if not back_to_previous:
            self.go_home()
        self.release_draft()
        claim = claim_draft(self.store.path, reflection.id)
        if claim is None:  # another window edits this draft: read-only here
            from reflect_tui.tui.render import reflection_markdown
            from reflect_tui.tui.screens.read import ReadScreen

            self.notify(
                strings.DRAFT_ELSEWHERE,
                title=strings.DRAFT_ELSEWHERE_TITLE,
                severity="warning",
                timeout=12,
                markup=False,
            )
            self.push_screen(ReadScreen(reflection_markdown(reflection, self.content)))
            return
        self._draft_claim = claim
        self.saver.track(reflection)
        flow = SessionFlow(reflection, self.content)
        if resume:
            flow.index = flow.resume_index()
        session = SessionScreen(flow, self.services)
        session.back_to_previous = back_to_previous
        self.push_screen(session)

    def keep_as_new(self, reflection: Reflection) -> bool:
        """The text of a reflection erased elsewhere, kept as a NEW reflection
        (only when the user asks, ``SessionScreen.gone``): a fresh id, a draft,
        claimed and tracked here like any other. ``reflection`` (the object the
        open screen edits) takes the new identity in place, so every view
        keeps writing into it. False when storing failed (a notice says why).
        """
        import copy

        from reflect_tui.core.instance import claim_draft
        from reflect_tui.core.journal.model import new_reflection_id

        kept = copy.deepcopy(reflection)
        kept.id = new_reflection_id()
        kept.created_at = self.clock.now()
        kept.status = "draft"
        try:
            self.store.add(kept)
        except ReflectError as exc:
            self.report_error(exc)
            return False
        reflection.id, reflection.created_at = kept.id, kept.created_at
        reflection.updated_at, reflection.status = kept.updated_at, kept.status
        self.release_draft()
        self._draft_claim = claim_draft(self.store.path, kept.id)
        self.saver.track(kept)
        return True

    def release_draft(self, claim: InstanceLock | None = None) -> None:
        """Let other windows edit the draft this one was editing (``claim_draft``).

        With ``claim``: only if that is still the current one (a session
        screen unmounts after the next session may have claimed its draft).
        """
        if claim is not None and claim is not self._draft_claim:
            return
        current, self._draft_claim = self._draft_claim, None
        if current is not None:
            current.release()

    @property
    def draft_claim(self) -> InstanceLock | None:
        """The claim on the draft being edited in this window, if any."""
        return self._draft_claim

    async def action_new_reflection(self) -> None:
        """A new draft, then its session. The write may wait for another
        program that holds the journal: ``journal_wait.patiently`` says so at
        once instead of a silent freeze (the keys typed behind ``n`` stay held)."""
        from reflect_tui.tui.journal_wait import patiently

        version = self.content.version
        try:
            reflection = await patiently(
                self.screen,
                lambda: self.store.create_draft(content_version=version),
                strings.JOURNAL_WAIT,
            )
        except ReflectError as exc:
            self.report_error(exc)
            return
        self.start_session(reflection)

    def action_resume(self) -> None:
        drafts = self._safe(self.store.drafts) or []
        if not drafts:
            return
        reflection = self._read(drafts[0].id)
        if reflection is not None:
            self.start_session(reflection, resume=True)

    def _read(self, reflection_id: str) -> Reflection | None:
        """The stored reflection, after any queued snapshot reached the disk."""
        self.saver.flush(FLUSH_TIMEOUT)
        return self._safe(lambda: self.store.get(reflection_id))

    def open_reflection(self, reflection_id: str) -> None:
        reflection = self._read(reflection_id)
        if reflection is None:
            return
        if reflection.status == "draft":
            self.start_session(reflection, resume=True)
        else:
            self._push_read(reflection)

    def read_reflection(self, reflection_id: str) -> None:
        """Open a reflection for reading only: from the journal while a draft is
        open in this window, which editing would close (one session at a time)."""
        reflection = self._read(reflection_id)
        if reflection is not None:
            self._push_read(reflection)

    def _push_read(self, reflection: Reflection) -> None:
        from reflect_tui.tui.render import reflection_markdown
        from reflect_tui.tui.screens.read import ReadScreen

        self.push_screen(ReadScreen(reflection_markdown(reflection, self.content)))

    def action_intervision(self) -> None:
        """Open the intervision setup (method, roles) on top of the home screen."""
        from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen

        self.go_home()
        self.push_screen(IntervisionSetupScreen())

    @property
    def exports_dir(self) -> Path | None:
        """The app's export folder (None: exporting is off, e.g. in some tests)."""
        return self._exports_dir

    def edit_reflection(self, reflection_id: str, back_to_previous: bool = False) -> None:
        """Open any reflection, a finished one too, in the guided flow to change it.

        A finished reflection stays finished; every change is saved as it is
        made and moves its ``updated_at``.
        """
        reflection = self._read(reflection_id)
        if reflection is not None:
            self.start_session(reflection, back_to_previous=back_to_previous)

    def action_journal(self) -> None:
        from reflect_tui.tui.screens.journal import JournalScreen

        if not isinstance(self.screen, JournalScreen):
            self.push_screen(JournalScreen())

    # -- earlier similar cases -------------------------------------------------

    @property
    def similar_ids(self) -> tuple[str, ...]:
        """The earlier cases the last similar-cases notice named."""
        return self._similar.ids

    def offer_similar(self, reflection: Reflection) -> None:
        self._similar.offer(reflection)

    def action_similar(self) -> None:
        from reflect_tui.core.journal.query import JournalQuery
        from reflect_tui.tui.screens.journal import JournalScreen

        if self.similar_ids:
            query = JournalQuery(ids=self.similar_ids)
            self.push_screen(
                JournalScreen(query, strings.SIMILAR_HEADING, ids_label=strings.SIMILAR_FILTER)
            )

    def action_next_steps(self) -> None:
        from reflect_tui.tui.screens.steps import NextStepsScreen

        if not isinstance(self.screen, NextStepsScreen):
            self.push_screen(NextStepsScreen())

    def action_insights(self) -> None:
        from reflect_tui.tui.screens.insights import InsightsScreen

        if not isinstance(self.screen, InsightsScreen):
            self.push_screen(InsightsScreen())

    def action_help(self) -> None:
        from reflect_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_home(self) -> None:
        session = self._pending_session()
        if session is not None:
            await session.action_home()

    async def action_save_now(self) -> None:
        session = self._pending_session()
        if session is not None:
            await session.action_save_now()

    def action_command_palette(self) -> None:
        # Textual types ``is_open`` as taking ``App[object]``, but App is invariant
        # in its return type while the method only reads ``app.screen``.
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            from reflect_tui.tui.palette import DutchCommandPalette

            self.push_screen(
                DutchCommandPalette(placeholder=strings.PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def search_themes(self) -> None:
        """Textual's theme picker, with a Dutch placeholder and "no matches" line."""
        from textual.theme import ThemeProvider

        from reflect_tui.tui.palette import DutchCommandPalette

        self.push_screen(
            DutchCommandPalette(providers=[ThemeProvider], placeholder=strings.PALETTE_THEMES)
        )

    def in_session(self) -> bool:
        return self._pending_session() is not None

    def has_draft(self) -> bool:
        return bool(self._safe(lambda: self.store.drafts(limit=1)))

    def action_export(self) -> None:
        session = self._pending_session()
        if session is not None:
            session.action_export()

    def get_key_display(self, binding: Binding) -> str:
        """F1 opens the help everywhere, ? only where it is not typed into a field."""
        shown = super().get_key_display(binding)
        if binding.action == "help" and not self._typing():
            return f"{shown}/?"
        return shown

    def _typing(self) -> bool:
        """Whether the focus is in a text field. By class name, not isinstance:
        importing TextArea here would add its import to the first frame."""
        focused = self.focused
        if focused is None:
            return False
        return any(cls.__name__ in ("Input", "TextArea") for cls in type(focused).__mro__)

    def action_help_quit(self) -> None:
        """ctrl+c copies in text fields; tell the user (in Dutch) how to stop."""
        self.notify(strings.HOW_TO_QUIT, title=strings.HOW_TO_QUIT_TITLE, markup=False)

    # -- privacy: crashes never print journal text -----------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled error: a short notice on exit, the details in a private report.

        Textual's own handler prints a traceback with ``show_locals=True``
        (local variables hold answer text) or the error's own rich rendering;
        both are replaced. The bookkeeping Textual's test pilot relies on
        (return code, first exception) is kept.
        """
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._report_crash(error)

    def _fatal_error(self) -> None:
        import sys

        error = sys.exc_info()[1]
        self._report_crash(error if error is not None else RuntimeError("onbekende fout"))

    def _report_crash(self, error: BaseException) -> None:
        from rich.text import Text

        from reflect_tui.core.crash import write_crash_report

        report = write_crash_report(self.store.path.parent, error)
        if report.path is None:
            message = strings.CRASHED_NO_REPORT.format(place=report.place, kind=report.kind)
        else:
            message = strings.CRASHED.format(place=report.place, kind=report.kind, path=report.path)
        self.bell()
        self._exit_renderables.append(Text(message))
        self._close_messages_no_wait()

    # -- privacy: no screenshots ----------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Our own actions only (one list: ``palette.APP_COMMANDS``); Textual's
        "Screenshot" would write journal text to disk."""
        from reflect_tui.tui.palette import app_commands

        for title, help_text, callback in app_commands(self):
            yield SystemCommand(title, help_text, callback)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        self.notify(strings.SCREENSHOT_DISABLED, severity="warning")

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        self.notify(strings.SCREENSHOT_DISABLED, severity="warning")
        return None

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        # Also reached through TEXTUAL_SCREENSHOT; write nothing.
        self.notify(strings.SCREENSHOT_DISABLED, severity="warning")
        return ""
