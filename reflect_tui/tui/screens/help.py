"""The help screen (F1 or ?): keys and a short explanation, in Dutch."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from reflect_tui.tui import strings


class HelpScreen(ModalScreen[None]):
    CSS_PATH = Path(__file__).parent / "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "app.pop_screen", strings.KEY_CLOSE),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(strings.HELP_TEXT)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
