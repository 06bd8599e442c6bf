"""The intervision set-up: "Begin" after the role fields, always on screen (issues 16, 11).

Issue 16: the tester counted about 13 Tab presses from the method list to the
start button, which sat under every role field and below the fold at 80x24.
It then moved right under the method list, and a later tester filled in the
roles, pressed Tab after the last one and Enter: nothing happened. Tab had
landed on the scrolling form itself (focusable, showing no focus), and the
button sat above the fields. Now the button sits under the form, outside its
scrolling: after the fields in focus order and on screen at every size.
"""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input

from reflect_tui.core.intervision.labels import ROLE_LABELS
from reflect_tui.tui.screens.intervision import ConductorScreen
from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tab_after_the_last_role_reaches_begin_and_enter_starts(make_app, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, IntervisionSetupScreen)
        assert app.focused is setup.query_one("#iv-methods")
        begin = setup.query_one("#iv-start", Button)
        assert setup.region.contains_region(begin.region)  # visible without scrolling
        last_role = setup.query_one(f"#iv-role-{list(ROLE_LABELS)[-1]}", Input)
        last_role.focus()
        await pilot.pause()
        await pilot.press(*"Noor, Sem")
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is begin
        # Below the fields on screen too, and still visible with the form scrolled down.
        assert begin.region.y > last_role.region.y
        assert setup.region.contains_region(begin.region)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConductorScreen)
        assert screen.meeting.roles.waarnemers == ["Noor", "Sem"]


async def test_shift_tab_from_the_methods_reaches_begin_in_one_step(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#iv-start", Button)
