"""The export choice dialog shows each button's whole label at 80 columns."""

from __future__ import annotations

from textual.widgets import Button
from tui_helpers import NARROW

from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.confirm import ChoiceDialog


async def test_export_choices_fit_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        app.push_screen(
            ChoiceDialog(
                by_count(strings.EXPORT_CHOOSE_TITLE, 3),
                [("md", strings.EXPORT_CHOOSE_MD), ("json", strings.EXPORT_CHOOSE_JSON)],
                strings.EXPORT_CHOOSE_CANCEL,
            )
        )
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        for button in app.screen.query(Button):
            label = str(button.label)
            assert button.content_region.width >= len(label), label
            assert dialog.content_region.contains_region(button.region), label
