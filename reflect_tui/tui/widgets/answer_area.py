"""A multi-line answer field that tells its step about edits directly.

Why: Textual's TextArea posts two messages on every key (``Changed`` and
``SelectionChanged``) and each one bubbles through every ancestor: the step
view, the screen, the app; every hop is a queue and a dispatch. Answers are
where people type the most, so this field handles both messages itself: it
stops them and hands the new text to ``on_change``. Nothing above it
listens to cursor moves. In the typing benchmark this took about a third
of reflect's extra cost per key compared with a bare TextArea.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class AnswerArea(TextArea):
    def __init__(self, text: str = "", *, on_change: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self._report_change = on_change

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw nothing, rather than crash, when painted after being removed.

        Textual clears a widget's component styles when it is removed, but a
        screen refresh already scheduled with the old layout can still paint
        it once; TextArea then asks for ``text-area--gutter`` and raises
        KeyError, which ended the app while moving quickly between steps
        (seen in the tmux navigation test). One dict check per paint.
        """
        if not self._component_styles:
            return [Strip.blank(crop.width) for _ in range(crop.height)]
        return super().render_lines(crop)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._report_change(self.text)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()
