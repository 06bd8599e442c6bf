"""Step (c): one LSD step (listen, summarise, probe) for one chosen practice.

Two widgets on purpose: this is where people type the most, and Textual
redraws every widget on screen for each key. One block holds what the LSD
step means, the prompt and the key for another prompt; the "you may skip"
hint is the answer field's placeholder.
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
        yield Static(self._prompt_content(), id="prompt", classes="prompt")
        yield AnswerArea(
            clean(self.flow.answer_text(self.step)),
            id="answer",
            classes="answer",
            placeholder=strings.LSD_HINT,
            on_change=self._answer,
        )

    def _prompt_content(self) -> Content:
        """What the step means, the question, and the key for another question."""
        lsd = self.services.content.by_id("lsd_steps").get(self.step.lsd_step or "")
        prompt = self.flow.prompt_for(self.step)
        parts: list[Content | str] = []
        if lsd is not None:
            parts += [plain(lsd.description, "$text-muted"), "\n\n"]  # type: ignore[attr-defined]
        parts += [
            plain(prompt.text if prompt else strings.LSD_NO_PROMPT, "bold $accent"),
            "\n",
            plain(strings.LSD_OTHER, "$text-muted"),
        ]
        return join(*parts)

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
