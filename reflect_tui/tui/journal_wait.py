"""A journal write that may wait for another program, without a silent freeze.

Why: when another program holds the journal, SQLite waits up to its busy
timeout (``connection.DEFAULT_BUSY_TIMEOUT``, 5 s) before giving up. On the
UI thread that froze the app without a word after ``n``, and the keys typed
meanwhile ran afterwards as home-screen commands ("...ti..." opened the
insights). ``patiently`` runs the call in a thread of its own: the usual
case, done within ``QUIET_WAIT_S``, returns right there on the UI thread as
before (no extra turn of the event loop, so nothing else changes); a longer
wait puts up a notice and lets the event loop run (the notice is drawn, the
keys typed behind an ordered key stay held) until the call is done.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any, TypeVar

from reflect_tui.tui.screen_notices import notify_on, withdraw

if TYPE_CHECKING:
    from textual.screen import Screen

QUIET_WAIT_S = 0.15  # longer than a write takes, shorter than a freeze one notices
NOTICE_TIMEOUT_S = 30.0  # withdrawn when the wait is over; this only bounds it

_T = TypeVar("_T")


async def patiently(screen: Screen[Any], call: Callable[[], _T], message: str) -> _T:
    """``call()``'s result (or its exception); ``message`` shows on ``screen``
    while a wait lasts longer than ``QUIET_WAIT_S``."""
    future: Future[_T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(call())
        except BaseException as exc:  # handed to the awaiting side as it is
            future.set_exception(exc)

    threading.Thread(target=run, name="reflect-journal-wait", daemon=True).start()
    try:
        return future.result(timeout=QUIET_WAIT_S)
    except FutureTimeout:
        pass
    notice = notify_on(screen, message, timeout=NOTICE_TIMEOUT_S)
    try:
        return await asyncio.wrap_future(future)
    finally:
        if notice is not None:
            withdraw(screen.app, notice)
