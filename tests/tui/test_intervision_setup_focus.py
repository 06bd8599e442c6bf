"""The intervision set-up: "Begin" is one Tab from where focus starts (issue 16).

The tester counted about 13 Tab presses from the method list to the start
button, which sat under every role field and below the fold at 80x24.
"""

from __future__ import annotations

import pytest
from textual.widgets import Button

from reflect_tui.tui.screens.intervision import ConductorScreen
from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_begin_is_the_next_tab_stop_and_on_screen(make_app, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, IntervisionSetupScreen)
        assert app.focused is app.screen.query_one("#iv-methods")
        await pilot.press("tab")
        await pilot.pause()
        begin = app.screen.query_one("#iv-start", Button)
        assert app.focused is begin
        assert app.screen.region.contains_region(begin.region)  # visible without scrolling
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConductorScreen)
