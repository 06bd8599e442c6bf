"""Snapshots of the looking-back screens (journal, insights) at 80x24 and 120x40,
and both once under NO_COLOR, where bars, sparklines and the calendar must
still carry their meaning in their shapes."""

from __future__ import annotations

import pytest
from test_snapshots import SIZES, THEME, check, seed, settle
from textual.pilot import Pilot
from textual.widgets import OptionList, Select, Static
from tui_helpers import NARROW, WIDE

from reflect_tui.tui.screens.insights import InsightsScreen
from reflect_tui.tui.screens.journal import JournalScreen


@pytest.fixture
def lookback_app(make_app, fixed_ids):
    """The snapshot app (theme, clock and ids pinned) on the snapshot journal."""

    def factory():
        app = make_app(theme=THEME, cursor_blink=False)
        seed(app.store)
        return app

    return factory


async def _journal(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await pilot.press("j")
    await settle(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, JournalScreen)


async def _insights(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await pilot.press("i")
    await settle(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, InsightsScreen)


@SIZES
def test_journal_screen(snap_compare, lookback_app, size):
    check(snap_compare, lookback_app(), size, _journal)


@SIZES
def test_journal_screen_searched_and_filtered(snap_compare, lookback_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await _journal(pilot)
        await pilot.press(*"collega")
        await pilot.press("tab", "f")
        pilot.app.screen.query_one("#filter-barrier", Select).value = "collegas"
        await settle(pilot)
        await settle(pilot)

    check(snap_compare, lookback_app(), size, run_before)


@SIZES
def test_insights_screen(snap_compare, lookback_app, size):
    check(snap_compare, lookback_app(), size, _insights)


@pytest.mark.parametrize("screen", ["journal", "insights"])
def test_lookback_screens_without_colour(snap_compare, lookback_app, monkeypatch, screen):
    monkeypatch.setenv("NO_COLOR", "1")
    app = lookback_app()
    assert app.no_color
    check(snap_compare, app, WIDE, _journal if screen == "journal" else _insights)


async def _insights_calendar(pilot: Pilot[int]) -> None:
    """The insights screen scrolled to its calendar ("Wanneer je reflecteerde"),
    the calendar's rows focused so the highlight shows: at 120x40 the skipped LSD
    steps and the next steps below it are in the same shot."""
    await _insights(pilot)
    screen = pilot.app.screen
    title = screen.query_one("#calendar-title", Static)
    assert "Wanneer je reflecteerde" in str(title.render())
    screen.query_one("#insights-calendar", OptionList).focus(scroll_visible=False)
    screen.query_one("#insights-body").scroll_to_widget(
        title, animate=False, top=True, immediate=True
    )
    await settle(pilot)


async def _insights_end(pilot: Pilot[int]) -> None:
    """Scrolled to the end: the skipped LSD steps and the next steps (below the
    calendar at 80x24)."""
    await _insights(pilot)
    pilot.app.screen.query_one("#insights-body").scroll_end(animate=False, immediate=True)
    await settle(pilot)


@SIZES
def test_insights_screen_at_the_calendar(snap_compare, lookback_app, size):
    check(snap_compare, lookback_app(), size, _insights_calendar)


def test_insights_screen_at_skipped_and_next_steps(snap_compare, lookback_app):
    check(snap_compare, lookback_app(), NARROW, _insights_end)


def test_insights_calendar_without_colour(snap_compare, lookback_app, monkeypatch):
    """Under NO_COLOR the calendar's counts are told by each cell's shape
    (· ░ ▒ ▓ █) and the highlighted week by bold text, not by colour; the
    skipped steps and next steps are in the same shot."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = lookback_app()
    assert app.no_color
    check(snap_compare, app, WIDE, _insights_calendar)
