"""A notice that only makes sense on one screen goes when that screen is left
(``tui/screen_notices.py``). Tester: the wizard's "Eerder vergelijkbaar"
covered the home screen after Esc; "Vervolgstap afgevinkt. Druk op u ..."
covered the insights header, where ``u`` does nothing."""

from __future__ import annotations

from journal_fixtures.lookback import rid
from tui_helpers import WIDE, notices, past_intake, settle

from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.date_input import DateDialog
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.screens.insights import InsightsScreen
from reflect_tui.tui.screens.steps import NextStepsScreen


async def test_the_undo_notice_of_a_ticked_step_stays_on_the_home_screen(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.screen.query_one("#steps").focus()
        await pilot.pause()
        await pilot.press("d")
        await settle(pilot)
        assert strings.HOME_STEP_DONE_UNDO in notices(app)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        assert strings.HOME_STEP_DONE_UNDO not in notices(app)


async def test_a_dialog_over_the_screen_keeps_its_notice_leaving_drops_it(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, NextStepsScreen)
        await pilot.press("d")
        await settle(pilot)
        assert strings.STEPS_DONE in notices(app)
        await pilot.press("t")  # a dialog over the overview: "u" still applies below
        await settle(pilot)
        assert isinstance(app.screen, DateDialog)
        assert strings.STEPS_DONE in notices(app)
        await pilot.press("escape")
        await settle(pilot)
        assert strings.STEPS_DONE in notices(app)
        await pilot.press("escape")  # back home: the overview's undo is gone with it
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert strings.STEPS_DONE not in notices(app)


async def test_the_similar_cases_notice_goes_with_the_session(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await past_intake(
            pilot,
            title="Bomen in de straat",
            what_happened="De wethouder wil nieuwe bomen; politiek ligt het gevoelig.",
            case_kind="project",
            barriers=("politiek",),
        )
        await settle(pilot)
        assert rid(6) in app.similar_ids
        assert any(n.startswith("Je schreef eerder") for n in notices(app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not any(n.startswith("Je schreef eerder") for n in notices(app))
