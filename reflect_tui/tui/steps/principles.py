"""Step (d): a 1-5 self-rating per principle, each with its anchors and a note."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import clean, join, plain
from reflect_tui.tui.widgets.answer_area import AnswerArea
from reflect_tui.tui.widgets.rating import RatingInput, RatingWithAnchor


class PrinciplesView(StepView):
    def compose(self) -> ComposeResult:
        yield Static(plain(strings.PRINCIPLES_INTRO), classes="intro")
        if not self.flow.reflection.practices:
            # The LSD steps were skipped without a word before; say so here.
            yield Static(plain(strings.NO_PRACTICES_NOTE), id="no-practices", classes="notice")
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
                # A few lines that grow with the text: a note is often a sentence or two.
                yield AnswerArea(
                    clean(entry.note) if entry else "",
                    placeholder=strings.PRINCIPLE_NOTE,
                    id=f"note-{principle.id}",
                    classes="note note-area",
                    on_change=partial(self._note, principle.id),
                )

    def first_focus(self) -> Widget | None:
        return self.query(RatingInput).first()

    @on(RatingInput.Changed)
    def _rating(self, event: RatingInput.Changed) -> None:
        principle_id = (event.rating.id or "").removeprefix("rating-")
        self.flow.set_rating(principle_id, event.value)
        self.changed()

    def _note(self, principle_id: str, text: str) -> None:
        entry = self.flow.rating(principle_id)
        if (entry.note if entry else "") != text:
            self.flow.set_principle_note(principle_id, text)
            self.changed()
