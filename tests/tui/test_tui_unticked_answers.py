"""Unticking a practice sets its answers aside; nothing is lost without asking.

The reproduction from the fresh-eyes test: an answer under 'Situatie in kaart',
back to Praktijken, Space. The answer was dropped from the draft (only the
session remembered it), so after Ctrl+Q and reopening it was gone for good.
"""

from __future__ import annotations

from textual.widgets import SelectionList, Static, TextArea
from tui_helpers import WIDE, next_step, previous_step, session, type_text, visible_text

from reflect_tui.tui.dialogs.confirm import ConfirmDialog
from reflect_tui.tui.screens.home import HomeScreen


async def _answer_then_untick(pilot, app) -> str:
    await pilot.press("n")
    await pilot.pause()
    s = session(app)
    await type_text(pilot, "Uitvinktest klacht")
    await next_step(pilot)
    choices = s.query_one("#practices", SelectionList)
    choices.deselect_all()
    choices.select("situatie")
    await pilot.pause()
    await next_step(pilot)
    s.query_one("#answer", TextArea).insert("Ik luisterde naar de klager")
    await pilot.pause()
    await previous_step(pilot)
    s.query_one("#practices", SelectionList).deselect("situatie")
    await pilot.pause()
    return s.flow.reflection.id


async def test_unticked_answers_are_kept_and_come_back_after_reopening(make_app, read_journal):
    first = make_app()
    async with first.run_test(size=WIDE) as pilot:
        rid = await _answer_then_untick(pilot, first)
        aside = session(first).query_one("#practices-aside", Static)
        assert aside.display
        assert "'De situatie in kaart brengen'" in visible_text(aside)
        await pilot.press("ctrl+q")
        await pilot.pause()
    stored = read_journal().get(rid)
    assert stored.practices == []
    assert [a.text for a in stored.answers] == ["Ik luisterde naar de klager"]

    second = make_app()
    async with second.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        s = session(second)
        s.flow.go_to("practices")
        await s.show_step()
        await pilot.pause()
        assert s.query_one("#practices-aside", Static).display
        s.query_one("#practices", SelectionList).select("situatie")
        await pilot.pause()
        assert not s.query_one("#practices-aside", Static).display
        await next_step(pilot)
        assert s.flow.current.key == "lsd:situatie:luisteren"
        assert s.query_one("#answer", TextArea).text == "Ik luisterde naar de klager"


async def test_finishing_asks_before_answers_set_aside_are_dropped(make_app, read_journal):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        rid = await _answer_then_untick(pilot, app)
        s = session(app)
        await s.action_finish()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # "no" has the focus: a stray Enter keeps the text
        await pilot.pause()
        assert app.screen is s
        assert s.flow.reflection.status == "draft"
        assert s.flow.set_aside_practices() == ["situatie"]
        await s.action_finish()
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        if isinstance(app.screen, ConfirmDialog):  # then: "nearly empty, finish anyway?"
            await pilot.click("#yes")
            await pilot.pause()
        assert app.saver.flush(timeout=2)
    stored = read_journal().get(rid)
    assert stored.status == "complete"
    assert stored.answers == []
