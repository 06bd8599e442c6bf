"""Small Pilot helpers shared by the TUI tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.pilot import Pilot
from textual.widget import Widget

from reflect_tui.core.clock import FixedClock
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.screens.journal import JournalScreen
from reflect_tui.tui.screens.session import SessionScreen

CLOCK = FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
WIDE = (120, 40)
NARROW = (80, 24)


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` key by key into the focused widget."""
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)


def session(app: ReflectApp) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen), f"expected the session, got {screen!r}"
    return screen


async def next_step(pilot: Pilot[int]) -> None:
    """alt+→, and wait until the new step is built (``drain``)."""
    await pilot.press("alt+right")
    await drain(pilot)


async def past_intake(
    pilot: Pilot[int],
    *,
    title: str,
    what_happened: str,
    case_kind: str | None = None,
    barriers: tuple[str, ...] = (),
) -> None:
    """``n`` from home, this intake (and these barriers), then on to the next step
    with its workers done: how the similar-cases tests start a reflection."""
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    flow = session(pilot.app).flow  # type: ignore[arg-type]
    flow.set_intake(title=title, case_kind=case_kind, who="", what_happened=what_happened)
    flow.reflection.barriers = list(barriers)
    await next_step(pilot)


async def previous_step(pilot: Pilot[int]) -> None:
    """alt+←, and wait until the step is built (``drain``)."""
    await pilot.press("alt+left")
    await drain(pilot)


def visible_text(widget: Widget) -> str:
    """The text a Static-like widget shows (its rendered content, plain)."""
    rendered = widget.render()
    return getattr(rendered, "plain", str(rendered))


def notices(app: ReflectApp, severity: str | None = None) -> list[str]:
    """Messages of the notifications the app currently shows."""
    return [
        n.message
        for n in app._notifications  # no public accessor in Textual 8
        if severity is None or n.severity == severity
    ]


async def enter_text(pilot: Pilot[int], text: str) -> None:
    """Type the first keys for real, then insert the rest at the cursor.

    Pilot spends ~60 ms per key; inserting goes through the same Changed
    events, so the app cannot tell the difference, but the test runs faster.
    """
    await type_text(pilot, text[:3])
    focused = pilot.app.focused
    rest = text[3:]
    if hasattr(focused, "insert_text_at_cursor"):
        focused.insert_text_at_cursor(rest)  # Input
    else:
        focused.insert(rest)  # TextArea
    await pilot.pause()


def focused_is_on_screen(app: ReflectApp) -> bool:
    """Whether the focused widget is actually visible (not scrolled or cut off)."""
    widget = app.focused
    if widget is None:
        return False
    visible = app.screen._compositor.visible_widgets  # no public equivalent in Textual 8
    if widget not in visible:
        return False
    region, _clip = visible[widget]
    return region.height > 0 and region.bottom <= app.size.height


async def burst(pilot: Pilot[int], *keys: str) -> None:
    """Send ``keys`` as a terminal does in a fast burst: all queued at once.

    ``pilot.press`` waits for the app to go idle after every key, which hides
    ordering bugs; a person typing fast (or a loaded machine) does not wait.
    Returns once the app has handled them all (``drain``).
    """
    from textual import events

    app = pilot.app
    for key in keys:
        char = " " if key == "space" else (key if len(key) == 1 else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app.post_message(event)
    await drain(pilot)


def _busy(app: ReflectApp) -> bool:
    """Whether the app still has keys held back, a message queued in the app or
    on its screen, or a worker other than the content watcher (which runs
    until the app ends) still running. An app that stopped is done."""
    if not app.is_running:
        return False
    if getattr(app, "_held_keys", None) is not None:
        return True
    pumps = [app, *app.screen.walk_children(with_self=True)]
    if any(not pump._message_queue.empty() for pump in pumps):  # no public accessor
        return True
    return any(worker.group != "content-watch" and not worker.is_finished for worker in app.workers)


async def drain(pilot: Pilot[int], timeout: float = 30.0) -> None:
    """Let the app handle everything it was given (keys posted in a burst, what
    they set off) until it stays quiet for two rounds in a row.

    ``pilot.pause()`` waits for the messages queued when it starts and then
    for the process to look idle, which a loaded machine fakes (a process
    that waits for the CPU does not use it either); messages those messages
    post, and keys released later, can still be waiting.
    """
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet = 0
    while quiet < 2 and loop.time() < deadline:
        await pilot.pause()
        quiet = 0 if _busy(app) else quiet + 1


async def settle(pilot: Pilot[int]) -> None:
    """Let the screen's workers finish and their results reach the widgets.

    Three rounds cover the journal's longest chain (a page's worker, the
    highlight it sets, the detail pane's worker) on a quiet machine; ``drain``
    then goes on until nothing is left, as a loaded one can need more rounds.
    """
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await drain(pilot)


# Generous: only a broken test waits this long; a loaded CI machine may need seconds.
WAIT_LIMIT = 30.0


async def wait_until(
    pilot: Pilot[int], condition: Callable[[], object], timeout: float = WAIT_LIMIT
) -> bool:
    """Let the app run until ``condition()`` holds (a worker's answer shown, a
    timer fired, queued keys handled), at most ``timeout`` seconds; returns
    whether it held. Assert what you need afterwards: pytest then shows what
    the app has instead.

    Why not ``pilot.pause()`` or ``pause(0.3)``: ``pause()`` stops waiting when
    the process looks idle, and on a loaded machine a process that is runnable
    but not given the CPU looks idle too (Textual compares its CPU time with
    the wall clock), so a worker's answer or a queued key may still be on its
    way; a fixed delay is a guess at how loaded the machine is. This waits
    for what the test needs, as long as that takes.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            return False
        await pilot.pause(0.01)
    return True


async def open_journal(pilot: Pilot[int]) -> JournalScreen:
    """Open the journal screen from home with its key, as a user does."""
    await pilot.pause()
    await pilot.press("j")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, JournalScreen)
    return screen


def record_notices(app: ReflectApp) -> list[str]:
    """Every notice the app is asked to show, kept (shown ones time out on a slow run)."""
    sent: list[str] = []
    show = app.notify

    def notify(message: str, **options: Any) -> None:
        sent.append(message)
        show(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    return sent
