"""Autosave while typing, and resuming a draft in a second app instance."""

from __future__ import annotations

from textual.widgets import Button, SelectionList, Static, TextArea
from tui_helpers import WIDE, drain, next_step, notices, session, type_text

from reflect_tui.tui.screens.home import HomeScreen


async def test_typing_is_saved_without_quitting_and_resumed_later(make_app, read_journal):
    first = make_app()
    async with first.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(first)
        await type_text(pilot, "Initiatief moestuin")
        await next_step(pilot)
        choices = s.query_one("#practices", SelectionList)
        choices.deselect_all()
        choices.select("praktisch")
        await pilot.pause()
        await next_step(pilot)
        answer = s.query_one("#answer", TextArea)
        answer.insert("Ze zoeken grond en gereedschap 🌱")
        rid = s.flow.reflection.id
        # No quit, no ctrl+s: the debounced writer alone must get it to disk.
        await pilot.pause(0.5)
        assert first.saver.flush(timeout=2)
        on_disk = read_journal().get(rid)
        assert on_disk.answer_for("praktisch", "luisteren").text == (
            "Ze zoeken grond en gereedschap 🌱"
        )
        await pilot.press("ctrl+q")

    second = make_app()
    async with second.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, HomeScreen)
        assert second.screen.query_one("#resume", Button)
        # The home screen itself offers the draft (no toast that covers it).
        draft_line = second.screen.query_one("#draft-line", Static)
        assert "Initiatief moestuin" in str(draft_line.render())
        assert not notices(second)
        await pilot.press("r")
        await pilot.pause()
        s = session(second)
        assert s.flow.reflection.id == rid
        assert s.flow.current.key == "lsd:praktisch:luisteren"
        assert s.query_one("#answer", TextArea).text == "Ze zoeken grond en gereedschap 🌱"


async def test_quit_flushes_what_the_debounce_still_held(make_app, read_journal):
    app = make_app(debounce=30.0)  # the timer never fires within the test
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Zo snel")
        rid = session(app).flow.reflection.id
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert read_journal().get(rid).title == "Zo snel"


async def test_escape_goes_home_and_keeps_the_draft(make_app, read_journal):
    app = make_app(debounce=30.0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Later verder")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.saver.flush(timeout=2)
        drafts = read_journal().drafts()
        assert [d.title for d in drafts] == ["Later verder"]
        assert app.screen.query_one("#resume", Button)


async def test_non_stop_typing_is_still_written_every_window(make_app, read_journal):
    app = make_app(debounce=0.2)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        rid = session(app).flow.reflection.id
        # about 60 ms per key in Pilot: 12 keys span several 0.2 s windows
        await type_text(pilot, "abcdefghijkl")
        app.saver.flush(timeout=2)
        on_disk = read_journal().get(rid).title
        assert len(on_disk) >= 6, on_disk  # saved while the typing went on
        await pilot.press("ctrl+q")


async def test_quit_right_after_a_burst_of_keys_keeps_them(make_app, read_journal):
    from textual import events

    app = make_app(debounce=30.0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        rid = session(app).flow.reflection.id
        for ch in "tot de laatste letter":
            app.post_message(events.Key(ch, ch))
        app.post_message(events.Key("ctrl+q", None))
        await drain(pilot)
    assert read_journal().get(rid).title == "tot de laatste letter"


async def test_an_untouched_draft_is_not_kept(make_app, read_journal):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("#resume")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert read_journal().count() == 0
