"""The journal screen's frame timer: a change is painted on the next frame slot.

Textual's screen update timer, once it has fallen behind (paused between two
keystrokes), skips to the slot after the next one, so a list page arriving a
few milliseconds after the typed letter was painted waited 17-33 ms for its
paint (issue 13, ``benchmarks/bench_lookback.py``). ``tui/frames.FrameTimer``
ticks on the next slot. Time here is a fake clock: nothing is timed.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from textual import _time
from textual import timer as textual_timer
from textual._context import active_app
from textual.timer import Timer

from reflect_tui.tui.frames import FrameTimer, PromptScreen, next_slot

INTERVAL = 1 / 60


class Target:
    """What the timer is for (it keeps a weak reference)."""


class FakeClock:
    """Time that moves only when the test says; ``call_later`` stands in for the loop's."""

    def __init__(self) -> None:
        self._now = 0.0
        self._due: list[tuple[float, Callable[..., object], tuple[object, ...], list[bool]]] = []

    @property
    def now(self) -> float:
        return self._now

    @now.setter
    def now(self, value: float) -> None:
        self._now = value
        due = [d for d in self._due if d[0] <= value]
        self._due = [d for d in self._due if d[0] > value]
        for _at, callback, args, cancelled in due:
            if not cancelled:
                callback(*args)

    def get_time(self) -> float:
        return self._now

    def call_later(self, delay: float, callback: Callable[..., object], *args: object) -> object:
        cancelled: list[bool] = []
        self._due.append((self._now + delay, callback, args, cancelled))
        return SimpleNamespace(cancel=lambda: cancelled.append(True))

    async def sleep(self, seconds: float) -> None:
        until = self.now + seconds
        while self.now < until:
            await asyncio.sleep(0)


async def _page_paint_delay(
    kind: type[Timer], monkeypatch: pytest.MonkeyPatch, hurry: bool = False
) -> float:
    """Seconds from a change to its tick, when the change comes 3 ms after a
    tick that ended a long pause (a typed letter, then its query's page)."""
    clock = FakeClock()
    monkeypatch.setattr(asyncio.get_running_loop(), "call_later", clock.call_later)
    monkeypatch.setattr(_time, "get_time", clock.get_time)
    monkeypatch.setattr(_time, "sleep", clock.sleep)
    monkeypatch.setattr(textual_timer, "sleep", clock.sleep)
    ticks: list[float] = []
    target = Target()

    def tick() -> None:
        ticks.append(clock.now)
        timer.pause()  # as Screen._on_timer_update does

    async def advance_until(count: int, step: float = 0.001) -> None:
        for _ in range(200):
            for _ in range(5):
                await asyncio.sleep(0)
            if len(ticks) >= count:
                return
            clock.now += step
        raise AssertionError("the timer did not tick")

    token = active_app.set(SimpleNamespace(_exit=False, features=frozenset()))  # type: ignore[arg-type]
    try:
        timer = kind(target, INTERVAL, callback=tick, pause=True)
        timer._start()
        timer.resume()
        await advance_until(1)
        clock.now = 10.005  # a long pause: the timer has fallen behind
        await asyncio.sleep(0)
        timer.resume()  # the typed letter
        await advance_until(2, step=0.0)
        clock.now += 0.003
        changed = clock.now
        timer.resume()  # the page, 3 ms later
        if hurry:
            assert isinstance(timer, FrameTimer)
            timer.hurry()
        await advance_until(3)
        timer.stop()
    finally:
        active_app.reset(token)
    return ticks[2] - changed


async def test_a_change_after_a_paint_is_painted_on_the_next_slot(monkeypatch) -> None:
    delay = await _page_paint_delay(FrameTimer, monkeypatch)
    assert delay <= INTERVAL


async def test_a_hurried_change_is_painted_at_once(monkeypatch) -> None:
    assert await _page_paint_delay(FrameTimer, monkeypatch, hurry=True) == 0.0
    # Without ``hurry`` the same change waits for its slot.
    assert await _page_paint_delay(FrameTimer, monkeypatch) > 0.0


async def test_textuals_own_timer_still_skips_a_slot(monkeypatch) -> None:
    # Why FrameTimer exists. When this fails, Textual ticks on the next slot
    # itself: drop ``tui/frames.py`` and let screens use Textual's timer again.
    delay = await _page_paint_delay(Timer, monkeypatch)
    assert delay > INTERVAL


def test_next_slot_is_the_last_slot_passed() -> None:
    assert next_slot(0.0, 10.005, INTERVAL) == 600
    assert next_slot(2.0, 2.01, INTERVAL) == 0


def _body(function: object) -> list[str]:
    lines = inspect.getsource(function).splitlines()  # type: ignore[arg-type]
    code = [re.sub(r"\s+#.*$", "", line).strip() for line in lines]
    return [line for line in code if line and not line.startswith(("#", '"""'))]


def test_the_copied_timer_loop_is_the_one_textual_runs() -> None:
    # FrameTimer._run is Textual's Timer._run with one step changed; if a
    # Textual upgrade changes its loop, copy it again (and keep the fix).
    ours = _body(FrameTimer._run)
    theirs = [
        line.replace(
            "count = int((now - start) / _interval + 1)", "count = next_slot(start, now, _interval)"
        ).replace("await sleep(wait_time)", "await self._sleep(wait_time)")
        for line in _body(Timer._run)
    ]
    assert ours == theirs


async def test_the_journal_screen_paints_with_the_frame_timer(make_app, monkeypatch) -> None:
    from reflect_tui.tui.screens.journal import JournalScreen

    assert issubclass(JournalScreen, PromptScreen)
    hurried: list[int] = []
    hurry = FrameTimer.hurry

    def counting(self: FrameTimer) -> None:
        hurried.append(1)
        hurry(self)

    monkeypatch.setattr(FrameTimer, "hurry", counting)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        assert isinstance(screen._frame_timer, FrameTimer)
        assert screen._update_timer is screen._frame_timer
        assert screen._Screen__update_timer is None  # type: ignore[attr-defined]
        # A new page (the empty journal's "nothing found") asks for its paint at once.
        assert screen.pages_built >= 1
        assert len(hurried) >= 1
