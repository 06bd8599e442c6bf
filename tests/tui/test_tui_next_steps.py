"""The next-steps overview: tick off with undo, reopen, move the due date."""

from __future__ import annotations

from datetime import date

from journal_fixtures.lookback import rid
from textual.widgets import Input, Static
from tui_helpers import WIDE, notices, past_intake, type_text

from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.date_input import DateDialog
from reflect_tui.tui.screens.steps import NextStepsScreen


async def open_steps(pilot) -> NextStepsScreen:
    await pilot.pause()
    await pilot.press("v")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NextStepsScreen)
    return screen


def _done(read_journal, n: int) -> bool:
    return read_journal().get(rid(n)).next_steps[0].done


async def test_tick_off_then_undo(seeded, make_app, read_journal) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_steps(pilot)
        first = screen.steps[0]
        assert not first.done  # open steps come first
        await pilot.press("d")
        await pilot.pause()
        assert read_journal().get(first.reflection_id).next_steps[first.position].done
        assert any("ongedaan" in n for n in notices(app))
        await pilot.press("u")
        await pilot.pause()
        assert not read_journal().get(first.reflection_id).next_steps[first.position].done
        await pilot.press("u")  # nothing left to undo: says so, changes nothing
        await pilot.pause()
        assert not read_journal().get(first.reflection_id).next_steps[first.position].done


async def test_reopen_a_done_step(seeded, make_app, read_journal) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_steps(pilot)
        done_at = next(i for i, s in enumerate(screen.steps) if s.done)
        step = screen.steps[done_at]
        screen.query_one("#steps-list").highlighted = done_at
        await pilot.press("d")
        await pilot.pause()
        assert not read_journal().get(step.reflection_id).next_steps[step.position].done


async def test_change_the_due_date_and_undo(seeded, make_app, read_journal) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_steps(pilot)
        step = screen.steps[0]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DateDialog)
        field = app.screen.query_one(Input)
        field.value = ""
        await type_text(pilot, "15-12-2026")
        await pilot.press("enter")
        await pilot.pause()
        stored = read_journal().get(step.reflection_id).next_steps[step.position]
        assert stored.due == date(2026, 12, 15)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(Input).value = ""
        await type_text(pilot, "morgenmiddag")  # not a date: nothing changes
        await pilot.press("enter")
        await pilot.pause()
        # Tester: the dialog closed and the input was lost, leaving a toast. It
        # stays open with the reason and examples on the field until fixed or Esc.
        dialog = app.screen
        assert isinstance(dialog, DateDialog)
        assert dialog.query_one(Input).value == "morgenmiddag"
        problem = str(dialog.query_one("#date-problem", Static).render())
        assert "morgenmiddag" in problem and strings.DATE_EXAMPLES in problem
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NextStepsScreen)
        assert read_journal().get(step.reflection_id).next_steps[step.position].due == date(
            2026, 12, 15
        )
        await pilot.press("u")
        await pilot.pause()
        stored = read_journal().get(step.reflection_id).next_steps[step.position]
        assert stored.due == step.due


async def test_after_the_intake_earlier_similar_cases_are_offered(seeded, make_app) -> None:

    from reflect_tui.tui.screens.journal import JournalScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await past_intake(
            pilot,
            title="Bomen in de straat",
            what_happened="De wethouder wil nieuwe bomen; politiek ligt het gevoelig.",
            case_kind="project",
            barriers=("politiek",),
        )
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        shown = notices(app)
        assert any("Project groene straat" in n and "politiek" in n.lower() for n in shown), shown
        assert rid(6) in app.similar_ids
        app.action_similar()
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert {s.id for s in journal.rows} == set(app.similar_ids)


async def test_similar_cases_by_practices_once_they_are_chosen(seeded, make_app) -> None:
    """An intake with nothing in common offers nothing; choosing the practices that an
    earlier case of the same kind had offers it then, saying it shares the practices."""
    from tui_helpers import next_step, session

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await past_intake(
            pilot, title="Zwembad", what_happened="Chloorlucht.", case_kind="bijeenkomst"
        )  # to the practices: the intake alone shares too little
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.similar_ids == ()
        session(app).flow.set_practices(["situatie", "relaties"])
        await next_step(pilot)  # to the first LSD step: practices chosen
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.similar_ids[:1] == (rid(4),)
        shown = notices(app)
        assert any("Bewonersavond Lindelaan" in n for n in shown), shown


async def test_due_date_dialog_says_what_to_type_and_how_to_leave(seeded, make_app) -> None:
    """Tester: "Nieuwe datum voor: ..." opened holding the current date, so the
    placeholder with the accepted forms never showed, and nothing named Esc."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps(pilot)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DateDialog)
        assert dialog.query_one(Input).value  # the current date hides the placeholder
        hint = str(dialog.query_one("#date-hint", Static).render())
        assert "15-12-2026" in hint and strings.DATE_EXAMPLES in hint
        assert "Esc" in hint and "Leeg = geen datum" in hint
        assert dialog.query_one("#date-hint").region.height > 0  # on screen at 80x24
