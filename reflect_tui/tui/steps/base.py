"""What every step view shares: the flow it edits and how it reports a change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.containers import VerticalScroll
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


class StepView(VerticalScroll):
    """Base class: a view edits ``flow.reflection`` directly and calls ``on_change``.

    Edits go straight into the model on every change, so going back and
    forward (which rebuilds the view) always shows what was typed.
    """

    DEFAULT_CLASSES = "step-view"

    def __init__(
        self,
        flow: SessionFlow,
        services: Services,
        step: Step,
        on_change: Callable[[], None],
    ) -> None:
        super().__init__()
        self.flow = flow
        self.services = services
        self.step = step
        self._on_change = on_change

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
        """Tell the session the draft was edited; it schedules the autosave.

        A plain call rather than a message: it runs on every typed key, and a
        message would wake the screen's queue once more per key (measured as
        part of the typing benchmark's gap to a bare TextArea).
        """
        self._on_change()

    def first_focus(self) -> Widget | None:
        """The field that gets focus when the step is shown."""
        return None
