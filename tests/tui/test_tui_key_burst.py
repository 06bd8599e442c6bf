"""A paste without bracketed paste arrives as one key per character (issue 16).

100 KB pasted that way froze the app for minutes: every key re-wrapped the
whole edited line. Characters queued behind each other now reach the field as
one insert; the text must come out exactly as typed, in order, with Enter and
other non-character keys still handled one by one.
"""

from __future__ import annotations

from textual.widgets import TextArea
from tui_helpers import burst, session

from reflect_tui.tui.widgets.answer_area import AnswerArea


async def test_a_burst_of_characters_is_a_few_inserts_in_order(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        area = s.query_one("#what", AnswerArea)
        area.focus()
        await pilot.pause()
        edits: list[object] = []
        original = area.edit

        def counting_edit(edit):  # type: ignore[no-untyped-def]
            edits.append(edit)
            return original(edit)

        area.edit = counting_edit  # type: ignore[method-assign]
        first = "Buren [b]boos[/b] over de speeltuin, 🎉 en meer. " * 40
        second = "Tweede alinea zonder opmaak. " * 20
        keys = [("space" if c == " " else c) for c in first]
        keys += ["enter"] + [("space" if c == " " else c) for c in second]
        await burst(pilot, *keys)
        for _ in range(5):
            await pilot.pause()
        assert area.text == first + "\n" + second
        assert s.flow.reflection.what_happened == area.text
        # Each key was its own edit before (over 3,000 here).
        assert len(edits) < 20, len(edits)


async def test_one_typed_key_is_still_one_key(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        area = session(app).query_one("#what", TextArea)
        area.focus()
        for key in ("a", "b", "backspace", "c"):
            await pilot.press(key)
        assert area.text == "ac"
