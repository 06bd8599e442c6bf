"""Snapshots of the looking-back screens (journal, insights) at 80x24 and 120x40,
and both once under NO_COLOR, where bars, sparklines and the calendar must
still carry their meaning in their shapes."""

from __future__ import annotations

import pytest
from test_snapshots import SIZES, THEME, check, seed, settle
from textual.pilot import Pilot
from textual.widgets import Select
from tui_helpers import WIDE

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
