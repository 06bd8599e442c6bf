"""What every step view shares: the flow it edits and how it reports a change."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.containers import VerticalScroll
from textual.dom import NoScreen
from textual.message import Message
from textual.widget import Widget

from reflect_tui.core.clock import Clock
from reflect_tui.core.content.model import Content
from reflect_tui.core.session.flow import SessionFlow, Step

if TYPE_CHECKING:
    from reflect_tui.core.journal.store import JournalStore


@dataclass
class Services:
    """The core objects step views read from (the UI thread's store only reads)."""

    content: Content
    clock: Clock
    store: JournalStore
    exports_dir: Path | None
    cursor_blink: bool = True


class DraftChanged(Message):
    """The draft was edited: the session screen schedules an autosave."""


class StepView(VerticalScroll):
    """Base class: a view edits ``flow.reflection`` directly and posts DraftChanged.

    Edits go straight into the model on every change, so going back and
    forward (which rebuilds the view) always shows what was typed.
    """

    DEFAULT_CLASSES = "step-view"

    def __init__(self, flow: SessionFlow, services: Services, step: Step) -> None:
        super().__init__()
        self.flow = flow
        self.services = services
        self.step = step

    @on(events.Mount)
    def _tune_fields(self) -> None:
        """One-line fields stay one line high, so a step fits 80x24; blinking
        is off when the app says so (snapshot tests)."""
        for field in self.query("Input, Select"):
            field.compact = True  # type: ignore[attr-defined]
        if not self.services.cursor_blink:
            for field in self.query("Input, TextArea"):
                field.cursor_blink = False  # type: ignore[attr-defined]

    def changed(self) -> None:
        # Straight to the screen that saves (it handles DraftChanged): posted
        # to the view it would be dispatched twice (view, then screen), on
        # every typed key.
        try:
            screen = self.screen
        except NoScreen:  # not mounted (yet): the message bubbles up once it is
            self.post_message(DraftChanged())
            return
        screen.post_message(DraftChanged())

    def first_focus(self) -> Widget | None:
        """The field that gets focus when the step is shown."""
        return None
