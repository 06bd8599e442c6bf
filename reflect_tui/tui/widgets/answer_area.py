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

from textual.widgets import TextArea


class AnswerArea(TextArea):
    def __init__(self, text: str = "", *, on_change: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self._report_change = on_change

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._report_change(self.text)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()
