"""The passphrase dialog shown before an encrypted journal is opened.

Why an app of its own, run before the main one: the journal is opened
(and migrated, and backed up) by ``factory.build_app`` before the main app
exists, so the key must be known first. This small app asks (an ``Input``
with ``password=True``: never echoed), checks the passphrase against the
journal's key file through ``core/journal/keys.py`` (the same check the CLI
uses) and exits with True once the key is registered for this process.
Three wrong tries, or Esc, exit with False; nothing is changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings

MAX_TRIES = 3


class PassphraseApp(App[bool]):
    """Ask for the passphrase of the journal at ``journal``; True when it is unlocked."""

    CSS = """
    Screen { align: center middle; }
    #box { width: 64; max-width: 95%; height: auto; border: thick $accent; padding: 1 2; }
    #title { text-style: bold; margin-bottom: 1; }
    #status { margin-top: 1; color: $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", strings.KEY_QUIT, priority=True)
    ]

    def __init__(self, journal: Path) -> None:
        super().__init__()
        self.journal = journal
        self.tries = 0
        self.message: str | None = None  # why it ended without a key (for stderr)

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(strings.PASSPHRASE_TITLE, id="title", markup=False)
            yield Static(strings.PASSPHRASE_PROMPT, markup=False)
            yield Input(password=True, placeholder=strings.PASSPHRASE_PLACEHOLDER, id="secret")
            yield Static("", id="status", markup=False)

    @on(Input.Submitted, "#secret")
    def _submitted(self, event: Input.Submitted) -> None:
        secret = event.value
        event.input.value = ""
        if not secret:
            return
        event.input.disabled = True
        self.query_one("#status", Static).update(strings.PASSPHRASE_CHECKING)
        self._check(secret)

    @work(thread=True, exclusive=True)
    def _check(self, secret: str) -> None:
        """The key derivation takes a moment: off the UI thread, so the dialog stays drawn."""
        from reflect_tui.core.journal import keyfile, keys

        try:
            keys.unlock(self.journal, secret)
        except keyfile.WrongPassphrase:
            self.call_from_thread(self._wrong)
            return
        except ReflectError as exc:
            self.message = exc.message
            self.call_from_thread(self.exit, False)
            return
        self.call_from_thread(self.exit, True)

    def _wrong(self) -> None:
        self.tries += 1
        if self.tries >= MAX_TRIES:
            self.message = strings.PASSPHRASE_GAVE_UP
            self.exit(False)
            return
        status = by_count(strings.PASSPHRASE_WRONG, MAX_TRIES - self.tries)
        self.query_one("#status", Static).update(status)
        secret = self.query_one("#secret", Input)
        secret.disabled = False
        secret.focus()

    def action_cancel(self) -> None:
        self.message = strings.PASSPHRASE_CANCELLED
        self.exit(False)
