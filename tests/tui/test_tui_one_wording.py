"""One Dutch word for one thing on every screen, and no English from Textual (issue 16).

Tester: an open Select menu put "esc Dismiss menu" in the footer; home and
the next steps overview said "vóór 4-12-2026" where the session, read view
and export say "uiterlijk"; home said "(klaar)" where the rest says "afgerond".
"""

from __future__ import annotations

from textual.widgets import Select
from tui_helpers import WIDE

from reflect_tui.tui import strings
from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen


async def test_an_open_select_menu_offers_esc_in_dutch(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, IntervisionSetupScreen)
        app.screen.query_one(Select).focus()
        await pilot.press("enter")
        await pilot.pause()
        escape = app.screen.active_bindings["escape"].binding
        assert escape.description == strings.KEY_CLOSE_MENU
        assert "Dismiss" not in escape.description


def test_home_and_next_steps_use_the_words_of_the_session_and_export() -> None:
    """The same due-date word and status word as the read view, export and intervision."""
    from reflect_tui.core.intervision.labels import DUE
    from reflect_tui.core.journal.markdown import STATUS_NAMES

    due = "4-12-2026"
    assert strings.HOME_STEP_DUE.format(due=due) == DUE.format(date=due)
    assert STATUS_NAMES["complete"] == strings.STATUS_COMPLETE
