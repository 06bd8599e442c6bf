"""The baseline for start-up: the smallest sensible Textual app.

A Header, a line of text and a Footer, nothing loaded. ``bench_tui.py``
starts it exactly as it starts ``reflect`` and waits for ``READY`` on
screen; the difference between the two is what reflect itself costs.
With ``textarea`` as argument it shows a focused TextArea instead: the
baseline for typing.
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
    """Sized like reflect's answer field on a 100x30 terminal (96x18 with its
    border), so both apps repaint the same area for every key."""

    CSS = "Screen { padding: 0 2; } TextArea { height: 18; }"
    AUTO_FOCUS = "TextArea"

    def compose(self) -> ComposeResult:
        # Imported here: the start-up baseline must not pay for TextArea.
        from textual.widgets import TextArea

        yield Header()
        yield Static(TEXTAREA_READY)
        yield TextArea()
        yield Footer()


if __name__ == "__main__":
    app = BareTextAreaApp() if sys.argv[1:] == ["textarea"] else BareApp()
    app.run()
