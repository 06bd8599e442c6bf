"""What every step view shares: the flow it edits and how it reports a change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Static

from reflect_tui.core.clock import Clock
from reflect_tui.core.content.model import Content
from reflect_tui.core.dates import format_date, format_date_long, parse_date
from reflect_tui.core.session.flow import SessionFlow, Step
from reflect_tui.tui import strings
from reflect_tui.tui.text import one_line, plain
from reflect_tui.tui.widgets.blank import blank_lines

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


HELP_PER_TOPIC = 2  # questions shown under a field's label


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
        self._bad_dates: dict[str, Input] = {}

    @on(events.Mount)
    def _tune_fields(self) -> None:
        """One-line fields stay one line high, so a step fits 80x24; blinking
        is off when the app says so (snapshot tests)."""
        for field in self.query("Input, Select"):
            field.compact = True  # type: ignore[attr-defined]
        # Textual selects an Input's whole text on focus, so the next key
        # (a fast Tab then a digit) replaced what was written there.
        for text_field in self.query(Input):
            text_field.select_on_focus = False
        if not self.services.cursor_blink:
            for field in self.query("Input, TextArea"):
                field.cursor_blink = False  # type: ignore[attr-defined]

    @on(Input.Blurred)
    def _show_start(self, event: Input.Blurred) -> None:
        """A field left with a long text shows its start, not a cut-off end
        ("olgende week vrijdag" in a narrow date field)."""
        event.input.scroll_to(x=0, animate=False, immediate=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        """All blank (a step view draws only its children): drawn in one go,
        see ``widgets/blank.py``; it runs for every key typed in an answer."""
        return blank_lines(self, crop) or super().render_lines(crop)

    def changed(self) -> None:
        """Tell the session the draft was edited; it schedules the autosave.

        A plain call rather than a message: it runs on every typed key, and a
        message would wake the screen's queue once more per key (measured as
        part of the typing benchmark's gap to a bare TextArea).
        """
        self._on_change()

    def topic_help(self, step_kind: str, *topics: str | None) -> ComposeResult:
        """A few of the content's questions about a field, shown under its label.

        A few help; the whole list pushes the field off a small screen.
        """
        for topic in topics:
            prompts = self.flow.topic_prompts(step_kind, topic)
            for prompt in prompts[:HELP_PER_TOPIC]:
                yield Static(plain("• " + prompt.text), classes="help-text")

    def read_date(
        self, field: Input, note_id: str, *, future: bool = False, row: int | None = None
    ) -> tuple[bool, date | None]:
        """A typed date as (valid, date or None for empty).

        The ``note_id`` Static under the field says what was read ("= vrijdag
        4-12-2026") or, for a date that cannot be read, names the row and
        shows examples; the field is marked and the step cannot be left
        (``blocking_field``) until it is fixed or cleared. A typo is never saved.
        """
        note = self.query_one(f"#{note_id}", Static)
        today = self.services.clock.today()
        text = field.value
        try:
            value = parse_date(text, today, future=future)
        except ValueError:
            template = strings.DATE_FIELD_INVALID if row is None else strings.DATE_ROW_INVALID
            message = template.format(
                n=row, text=one_line(text, 30), examples=strings.DATE_EXAMPLES
            )
            note.update(plain(message))
            note.set_class(True, "-invalid")
            self._show_note(note)
            field.add_class("-invalid")
            self._bad_dates[note_id] = field
            return False, None
        self._bad_dates.pop(note_id, None)
        field.remove_class("-invalid")
        note.set_class(False, "-invalid")
        if value is None or text.strip() == format_date(value):
            note.update("")
            note.display = False
        else:
            shown = format_date_long(value)
            if row is not None:
                shown = strings.DATE_ROW_READ.format(n=row, date=shown)
            note.update(plain(strings.DATE_READ.format(date=shown)))
            self._show_note(note)
        return True, value

    def _show_note(self, note: Static) -> None:
        """Show a note line; when it appears, scroll so it is on screen (it sits
        under the field being typed in, which may be the last visible row)."""
        if not note.display:
            note.display = True
            self.call_after_refresh(note.scroll_visible, animate=False)

    def blocking_field(self) -> Widget | None:
        """A field that must be fixed or cleared before the step may be left."""
        return next(iter(self._bad_dates.values()), None)

    def first_focus(self) -> Widget | None:
        """The field that gets focus when the step is shown."""
        return None
