"""Step (f): the key insight, next steps with a due date, whom to involve, and labels.

Labels sit last: after reflecting, the user knows what the case was about.
They are one comma-separated line, read into tags by core
(``SessionFlow.set_tags``), so the journal's label filter, ``--tag``,
search and the exports see them as any imported label.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from reflect_tui.core.content.model import CLOSING
from reflect_tui.core.dates import format_date
from reflect_tui.core.journal.tags import tags_text
from reflect_tui.core.session.flow import SessionFlow, Step
from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import Services, StepView
from reflect_tui.tui.text import clean, plain
from reflect_tui.tui.widgets.answer_area import AnswerArea

MIN_ROWS = 3


class ClosingView(StepView):
    def __init__(
        self,
        flow: SessionFlow,
        services: Services,
        step: Step,
        on_change: Callable[[], None],
    ) -> None:
        super().__init__(flow, services, step, on_change)
        steps = self.flow.reflection.next_steps
        self._dues: list[date | None] = [s.due for s in steps]
        self._rows = max(MIN_ROWS, len(steps) + 1)
        self._dues += [None] * (self._rows - len(self._dues))
        self._tags_shown: str | None = None

    def compose(self) -> ComposeResult:
        r = self.flow.reflection
        yield Static(plain(strings.CLOSING_INTRO), classes="intro")
        yield Label(plain(strings.CLOSING_INSIGHT), classes="field-label")
        yield from self.topic_help(CLOSING, "inzicht")
        insight = AnswerArea(
            clean(r.insight), id="insight", classes="answer short", on_change=self._insight
        )
        yield insight
        yield Label(plain(strings.CLOSING_STEPS), classes="field-label")
        yield from self.topic_help(CLOSING, "volgende-stap")
        for i in range(self._rows):
            step = r.next_steps[i] if i < len(r.next_steps) else None
            with Horizontal(classes="next-step"):
                yield Input(
                    clean(step.text) if step else "",
                    placeholder=strings.CLOSING_STEP_PLACEHOLDER.format(n=i + 1),
                    id=f"step-{i}",
                    classes="step-text",
                )
                yield Input(
                    format_date(step.due) if step else "",
                    placeholder=strings.CLOSING_DUE_PLACEHOLDER,
                    id=f"due-{i}",
                    classes="step-due date",
                )
            # Under its own row: what the date was read as, or why it cannot be.
            yield Static("", id=f"due-note-{i}", classes="date-note")
        yield Label(plain(strings.CLOSING_INVOLVE), classes="field-label")
        yield from self.topic_help(CLOSING, "betrekken")
        yield AnswerArea(
            clean(r.involve), id="involve", classes="answer note-area", on_change=self._involve
        )
        yield Label(plain(strings.CLOSING_TAGS), classes="field-label")
        self._tags_shown = clean(tags_text(r.tags))
        yield Input(
            self._tags_shown,
            placeholder=strings.CLOSING_TAGS_PLACEHOLDER,
            id="tags",
        )

    def first_focus(self) -> Widget | None:
        return self.query_one("#insight", TextArea)

    def _insight(self, text: str) -> None:
        self.flow.set_closing(insight=text)
        self.changed()

    def _involve(self, text: str) -> None:
        if text != self.flow.reflection.involve:
            self.flow.set_closing(involve=text)
            self.changed()

    @on(Input.Changed, "#tags")
    def _tags(self, event: Input.Changed) -> None:
        # Input reports its first value too: labels as stored (an import may
        # hold "Lindelaan") are only rewritten once the user edits the line.
        # Per key: a split and a compare; the save is the usual debounced one.
        if event.value == self._tags_shown:
            return
        self._tags_shown = None
        if self.flow.set_tags(event.value):
            self.changed()

    @on(Input.Changed, ".step-due")
    def _due(self, event: Input.Changed) -> None:
        index = int((event.input.id or "due-0").removeprefix("due-"))
        valid, due = self.read_date(event.input, f"due-note-{index}", future=True, row=index + 1)
        if not valid:
            return
        self._dues[index] = due
        self._store_steps()

    @on(Input.Changed, ".step-text")
    def _text(self, event: Input.Changed) -> None:
        self._store_steps()

    def _store_steps(self) -> None:
        items = [
            (self.query_one(f"#step-{i}", Input).value, self._dues[i]) for i in range(self._rows)
        ]
        before = [(s.text, s.due) for s in self.flow.reflection.next_steps]
        self.flow.set_next_steps(items)
        if before != [(s.text, s.due) for s in self.flow.reflection.next_steps]:
            self.changed()
