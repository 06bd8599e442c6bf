"""A screen whose next frame comes at the next frame slot, not the one after.

Why: Textual paints a screen from a 60 fps timer that pauses while nothing
changes. When that timer has fallen behind (it was paused for a while, as
between two keystrokes), Textual 8 skips ahead to the slot *after* the next
one (``Timer._run``: ``count = int((now - start) / interval + 1)``, then the
loop adds one more), so a change that comes a few milliseconds after a paint
waits 17-33 ms for its own paint instead of 0-17 ms. On the journal screen
that is every keystroke and filter change: the typed letter (or the filter
line) is painted at once, the query's page arrives ~10 ms later and then
waited on average a frame and a half (issue 13: each list update <= 50 ms,
the worst counts; measured 15-25 ms of the 40-50 ms between the page and its
paint).

``FrameTimer`` is Textual's timer with that one step corrected: after a skip
the next tick is the first slot after now. Frames keep to the 60 fps grid
(never two in one slot), except when a screen asks for its next frame at
once (``PromptScreen.paint_soon``): the journal screen does when a query's
page arrives, the one change per keystroke that the user waits for, so that
paint no longer waits up to a frame behind the typed letter's. The tick
still comes only once the change has reached the screen (Textual resumes
the timer then), so nothing is painted half-done.
``PromptScreen`` uses it as its screen update timer.

This replaces private Textual parts (``Timer._run``, ``Screen._update_timer``),
pinned by ``textual<9``; ``tests/tui/test_frames.py`` checks the copied loop
is still the one Textual runs, so an upgrade that changes it fails there.
"""

from __future__ import annotations

import asyncio
from typing import TypeVar

from textual import _time
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import EventTargetGone, Timer

ResultType = TypeVar("ResultType")


def next_slot(start: float, now: float, interval: float) -> int:
    """How many whole slots of ``interval`` after ``start`` have passed at ``now``:
    the next tick is then slot ``count + 1``, the first one after ``now``."""
    return int((now - start) / interval)


def _wake(waking: asyncio.Future[None]) -> None:
    if not waking.done():
        waking.set_result(None)


class FrameTimer(Timer):
    """Textual's ``Timer`` whose skip lands on the next slot and whose wait
    for the next slot can be cut short (``hurry``; see the module)."""

    _waking: asyncio.Future[None] | None = None

    def hurry(self) -> None:
        """Tick as soon as the timer is resumed, without waiting for the next slot."""
        if self._waking is not None:
            _wake(self._waking)

    async def _sleep(self, seconds: float) -> None:
        """``textual._time.sleep`` (half a millisecond less: asyncio oversleeps)
        that ``hurry`` can end early."""
        seconds -= 0.0005
        if seconds <= 0:
            return
        loop = asyncio.get_running_loop()
        self._waking = waking = loop.create_future()
        handle = loop.call_later(seconds, _wake, waking)
        try:
            await waking
        finally:
            handle.cancel()
            self._waking = None

    async def _run(self) -> None:
        # Textual 8.2's ``Timer._run``, with the skip step replaced by ``next_slot``
        # and its sleep by ``_sleep``.
        count = 0
        _repeat = self._repeat
        _interval = self._interval
        self._active  # noqa: B018 (creates the event in this thread, as Textual does)
        await self._active.wait()
        start = _time.get_time()

        while _repeat is None or count <= _repeat:
            next_timer = start + ((count + 1) * _interval)
            now = _time.get_time()
            if self._skip and next_timer < now:
                count = next_slot(start, now, _interval)
                continue
            now = _time.get_time()
            wait_time = max(0, next_timer - now)
            await self._sleep(wait_time)
            count += 1
            await self._active.wait()
            if self._reset:
                start = _time.get_time()
                count = 0
                self._reset = False
                continue
            try:
                await self._tick(next_timer=next_timer, count=count)
            except EventTargetGone:
                break


class PromptScreen(Screen[ResultType]):
    """A screen painted on the next frame slot after a change (``FrameTimer``)."""

    _frame_timer: FrameTimer | None = None

    def paint_soon(self) -> None:
        """Paint what changed now as soon as it reaches the screen, not on the next
        frame slot (for the one change a key waits for; see the module)."""
        if self._frame_timer is not None:
            self._frame_timer.hurry()

    @property
    def _update_timer(self) -> Timer:
        """Replaces ``Screen._update_timer`` (what ``Screen.set_interval`` would make)."""
        timer = self._frame_timer
        if timer is None:
            timer = self._frame_timer = FrameTimer(
                self,
                UPDATE_PERIOD,
                name="screen_update",
                callback=self._on_timer_update,
                pause=True,
            )
            timer._start()
            self._timers.add(timer)
        return timer
