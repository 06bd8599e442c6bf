"""Step (a): the case itself, with the content's intake prompts as help text."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from reflect_tui.core.content.model import INTAKE
from reflect_tui.core.dates import format_date
from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import clean, plain
from reflect_tui.tui.widgets.answer_area import AnswerArea


class IntakeView(StepView):
    def compose(self) -> ComposeResult:
        r = self.flow.reflection
        yield Static(plain(strings.INTAKE_INTRO), classes="intro")
        yield Label(plain(strings.INTAKE_TITLE), classes="field-label")
        yield Input(
            clean(r.title),
            placeholder=strings.INTAKE_TITLE_PLACEHOLDER,
            id="title",
        )
        yield Label(plain(strings.INTAKE_KIND), classes="field-label")
        options = [(plain(k.name), k.id) for k in self.services.content.case_kinds]
        known = {k.id for k in self.services.content.case_kinds}
        yield Select(
            options,
            prompt=strings.INTAKE_KIND_BLANK,
            value=r.case_kind if r.case_kind in known else Select.NULL,
            id="kind",
        )
        yield Label(plain(strings.INTAKE_DATE), classes="field-label")
        yield Input(format_date(r.occurred_on), id="date", classes="date")
        yield Static("", id="date-note", classes="date-note")
        yield Label(plain(strings.INTAKE_WHO), classes="field-label")
        yield from self.topic_help(INTAKE, "betrokken")
        # Several lines: the question asks for people and their roles, and a
        # one-line field scrolled long answers sideways out of sight.
        yield AnswerArea(clean(r.who), id="who", classes="answer short", on_change=self._who)
        yield Label(plain(strings.INTAKE_WHAT), classes="field-label")
        yield from self.topic_help(INTAKE, "gebeurd", "belangen", None)
        what = AnswerArea(clean(r.what_happened), id="what", classes="answer", on_change=self._what)
        yield what

    def first_focus(self) -> Widget | None:
        return self.query_one("#title", Input)

    @on(Input.Changed, "#title")
    def _title(self, event: Input.Changed) -> None:
        self.flow.set_intake(title=event.value)
        self.changed()

    def _who(self, text: str) -> None:
        self.flow.set_intake(who=text)
        self.changed()

    @on(Input.Changed, "#date")
    def _date(self, event: Input.Changed) -> None:
        valid, value = self.read_date(event.input, "date-note")
        if valid and value is not None:
            self.flow.set_intake(occurred_on=value)
            self.changed()

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else str(event.value)
        if value != self.flow.reflection.case_kind:
            self.flow.set_intake(case_kind=value)
            self.changed()

    def _what(self, text: str) -> None:
        self.flow.set_intake(what_happened=text)
        self.changed()
