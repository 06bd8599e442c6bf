"""The panel that lists content errors while a trainer fixes them (live reload).

Docked at the bottom of the screen it is mounted on, so the field being
worked on stays visible; its text is plain ``Text`` (errors quote the
trainer's own YAML, which must never be read as markup).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings

PANEL_ID = "content-errors"
MAX_LINES = 8


class ContentErrorsPanel(Static):
    """Every error of the broken content (the first ``MAX_LINES``), with a heading."""

    DEFAULT_CSS = """
    ContentErrorsPanel {
        dock: bottom;
        height: auto;
        max-height: 12;
        border: heavy $error;
        background: $panel;
        padding: 0 1;
    }
    """

    def __init__(self, errors: Sequence[ContentError]) -> None:
        super().__init__(self.render_errors(errors), id=PANEL_ID)

    @staticmethod
    def render_errors(errors: Sequence[ContentError]) -> Text:
        n = len(errors)
        count = by_count(strings.CONTENT_ERROR_COUNT, n)
        text = Text(strings.CONTENT_ERRORS_TITLE.format(count=count), style="bold")
        for error in errors[:MAX_LINES]:
            text.append("\n" + str(error))
        if len(errors) > MAX_LINES:
            text.append("\n" + strings.CONTENT_ERRORS_MORE.format(n=len(errors) - MAX_LINES))
        return text

    def show(self, errors: Sequence[ContentError]) -> None:
        self.update(self.render_errors(errors))
