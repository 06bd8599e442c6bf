"""Step (e): what hindered and what helped inside the organisation."""

from __future__ import annotations

from typing import Literal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import Static

from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import plain
from reflect_tui.tui.widgets.checklist import ChecklistWithNote

WIDE_FROM = 100


class OrganisationView(StepView):
    def compose(self) -> ComposeResult:
        r = self.flow.reflection
        content = self.services.content
        yield Static(plain(strings.ORGANISATION_INTRO), classes="intro")
        with Container(id="factors"):
            yield ChecklistWithNote(
                strings.BARRIERS,
                [(f.id, f.name) for f in content.barriers],
                r.barriers,
                r.barrier_note,
                note_label=strings.BARRIER_NOTE,
                descriptions={f.id: f.description for f in content.barriers},
                id="barriers",
            )
            yield ChecklistWithNote(
                strings.HELPS,
                [(f.id, f.name) for f in content.helps],
                r.helps,
                r.help_note,
                note_label=strings.HELP_NOTE,
                descriptions={f.id: f.description for f in content.helps},
                id="helps",
            )

    def on_resize(self, event: events.Resize) -> None:
        # Side by side when there is room (120 columns), stacked at 80.
        self.query_one("#factors").set_class(event.size.width >= WIDE_FROM, "-wide")

    def first_focus(self) -> Widget | None:
        return self.query_one("#barriers", ChecklistWithNote).first_focus()

    @on(ChecklistWithNote.Changed)
    def _changed(self, event: ChecklistWithNote.Changed) -> None:
        kind: Literal["barriers", "helps"] = (
            "barriers" if event.checklist.id == "barriers" else "helps"
        )
        self.flow.set_factors(kind, event.checklist.selected)
        self.flow.set_factor_note(kind, event.checklist.note)
        self.changed()
