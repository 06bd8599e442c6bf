"""Reading a saved reflection, rendered as Markdown by the journal's renderer."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from reflect_tui.tui import strings


class ReadScreen(Screen[None]):
    CSS_PATH = Path(__file__).parent / "read.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", strings.KEY_BACK),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self._markdown = markdown

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="read-body"):
            yield Markdown(self._markdown, id="reflection")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#read-body").focus()
