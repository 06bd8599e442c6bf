"""Step (c): one LSD step (listen, summarise, probe) for one chosen practice.

Few widgets on purpose: this is where people type the most, and Textual
redraws every widget on screen for each key. The key for another prompt is
shown inside the prompt block, the "you may skip" hint is the answer
field's placeholder.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static, TextArea

from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import clean, join, plain
from reflect_tui.tui.widgets.answer_area import AnswerArea


class LsdView(StepView):
    def compose(self) -> ComposeResult:
        content = self.services.content
        lsd = content.by_id("lsd_steps").get(self.step.lsd_step or "")
        if lsd is not None:
            yield Static(plain(lsd.description), classes="help-text")  # type: ignore[attr-defined]
        yield Static(self._prompt_content(), id="prompt", classes="prompt")
        yield AnswerArea(
            clean(self.flow.answer_text(self.step)),
            id="answer",
            classes="answer",
            placeholder=strings.LSD_HINT,
            on_change=self._answer,
        )

    def _prompt_content(self) -> Content:
        prompt = self.flow.prompt_for(self.step)
        text = plain(prompt.text if prompt else strings.LSD_NO_PROMPT, "bold $accent")
        return join(text, "\n", plain(strings.LSD_OTHER, "$text-muted"))

    def first_focus(self) -> Widget | None:
        return self.query_one("#answer", TextArea)

    def another_prompt(self) -> None:
        self.flow.another_prompt(self.step)
        self.query_one("#prompt", Static).update(self._prompt_content())
        if self.flow.answer_text(self.step):
            self.changed()

    def _answer(self, text: str) -> None:
        self.flow.set_answer(text, self.step)
        self.changed()
