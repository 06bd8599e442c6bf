"""The baseline for start-up: the smallest sensible Textual app.

A Header, a line of text and a Footer, nothing loaded. ``bench_tui.py``
starts it exactly as it starts ``reflect`` and waits for ``READY`` on
screen; the difference between the two is what reflect itself costs.
With ``textarea HEIGHT`` as arguments it shows a focused TextArea of that
height instead: the baseline for typing.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY = "Bare Textual app ready"
TEXTAREA_READY = "Bare TextArea app ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY)
        yield Footer()


class BareTextAreaApp(App[None]):
    """Sized like reflect's answer field (``bench_tui.py`` measures it in the
    same run and passes the height), so both apps repaint the same area for
    every key: Textual redraws every line of the field on each key."""

    CSS = "Screen { padding: 0 2; }"
    AUTO_FOCUS = "TextArea"

    def __init__(self, height: int) -> None:
        super().__init__()
        self.field_height = height

    def compose(self) -> ComposeResult:
        # Imported here: the start-up baseline must not pay for TextArea.
        from textual.widgets import TextArea

        yield Header()
        yield Static(TEXTAREA_READY)
        area = TextArea()
        area.styles.height = self.field_height
        yield area
        yield Footer()


if __name__ == "__main__":
    # ``textarea HEIGHT`` for the typing baseline; no arguments for start-up.
    app = BareTextAreaApp(int(sys.argv[2])) if sys.argv[1:2] == ["textarea"] else BareApp()
    app.run()
