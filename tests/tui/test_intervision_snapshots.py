"""Snapshots of the intervision conductor at 80x24 and 120x40, and its projector view.

Pinned like the other snapshots: a fixed clock (moved by hand to the warning
a minute before the end), theme, no cursor blink, toasts cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import NARROW, WIDE

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.content.model import Content
from reflect_tui.core.paths import Locations
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.factory import BuiltApp, build_app
from reflect_tui.tui.screens.intervision import ConductorScreen

SIZES = pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])


@pytest.fixture
def iv_snap_app(tmp_path: Path, content: Content) -> Iterator[Callable[[], ReflectApp]]:
    built: list[BuiltApp] = []
    locations = Locations(data_dir=tmp_path / "data", config_dir=tmp_path / "config")

    def factory() -> ReflectApp:
        clock = FixedClock(datetime(2026, 12, 1, 14, 0, tzinfo=UTC))
        one = build_app(
            locations,
            clock,
            content=content,
            take_lock=False,
            cursor_blink=False,
            theme="textual-dark",
        )
        built.append(one)
        return one.app

    yield factory
    for one in built:
        one.close(timeout=2)


async def question_round(pilot: Pilot[int]) -> ConductorScreen:
    """The incident method's fact-finding round, two questions marked, a minute left."""
    await pilot.pause()
    app = pilot.app
    app.action_intervision()  # type: ignore[attr-defined]
    await pilot.pause()
    app.screen.query_one("#iv-role-casusinbrenger", Input).value = "Anna"
    app.screen.query_one("#iv-methods").focus()
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ConductorScreen)
    await pilot.press("n", "n")
    await pilot.pause()
    meeting = screen.meeting
    meeting.add_question("Wie zaten er aan tafel toen het misging?")
    meeting.add_question("Wat stond er in de uitnodiging?")
    meeting.mark(0, "warm")
    meeting.mark(1, "lauw")
    screen._refresh_questions(0)
    app.clock.moment += timedelta(minutes=9, seconds=15)  # type: ignore[attr-defined]
    screen.refresh_timer()
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()
    return screen


@SIZES
def test_conductor_question_round(snap_compare, iv_snap_app, size):
    assert snap_compare(iv_snap_app(), run_before=question_round, terminal_size=size)


@SIZES
def test_conductor_projector_overrun(snap_compare, iv_snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        screen = await question_round(pilot)
        pilot.app.clock.moment += timedelta(minutes=2)  # type: ignore[attr-defined]
        screen.refresh_timer()
        await pilot.press("f")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(iv_snap_app(), run_before=run_before, terminal_size=size)


@SIZES
def test_review_with_findings(snap_compare, iv_snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        screen = await question_round(pilot)
        screen.meeting.add_question("Had Kees Mulder van de Kerkstraat 14 al gebeld?")
        screen.meeting.add_lesson("Eerst vragen wat iemand nodig heeft")
        screen.meeting.add_step("Mevrouw Jansen terugbellen")
        screen.meeting.set_rating(4)
        screen._finish()
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(iv_snap_app(), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("projector", [False, True], ids=["conductor", "projector"])
def test_conductor_without_colour(snap_compare, iv_snap_app, monkeypatch, projector):
    """Under NO_COLOR the warning and the overrun must still read: they are written out."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = iv_snap_app()
    assert app.no_color

    async def run_before(pilot: Pilot[int]) -> None:
        screen = await question_round(pilot)
        if projector:
            pilot.app.clock.moment += timedelta(minutes=2)  # type: ignore[attr-defined]
            screen.refresh_timer()
            await pilot.press("f")
            await pilot.pause()
            pilot.app.clear_notifications()
            await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=NARROW)
