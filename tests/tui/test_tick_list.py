"""Ticked and unticked options differ in shape, so they read without colour too."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reflect_tui.tui.widgets.tick_list import TickList


class TickApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TickList[str](("Gekozen", "a", True), ("Niet gekozen", "b", False))


async def test_only_ticked_boxes_show_a_tick() -> None:
    app = TickApp()
    async with app.run_test(size=(40, 6)) as pilot:
        ticks = app.query_one(TickList)
        await pilot.pause()
        first, second = (ticks.render_line(y).text for y in (0, 1))
        assert first.startswith("▐X▌") and "Gekozen" in first
        assert second.startswith("▐ ▌") and "Niet gekozen" in second
        ticks.select("b")
        ticks.deselect("a")
        await pilot.pause()
        first, second = (ticks.render_line(y).text for y in (0, 1))
        assert first.startswith("▐ ▌")
        assert second.startswith("▐X▌")
