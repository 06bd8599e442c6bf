"""A yes/no question as a modal screen: ``ConfirmDialog`` returns True or False.

Why a modal: erasing is final, so the question must take the whole focus;
Esc and "Nee" both answer no, and "Nee" has the focus first so a stray
Enter keeps the data.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reflect_tui.tui import strings
from reflect_tui.tui.text import plain

DIALOG_CSS = """
ChoiceDialog, ConfirmDialog {
    align: center middle;
}
.dialog {
    width: 64;
    max-width: 95%;
    height: auto;
    border: thick $error 60%;
    background: $surface;
    padding: 1 2;
}
.dialog-title {
    text-style: bold;
    margin-bottom: 1;
}
.dialog .buttons {
    height: auto;
    margin-top: 1;
}
.dialog Button {
    margin-right: 2;
}
/* Choices one under the other, full width: side by side, three labels such
   as "Markdown (om te lezen)" did not fit and the last showed as "An". */
.dialog .choices Button {
    width: 100%;
    margin-right: 0;
}
"""


class ConfirmDialog(ModalScreen[bool]):
    """Ask one yes/no question; dismisses with the answer."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "no", strings.KEY_BACK)]

    def __init__(self, title: str, text: str, yes: str, no: str) -> None:
        super().__init__()
        self._title, self._text, self._yes, self._no = title, text, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            yield Static(plain(self._text))
            with Horizontal(classes="buttons"):
                yield Button(self._no, id="no", variant="primary")
                yield Button(self._yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_no(self) -> None:
        self.dismiss(False)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a few labelled choices; Esc or cancel returns None."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", strings.KEY_BACK)]

    def __init__(self, title: str, choices: list[tuple[str, str]], cancel: str) -> None:
        super().__init__()
        self._title, self._choices, self._cancel = title, choices, cancel

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            with Vertical(classes="buttons choices"):
                for value, label in self._choices:
                    yield Button(label, id=f"choice-{value}")
                yield Button(self._cancel, id="cancel")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("choice-") if button_id.startswith("choice-") else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
