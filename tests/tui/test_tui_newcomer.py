"""The guided session as a newcomer meets it (issue 16): dates as people type
them, a date that cannot be read blocking the step, undo for a ticked next
step, a question before finishing a nearly empty reflection, the palette in
Dutch, a predictable focus on the home screen, ⌥→ as macOS Terminal sends it.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static
from tui_helpers import CLOCK, WIDE, next_step, session, visible_text, wait_until

from reflect_tui.core.journal.model import NextStep, Reflection
from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.confirm import ConfirmDialog
from reflect_tui.tui.screens.home import HomeScreen

# CLOCK's today is Monday 2 November 2026.
DUE_FORMS = [
    ("vandaag", date(2026, 11, 2)),
    ("morgen", date(2026, 11, 3)),
    ("vrijdag", date(2026, 11, 6)),
    ("volgende week dinsdag", date(2026, 11, 10)),
    ("over 2 weken", date(2026, 11, 16)),
    ("15 dec", date(2026, 12, 15)),
    ("15-12", date(2026, 12, 15)),
    ("15-12-2026", date(2026, 12, 15)),
    ("2026-12-15", date(2026, 12, 15)),
]


async def _closing(pilot, app):
    await pilot.press("n")
    await pilot.pause()
    s = session(app)
    s.flow.set_intake(title="Bewonersavond", what_happened="Boze buren")
    s.flow.go_to("closing")
    await s.show_step()
    await pilot.pause()
    return s


async def test_due_dates_in_every_form_people_type(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        s = await _closing(pilot, app)
        s.query_one("#step-0", Input).value = "Wijkraad bellen"
        await pilot.pause()
        due = s.query_one("#due-0", Input)
        note = s.query_one("#due-note-0", Static)
        for text, expected in DUE_FORMS:
            due.value = text
            await pilot.pause()
            assert s.flow.reflection.next_steps[0].due == expected, text
            assert "geen datum" not in visible_text(note), text
            assert s.view is not None and s.view.blocking_field() is None
        # A word is confirmed on its row with the weekday it was read as.
        due.value = "vrijdag"
        await pilot.pause()
        assert "vrijdag 6-11-2026" in visible_text(note)


async def test_an_unreadable_date_is_flagged_on_its_row_and_blocks_the_step(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        s = await _closing(pilot, app)
        s.query_one("#step-0", Input).value = "Wijkraad bellen"
        s.query_one("#step-1", Input).value = "Verslag sturen"
        await pilot.pause()
        s.query_one("#due-0", Input).value = "vrijdag"
        bad = s.query_one("#due-1", Input)
        bad.value = "vrijdagg"
        await pilot.pause()
        row_note = visible_text(s.query_one("#due-note-1", Static))
        assert "Stap 2" in row_note and "vrijdagg" in row_note and "geen datum" in row_note
        assert bad.has_class("-invalid")
        assert "geen datum" not in visible_text(s.query_one("#due-note-0", Static))
        # Neither alt+→, alt+←, the Verder button nor Esc leaves the step.
        await next_step(pilot)
        assert s.flow.current.key == "closing"
        await pilot.press("alt+left")
        await pilot.pause()
        assert s.flow.current.key == "closing"
        await pilot.click("#nav-next")
        await pilot.pause()
        assert s.flow.current.key == "closing"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is s and s.flow.current.key == "closing"
        assert app.focused is bad
        # The typo was never saved; the first row's date was.
        assert [n.due for n in s.flow.reflection.next_steps] == [date(2026, 11, 6), None]
        # Fixed: the step can be left, and the date is kept.
        bad.value = "15 dec"
        await pilot.pause()
        assert not bad.has_class("-invalid")
        await next_step(pilot)
        assert s.flow.current.key == "summary"
        assert s.flow.reflection.next_steps[1].due == date(2026, 12, 15)


async def test_clearing_an_unreadable_date_also_unblocks(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        s = await _closing(pilot, app)
        s.query_one("#step-0", Input).value = "Wijkraad bellen"
        due = s.query_one("#due-0", Input)
        due.value = "ergens"
        await pilot.pause()
        await next_step(pilot)
        assert s.flow.current.key == "closing"
        due.value = ""
        await pilot.pause()
        await next_step(pilot)
        assert s.flow.current.key == "summary"


async def test_an_unreadable_case_date_blocks_the_intake(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        field = s.query_one("#date", Input)
        field.value = "gisteravond laat"
        await pilot.pause()
        await next_step(pilot)
        assert s.flow.current.key == "intake"
        field.value = "gisteren"
        await pilot.pause()
        assert s.flow.reflection.occurred_on == date(2026, 11, 1)
        await next_step(pilot)
        assert s.flow.current.key == "practices"


def _journal_with_a_step() -> Reflection:
    now = CLOCK.now()
    return Reflection(
        id="00000001-feed-4000-8000-000000000001",
        title="Klacht afvalbakken",
        occurred_on=date(2026, 10, 20),
        created_at=now,
        updated_at=now,
        status="complete",
        next_steps=[NextStep("Mevrouw De Vries terugbellen", date(2026, 11, 10))],
    )


async def test_marking_a_step_done_can_be_undone(make_app, read_journal):
    app = make_app()
    reflection = _journal_with_a_step()
    app.store.add(reflection)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.check_action("undo_done", ()) is False  # nothing to undo yet
        home.query_one("#steps", OptionList).focus()
        await pilot.press("d")
        await pilot.pause()
        assert read_journal().get(reflection.id).next_steps[0].done is True
        assert strings.HOME_STEP_DONE_UNDO in [n.message for n in app._notifications]
        await pilot.press("u")
        await pilot.pause()
        assert read_journal().get(reflection.id).next_steps[0].done is False
        assert home.query("#steps"), "the step is listed again"
        assert home.check_action("undo_done", ()) is False


async def test_finishing_a_nearly_empty_reflection_asks_first(make_app, read_journal):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_intake(title="Alleen een titel")
        s.flow.go_to("summary")
        await s.show_step()
        await pilot.pause()
        rid = s.flow.reflection.id
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focus is on "Nee": the safe answer
        await pilot.pause()
        assert app.screen is s
        assert s.flow.reflection.status == "draft"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert read_journal().get(rid).status == "complete"


async def test_a_reflection_with_content_finishes_without_a_question(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_intake(title="Bewonersavond", what_happened="Boze buren over de speeltuin")
        s.flow.set_closing(insight="Eerst luisteren")
        s.flow.go_to("summary")
        await s.show_step()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_no_practice_chosen_is_said_on_the_next_step(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.go_to("practices")
        await s.show_step()
        await pilot.pause()
        s.flow.set_practices([])
        await next_step(pilot)
        assert s.flow.current.key == "principles"
        assert strings.NO_PRACTICES_NOTE in visible_text(s.query_one("#no-practices", Static))


async def test_tab_on_home_before_any_focus_never_lands_on_new(make_app):
    """Tab then Enter must not start a new reflection (issue 16)."""
    app = make_app()
    app.store.add(_journal_with_a_step())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        home = app.screen
        home.set_focus(None)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id != "new"
        # And the scrolling body is not a hidden stop in the Tab order.
        seen = []
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(app.focused.id if app.focused else None)
        assert "home-body" not in seen and None not in seen


async def test_the_palette_speaks_dutch_and_offers_the_apps_actions(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (strings.CMD_NEW, strings.CMD_STEPS, strings.CMD_HELP, strings.CMD_THEME):
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        for key in "qqqzzz":
            await pilot.press(key)
        command_list = app.screen.query_one("CommandList", OptionList)

        def shown() -> str:  # the "no matches" line is centred: Align around its Text
            return " ".join(
                str(getattr(o.prompt, "renderable", o.prompt)) for o in command_list.options
            )

        # The line comes after a short countdown: wait for it, in Dutch.
        await wait_until(pilot, lambda: strings.PALETTE_NO_MATCHES in shown())
        assert strings.PALETTE_NO_MATCHES in shown()
        assert "No matches" not in shown()
        await pilot.press("escape")
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        assert app.screen.query_one("CommandInput").placeholder == strings.PALETTE_THEMES


def test_macos_option_arrows_arrive_as_alt_arrows():
    """macOS Terminal sends ⌥→/⌥← as ESC f / ESC b; Textual read them as
    ctrl+→/ctrl+← (word moves), so the step keys did nothing there."""
    from textual._xterm_parser import XTermParser

    from reflect_tui.tui.keys import read_option_arrows_as_alt

    read_option_arrows_as_alt()
    for sequence, key in [
        ("\x1bf", "alt+right"),
        ("\x1bb", "alt+left"),
        ("\x1b[1;3C", "alt+right"),
        ("\x1b[1;3D", "alt+left"),
        ("\x1b[1;5C", "ctrl+right"),  # a real ctrl+→ stays a word move
    ]:
        parser = XTermParser()
        keys = [getattr(event, "key", None) for event in parser.feed(sequence)]
        assert keys == [key], sequence


@pytest.mark.parametrize("action", ["previous_step", "next_step"])
async def test_the_footer_hides_step_keys_that_do_nothing(make_app, action):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        target = "intake" if action == "previous_step" else "summary"
        s.flow.go_to(target)
        await s.show_step()
        await pilot.pause()
        assert s.check_action(action, ()) is False
        button = "#nav-back" if action == "previous_step" else "#nav-next"
        assert not s.query_one(button).display
