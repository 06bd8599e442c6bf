"""Watching content files for the app (``--watch``) and the preview.

Why a worker around watchfiles: the Rust watcher waits off the event loop and
wakes us within its debounce after a save, so a trainer sees a change in well
under a second without the UI polling. The rule of what a change means lives
in ``core/content/reload.py``; this module only connects it to the screen.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from reflect_tui.core.content.reload import ContentReloader, ReloadOutcome

if TYPE_CHECKING:
    from reflect_tui.tui.app import ReflectApp

DEBOUNCE_MS = 150
STEP_MS = 50


async def watch_content(app: ReflectApp, reloader: ContentReloader) -> None:
    """Reload on every content change until the app ends (run as a worker)."""
    from watchfiles import awatch

    paths = reloader.watch_paths()
    if not paths:
        return
    try:
        async for changes in awatch(*paths, debounce=DEBOUNCE_MS, step=STEP_MS):
            await _apply(app, reloader, changes)
    except OSError:
        # The system's file-watch limit can run out (many editors, many
        # watchers); polling a few folders is cheap and keeps the promise.
        async for changes in awatch(
            *paths, debounce=DEBOUNCE_MS, step=STEP_MS, force_polling=True, poll_delay_ms=200
        ):
            await _apply(app, reloader, changes)


async def _apply(app: ReflectApp, reloader: ContentReloader, changes: set[tuple[Any, str]]) -> None:
    if any(reloader.is_content_change(path) for _, path in changes):
        outcome = await asyncio.to_thread(reloader.reload)
        app.apply_reload(outcome)


def outcome_summary(outcome: ReloadOutcome) -> str:
    """One word for tests and logs: ok, unchanged or broken."""
    if outcome.errors:
        return "broken"
    return "ok" if outcome.changed else "unchanged"
