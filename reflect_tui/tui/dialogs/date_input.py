"""Ask for one date: ``DateDialog`` returns the typed text (or None on Esc).

The caller parses it (``core.dates.parse_date``) and reports a bad date,
so the rule for reading dates stays in one place.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.confirm import DIALOG_CSS
from reflect_tui.tui.text import plain


class DateDialog(ModalScreen[str | None]):
    DEFAULT_CSS = DIALOG_CSS.replace("ChoiceDialog, ConfirmDialog", "DateDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", strings.KEY_BACK)]

    def __init__(self, title: str, value: str, placeholder: str) -> None:
        super().__init__()
        self._title, self._value, self._placeholder = title, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            yield Input(self._value, placeholder=self._placeholder, id="date")

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    @on(Input.Submitted, "#date")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
