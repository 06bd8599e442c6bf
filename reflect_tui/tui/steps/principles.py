"""Step (d): a 1-5 self-rating per principle, each with its anchors and a note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import clean, join, plain
from reflect_tui.tui.widgets.rating import RatingInput, RatingWithAnchor


class PrinciplesView(StepView):
    def compose(self) -> ComposeResult:
        yield Static(plain(strings.PRINCIPLES_INTRO), classes="intro")
        for principle in self.services.content.principles:
            entry = self.flow.rating(principle.id)
            with Vertical(classes="principle"):
                yield Static(
                    join(plain(principle.name, "bold"), " · ", plain(principle.question)),
                    classes="principle-question",
                )
                yield RatingWithAnchor(
                    RatingInput(
                        principle.anchors,
                        entry.rating if entry else None,
                        id=f"rating-{principle.id}",
                    )
                )
                yield Input(
                    clean(entry.note) if entry else "",
                    placeholder=strings.PRINCIPLE_NOTE,
                    id=f"note-{principle.id}",
                    classes="note",
                )

    def first_focus(self) -> Widget | None:
        return self.query(RatingInput).first()

    @on(RatingInput.Changed)
    def _rating(self, event: RatingInput.Changed) -> None:
        principle_id = (event.rating.id or "").removeprefix("rating-")
        self.flow.set_rating(principle_id, event.value)
        self.changed()

    @on(Input.Changed, ".note")
    def _note(self, event: Input.Changed) -> None:
        principle_id = (event.input.id or "").removeprefix("note-")
        entry = self.flow.rating(principle_id)
        if (entry.note if entry else "") != event.value:
            self.flow.set_principle_note(principle_id, event.value)
            self.changed()
