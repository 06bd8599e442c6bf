"""Pick several values of one filter kind: ``PickManyDialog`` returns them, or None.

Why a dialog beside the journal screen's selects: a select holds one value,
which is what most filtering needs and what fits the filter panel at 80x24;
the journal query combines several values of a kind (practice A *or* B), so
``+`` on a filter opens this list with a tick per value. Enter on a line
ticks it; ``ctrl+s`` or the button applies; Esc leaves the filter as it was.
The list is the intake's ``TickList``: an unticked box is empty, so ticked
and unticked differ without colour too (Textual's boxes all show an X).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static

from reflect_tui.tui import strings
from reflect_tui.tui.text import plain
from reflect_tui.tui.widgets.tick_list import TickList

PICK_CSS = """
PickManyDialog {
    align: center middle;
}
PickManyDialog .dialog {
    width: 64;
    max-width: 95%;
    height: auto;
    max-height: 90%;
    border: thick $primary 60%;
    background: $surface;
    padding: 0 1;
}
PickManyDialog SelectionList {
    height: auto;
    max-height: 14;
    border: none;
}
PickManyDialog .buttons {
    height: auto;
}
PickManyDialog Button {
    margin-right: 2;
}
"""


class PickManyDialog(ModalScreen[tuple[str, ...] | None]):
    """Tick any number of ``options`` (label, value); dismisses with the ticked values."""

    DEFAULT_CSS = PICK_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", strings.KEY_BACK),
        Binding("ctrl+s", "apply", strings.PICK_APPLY, priority=True),
    ]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], chosen: Sequence[str]):
        super().__init__()
        self._title = title
        self._options = list(options)
        self._chosen = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            yield Static(plain(strings.PICK_HINT), classes="hint")
            yield TickList[str](
                *((plain(label), value, value in self._chosen) for label, value in self._options),
                id="pick-list",
            )
            with Horizontal(classes="buttons"):
                yield Button(strings.PICK_APPLY, id="apply", variant="primary")
                yield Button(strings.PICK_CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#pick-list", SelectionList).focus()

    def action_apply(self) -> None:
        picked = set(self.query_one("#pick-list", SelectionList).selected)
        # In the order of the options, so the query (and its description) is stable.
        self.dismiss(tuple(value for _label, value in self._options if value in picked))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
