"""Ask for one date: ``DateDialog`` returns the typed text (or None on Esc).

The caller parses it (``core.dates.parse_date``) through ``check``, so the
rule for reading dates stays in one place. A date that cannot be read keeps
the dialog open with the reason and examples under the field (as the guided
session does): closing it lost what was typed and left only a toast.
"""

from __future__ import annotations

from collections.abc import Callable
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
    DEFAULT_CSS = (
        DIALOG_CSS.replace("ChoiceDialog, ConfirmDialog", "DateDialog")
        + """
    DateDialog .date-problem {
        height: auto;
        color: $text-error;
    }
    DateDialog Input.-invalid {
        border: tall $error;
    }
    """
    )
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", strings.KEY_BACK)]

    def __init__(
        self,
        title: str,
        value: str,
        placeholder: str,
        check: Callable[[str], str | None] | None = None,
        hint: str = strings.DATE_DIALOG_HINT,
    ) -> None:
        """``check`` returns why a typed text is no date (shown, dialog stays open) or None.

        ``hint`` stays under the field: the placeholder names the accepted
        forms only while the field is empty, and the field opens holding
        the current date, so a tester saw neither the forms nor Esc.
        """
        super().__init__()
        self._title, self._value, self._placeholder = title, value, placeholder
        self._check = check
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            yield Input(self._value, placeholder=self._placeholder, id="date")
            yield Static("", id="date-problem", classes="date-problem")
            yield Static(plain(self._hint), id="date-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    @on(Input.Submitted, "#date")
    def _submitted(self, event: Input.Submitted) -> None:
        problem = self._check(event.value) if self._check is not None else None
        if problem is not None:
            self.query_one("#date-problem", Static).update(plain(problem))
            self.query_one("#date", Input).add_class("-invalid")
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
