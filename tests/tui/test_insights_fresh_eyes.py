"""The insights screen as a fresh-eyes tester met it: PageDown/End must reach
the sections below the fold, and what the arrows mean is said only when an
arrow can show. (The looking-back journal, TUI clock 2026-11-02: every
reflection is older than the last 90 days.)"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from tui_helpers import drain, settle, wait_until

from reflect_tui.tui import strings
from reflect_tui.tui.screens.insights import InsightsScreen


async def open_insights(pilot) -> InsightsScreen:
    await pilot.pause()
    await pilot.press("i")
    await settle(pilot)

    def shown() -> bool:
        screen = pilot.app.screen
        return (
            isinstance(screen, InsightsScreen)
            and screen.result is not None
            and bool(screen.query("#insights-body > *"))
        )

    await wait_until(pilot, shown)
    await drain(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InsightsScreen) and screen.result is not None
    return screen


def in_view(body: VerticalScroll, widget_id: str) -> bool:
    region = body.query_one(f"#{widget_id}").virtual_region
    return body.scroll_y <= region.y and region.bottom <= body.scroll_y + body.size.height


async def test_page_down_and_end_scroll_the_whole_screen(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        insights = await open_insights(pilot)
        body = insights.query_one("#insights-body", VerticalScroll)
        assert body.max_scroll_y > body.size.height  # more than two screens of sections
        assert not in_view(body, "insights-steps")
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: body.scroll_y == body.scrollable_content_region.height)
        await drain(pilot)
        # A page further, not a step within the first list; the focus follows.
        assert body.scroll_y == body.scrollable_content_region.height
        focused = app.focused
        assert isinstance(focused, OptionList) and focused.id != "insights-totals"
        assert focused.virtual_region.bottom > body.scroll_y
        await pilot.press("end")
        await wait_until(pilot, lambda: body.scroll_y == body.max_scroll_y)
        await drain(pilot)
        assert body.scroll_y == body.max_scroll_y
        assert in_view(body, "insights-steps")
        assert app.focused is insights.query_one("#insights-steps")
        await pilot.press("pageup")
        target = body.max_scroll_y - body.scrollable_content_region.height
        await wait_until(pilot, lambda: body.scroll_y == target)
        await drain(pilot)
        assert body.scroll_y == body.max_scroll_y - body.scrollable_content_region.height
        await pilot.press("home")
        await wait_until(pilot, lambda: body.scroll_y == 0)
        await drain(pilot)
        assert body.scroll_y == 0
        assert app.focused is insights.query_one("#insights-totals")
        intro = str(insights.query_one("#insights-intro", Static).render())
        assert "PageDown" in intro and "End" in intro  # the screen says how to move


async def test_arrows_are_explained_only_when_they_can_show(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        insights = await open_insights(pilot)
        assert insights.result is not None and insights.result.recent_total == 0
        intro = str(insights.query_one("#insights-intro", Static).render())
        assert "Pijlen" not in intro  # "0 in de laatste 90 dagen": no arrow can show
        assert intro.startswith("Enter opent")
        note = strings.INSIGHTS_ARROWS_NOTE.format(days=90)
        assert note.startswith("Pijlen")


async def test_a_next_step_count_opens_under_a_plain_title(seeded, make_app) -> None:
    """Tester: the journal opened from "Te laat: 4" was titled
    "Reflecties achter: Te laat: 4"."""
    from reflect_tui.tui.screens.journal import JournalScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        insights = await open_insights(pilot)
        for list_id, option_id, title in (
            (
                "insights-steps",
                "steps|overdue",
                "Reflecties met een vervolgstap die te laat is",
            ),
            ("insights-totals", "all|", "Al je afgeronde reflecties (6)"),
        ):
            options = insights.query_one(f"#{list_id}", OptionList)
            options.focus()
            options.highlighted = options.get_option_index(option_id)
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot)
            journal = app.screen
            assert isinstance(journal, JournalScreen)
            assert journal.sub_title == title
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is insights


async def test_an_organisations_own_barrier_is_labelled_as_its_own(
    journal_path, make_app, content
) -> None:
    """Tester: a layer barrier with rank 8 showed "essay: 8" (the essay has seven)."""
    from dataclasses import replace

    from journal_fixtures.helpers import open_store, sample_reflection

    from reflect_tui.core.content.model import Factor

    own = Factor("wijkstad-ict", "Trage ICT en systemen", "Systemen die niet praten.", 8)
    with_own = replace(content, barriers=(*content.barriers, own))
    with open_store(journal_path.parent) as store:
        store.add(sample_reflection(barriers=["wijkstad-ict", "politiek"]))
    app = make_app(content=with_own)
    async with app.run_test(size=(120, 40)) as pilot:
        insights = await open_insights(pilot)
        table = insights.query_one("#insights-barriers", OptionList)
        rows = [str(table.get_option_at_index(i).prompt) for i in range(table.option_count)]
        ict = next(row for row in rows if "Trage ICT" in row)
        assert strings.INSIGHTS_OWN_ITEM in ict and "essay" not in ict
        politiek = next(row for row in rows if "Politiek" in row)
        assert "essay: 3" in politiek
