"""The insights screen, driven by keys: the calendar's windows (w/m/k/j) and every
kind of number opened to exactly the reflections behind it.

The TUI clock says 2026-11-02; the looking-back journal's reflections fall between
2025-06-02 and 2026-02-27, so only the year window (53 weeks from 2025-11-03) shows
them in the calendar."""

from __future__ import annotations

from textual.widgets import OptionList, Static
from tui_helpers import WIDE, settle

from reflect_tui.tui import strings
from reflect_tui.tui.screens.insights import InsightsScreen
from reflect_tui.tui.screens.journal import JournalScreen


async def open_insights(pilot) -> InsightsScreen:
    await pilot.pause()
    await pilot.press("i")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InsightsScreen) and screen.result is not None
    return screen


def shown(journal: JournalScreen) -> list[int]:
    return [int(s.id[:8], 16) for s in journal.rows]


async def open_row(pilot, insights: InsightsScreen, list_id: str, option_id: str) -> list[int]:
    """Highlight one row by its drill, press Enter as a user would, return what
    the journal lists, and come back with Escape."""
    options = insights.query_one(f"#{list_id}", OptionList)
    options.focus()
    options.highlighted = options.get_option_index(option_id)
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    journal = pilot.app.screen
    assert isinstance(journal, JournalScreen), option_id
    ids = shown(journal)
    assert journal.total == len(ids)
    await pilot.press("escape")
    await settle(pilot)
    assert pilot.app.screen is insights
    return ids


def week_rows(insights: InsightsScreen) -> list[str]:
    calendar = insights.query_one("#insights-calendar", OptionList)
    return [o.id for o in calendar._options if o.id]


async def test_window_keys_redraw_the_calendar_and_a_week_opens_its_reflections(
    seeded, make_app
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        insights = await open_insights(pilot)
        title = insights.query_one("#calendar-title", Static)
        assert len(week_rows(insights)) == 13  # a quarter by default
        for key, window, weeks in (
            ("w", "week", 1),
            ("m", "month", 5),
            ("j", "year", 53),
            ("k", "quarter", 13),
            ("j", "year", 53),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert insights.window == window and app.screen is insights, key
            assert len(week_rows(insights)) == weeks, key
            assert strings.INSIGHTS_WINDOWS[window] in str(title.render()), key
        rows = week_rows(insights)
        assert rows[0] == "days|2025-11-03..2025-11-09" and rows[-1].endswith("2026-11-08")
        # The week of 16 February holds Straatfeest (7) only; that of 23 February
        # a draft only (8), which the insights leave out.
        assert await open_row(
            pilot, insights, "insights-calendar", "days|2026-02-16..2026-02-22"
        ) == [7]
        assert (
            await open_row(pilot, insights, "insights-calendar", "days|2026-02-23..2026-03-01")
            == []
        )
        assert await open_row(
            pilot, insights, "insights-calendar", "days|2025-12-08..2025-12-14"
        ) == [4]
        # Each row's total is what it opens.
        calendar = insights.query_one("#insights-calendar", OptionList)
        for option_id in rows:
            option = calendar.get_option(option_id)
            total = int(str(getattr(option.prompt, "plain", option.prompt)).split()[-1])
            if total:
                ids = await open_row(pilot, insights, "insights-calendar", option_id)
                assert len(ids) == total, option_id


ROWS = [
    # list, drill, reflections (finished only: 3 and 8 are drafts)
    ("insights-barriers", "barriers|politiek", [6, 4, 1]),
    ("insights-barriers", "barriers|collegas", [4]),
    ("insights-helps", "helps|collegas", [2]),
    ("insights-helps", "helps|tools", [7]),
    ("insights-kinds", "case_kinds|klacht", [5, 1]),
    ("insights-kinds", "case_kinds|initiatief", [7, 2]),
    ("insights-skips", "skipped|situatie/doorvragen", [6, 4, 1]),
    # next steps are due 30 days after the case, done when n is even; today 2026-11-02;
    # they count in drafts too (3 and 8), as on the home screen
    ("insights-steps", "steps|done", [8, 6, 4, 2]),
    ("insights-steps", "steps|overdue", [7, 5, 3, 1]),
    ("insights-steps", "steps|open", []),
    ("insights-steps", "steps|undated", []),
]


async def test_every_kind_of_number_opens_exactly_its_reflections(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        insights = await open_insights(pilot)
        for list_id, option_id, expected in ROWS:
            assert await open_row(pilot, insights, list_id, option_id) == expected, option_id
        # The number on the row is the number opened.
        steps = insights.result.next_steps
        assert (steps.done, steps.overdue, steps.open, steps.undated) == (4, 4, 0, 0)
        kinds = {c.key: c.count for c in insights.result.case_kinds}
        assert kinds["klacht"] == 2 and kinds["initiatief"] == 2


async def test_window_keys_on_an_empty_journal_leave_the_screen_as_it_is(make_app) -> None:
    """An empty journal's insights are one line, no calendar: w/m/k/j looked the
    calendar up anyway, and the app ended with a crash report."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        insights = await open_insights(pilot)
        assert insights.query("#insights-empty") and not insights.query("#calendar-title")
        await pilot.press("w", "m", "k", "j")
        await pilot.pause()
        assert app.screen is insights and insights.query("#insights-empty")
    assert app.return_code in (None, 0)
