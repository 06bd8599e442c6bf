"""The whole guided reflection, driven by keys, checked in the journal afterwards."""

from __future__ import annotations

import stat

import pytest
from textual.screen import Screen
from textual.widgets import Input, Select, SelectionList, Static, TextArea
from tui_helpers import (
    NARROW,
    WIDE,
    drain,
    enter_text,
    focused_is_on_screen,
    next_step,
    previous_step,
    session,
    type_text,
    visible_text,
    wait_until,
)

from reflect_tui.tui import strings
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.widgets.rating import RatingInput
from reflect_tui.tui.widgets.tip_card import TipRow

TITLE = "Bewonersavond [bold]speeltuin[/] 🎉"


def shown_prompt(screen: Screen[None]) -> str:
    """The LSD prompt on screen: after the step's explanation and a blank
    line, before the "F5: andere vraag" line."""
    block, _, hint = visible_text(screen.query_one("#prompt", Static)).rpartition("\n")
    assert hint == strings.LSD_OTHER
    explanation, _, prompt = block.rpartition("\n\n")
    assert explanation  # what this LSD step means comes first
    return prompt


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
async def test_full_reflection_from_home_to_finished(
    make_app, read_journal, content, data_dir, size
):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        assert app.focused is s.query_one("#title", Input)

        # (a) intake
        await type_text(pilot, "Bewonersavond ")
        app.focused.insert_text_at_cursor("[bold]speeltuin[/] 🎉")
        s.query_one("#kind", Select).value = "bijeenkomst"
        what = s.query_one("#what", TextArea)
        what.focus()
        await enter_text(pilot, "Boze buren over de speeltuin")
        await pilot.pause()
        assert s.flow.reflection.title == TITLE

        # (b) practices: the coach pre-selects, the user changes it
        await next_step(pilot)
        assert s.flow.current.key == "practices"
        choices = s.query_one("#practices", SelectionList)
        choices.deselect_all()
        choices.select("situatie")
        await pilot.pause()
        assert s.flow.reflection.practices == ["situatie"]
        assert s.flow.total == 9

        # (c) LSD: answer, another prompt, skip, answer
        await next_step(pilot)
        assert s.flow.current.key == "lsd:situatie:luisteren"
        first_prompt = shown_prompt(s)
        await type_text(pilot, "Ik hoorde zorgen")
        await pilot.press("f5")
        await pilot.pause()
        second_prompt = shown_prompt(s)
        assert second_prompt != first_prompt
        await next_step(pilot)  # samenvatten: skipped
        await next_step(pilot)
        await enter_text(pilot, "Wat bedoelden ze precies?")

        # (d) principles
        await next_step(pilot)
        assert isinstance(app.focused, RatingInput)
        await pilot.press("4", "tab")
        await type_text(pilot, "ik luisterde")
        await pilot.press("tab", "right")  # resultaatgericht: no rating yet -> 3

        # (e) organisation
        await next_step(pilot)
        await pilot.press("space")  # first barrier: collegas
        await pilot.press("tab")
        await enter_text(pilot, "afdeling reageerde traag")

        # (f) closing
        await next_step(pilot)
        await enter_text(pilot, "Eerder luisteren")
        await pilot.press("tab")
        await enter_text(pilot, "Bel de wijkraad")
        await pilot.press("tab")
        await type_text(pilot, "9-11-2026")
        await pilot.pause()

        # (g) summary: tips with reasons, export, finish
        await next_step(pilot)
        assert s.flow.current.key == "summary"
        cards = s.query(TipRow)
        assert len(cards) >= 1
        await pilot.press("e")
        await pilot.pause()
        exports = list((data_dir / "exports").glob("*.md"))
        assert len(exports) == 1
        assert stat.S_IMODE(exports[0].stat().st_mode) == 0o600
        exported = exports[0].read_text(encoding="utf-8")
        assert "Bel de wijkraad" in exported
        # Short id shown, full id kept (hidden) so `reflect delete` finds the copy.
        assert f"`{s.flow.reflection.id[:8]}`" in exported
        assert s.flow.reflection.id in exported
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        rid = s.flow.reflection.id

    r = read_journal().get(rid)
    assert r.status == "complete"
    assert r.title == TITLE
    assert r.case_kind == "bijeenkomst"
    assert r.what_happened == "Boze buren over de speeltuin"
    assert r.practices == ["situatie"]
    by_step = {a.step: a for a in r.answers}
    assert set(by_step) == {"luisteren", "doorvragen"}
    assert by_step["luisteren"].text == "Ik hoorde zorgen"
    assert by_step["luisteren"].prompt == second_prompt  # the prompt shown is stored
    assert by_step["doorvragen"].prompt
    ratings = {p.id: (p.rating, p.note) for p in r.principles}
    assert ratings["open"] == (4, "ik luisterde")
    assert ratings["resultaatgericht"] == (3, "")
    assert r.barriers == ["collegas"]
    assert r.barrier_note == "afdeling reageerde traag"
    assert r.insight == "Eerder luisteren"
    assert [(n.text, n.due.isoformat() if n.due else None) for n in r.next_steps] == [
        ("Bel de wijkraad", "2026-11-09")
    ]


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
async def test_every_step_shows_its_first_field(make_app, size):
    """Usable at 80x24: the field that gets focus is on screen on every step."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_practices(["situatie", "binnen-buiten"])
        seen = []
        while True:
            # The field is scrolled into view after the step's first refresh.
            await wait_until(pilot, lambda: focused_is_on_screen(app))
            assert focused_is_on_screen(app), (s.flow.current.key, app.focused)
            seen.append(s.flow.current.key)
            if not s.flow.can_forward:
                break
            await next_step(pilot)
        assert len(seen) == 12


async def test_back_and_forward_keep_answers(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        await type_text(pilot, "Klacht over afval")
        await next_step(pilot)
        choices = s.query_one("#practices", SelectionList)
        choices.deselect_all()
        choices.select("relaties")
        await pilot.pause()
        await next_step(pilot)
        await type_text(pilot, "Ze voelden zich niet gehoord")
        prompt_before = shown_prompt(s)
        await previous_step(pilot)
        await previous_step(pilot)
        assert s.query_one("#title", Input).value == "Klacht over afval"
        await next_step(pilot)
        assert list(s.query_one("#practices", SelectionList).selected) == ["relaties"]
        await next_step(pilot)
        assert s.query_one("#answer", TextArea).text == "Ze voelden zich niet gehoord"
        assert shown_prompt(s) == prompt_before
        for _ in range(3):
            await next_step(pilot)
        assert s.flow.current.key == "principles"
        await pilot.press("2")
        await previous_step(pilot)
        await next_step(pilot)
        assert s.query_one("#rating-open", RatingInput).value == 2


async def test_invalid_date_shows_a_message_and_keeps_the_old_date(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        date_input = s.query_one("#date", Input)
        assert date_input.value == "2-11-2026"  # today from the fixed clock
        date_input.value = "gisteravond"
        await pilot.pause()
        assert "geen datum" in visible_text(s.query_one("#date-note", Static))
        assert s.flow.reflection.occurred_on.isoformat() == "2026-11-02"
        date_input.value = "30-10-2026"
        await pilot.pause()
        assert visible_text(s.query_one("#date-note", Static)) == ""
        assert s.flow.reflection.occurred_on.isoformat() == "2026-10-30"


async def test_mouse_clicks_set_a_rating_and_tick_a_barrier(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.go_to("principles")
        await s.show_step()
        await pilot.pause()
        await pilot.click("#rating-verbindend", offset=(11, 0))  # third cell: 3
        await pilot.pause()
        assert s.query_one("#rating-verbindend", RatingInput).value == 3
        assert s.flow.rating("verbindend").rating == 3
        await pilot.click("#nav-next")  # the Verder button under the step
        await pilot.pause()
        assert s.flow.current.key == "organisation"
        await pilot.click("#barriers SelectionList", offset=(4, 1))
        await pilot.pause()
        assert s.flow.reflection.barriers == ["collegas"]


async def test_keys_typed_in_a_burst_reach_the_field_before_the_step_changes(make_app):
    """Pasting or fast typing followed at once by alt+right must not lose the tail."""
    from textual import events

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        text = "Snel getypt zonder pauze"
        for ch in text:
            app.post_message(events.Key(ch, ch))
        app.post_message(events.Key("alt+right", None))
        await drain(pilot)
        assert s.flow.current.key == "practices"
        assert s.flow.reflection.title == text


async def test_burst_into_an_answer_then_alt_right_keeps_every_character(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_practices(["relaties"])
        s.flow.go_to("lsd:relaties:luisteren")
        await s.show_step()
        await pilot.pause()
        text = "Ze wilden vooral gehoord worden"
        for ch in text:
            app.post_message(events.Key(ch, ch))
        app.post_message(events.Key("alt+right", None))
        await drain(pilot)
        assert s.flow.current.key == "lsd:relaties:samenvatten"
        assert s.flow.answer_text(s.flow.steps[2]) == text
