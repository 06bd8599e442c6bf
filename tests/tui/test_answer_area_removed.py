"""An answer field painted once more after its removal draws nothing instead of crashing.

Reproduction of a crash seen in the tmux navigation test: moving quickly between
steps removed a step's answer field while a scheduled screen refresh still
painted it; Textual had already cleared its component styles, and TextArea's
paint raised KeyError ("No 'text-area--gutter' key in COMPONENT_CLASSES").
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from reflect_tui.tui.widgets.answer_area import AnswerArea


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield AnswerArea("een antwoord", on_change=lambda _text: None, id="answer")


async def test_a_removed_answer_field_paints_blank() -> None:
    app = _Host()
    async with app.run_test(size=(40, 10)) as pilot:
        area = app.query_one(AnswerArea)
        await pilot.pause()
        assert area.render_lines(Region(0, 0, 20, 2))  # painted normally while mounted
        await area.remove()
        strips = area.render_lines(Region(0, 0, 20, 2))
        assert len(strips) == 2
        assert all(strip.cell_length == 20 for strip in strips)
