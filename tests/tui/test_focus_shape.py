"""Focus shows as a shape, not only a colour, so it reads under NO_COLOR (issue 16).

Tester: in the intervision set-up under NO_COLOR=1 every field had the same
border, so the focused one could not be told apart.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input, Select

from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen


def frame(widget: Widget) -> tuple[str, str, str, str]:
    """The border types (shapes) on the four sides, without their colours."""
    styles = widget.styles
    sides = (styles.border_top, styles.border_right, styles.border_bottom, styles.border_left)
    return tuple(side[0] for side in sides)  # type: ignore[return-value]


async def test_the_focused_set_up_field_has_another_frame_shape(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, IntervisionSetupScreen)
        case, first_role = list(setup.query(Input))[:2]
        case.focus()
        await pilot.pause()
        assert frame(case) != frame(first_role)
        select = setup.query_one(Select)
        current = select.query_one("SelectCurrent")
        unfocused = frame(current)
        select.focus()
        await pilot.pause()
        assert frame(current) != unfocused
