"""Step (c): one LSD step (listen, summarise, probe) for one chosen practice."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static, TextArea

from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import clean, plain


class LsdView(StepView):
    def compose(self) -> ComposeResult:
        content = self.services.content
        lsd = content.by_id("lsd_steps").get(self.step.lsd_step or "")
        if lsd is not None:
            yield Static(plain(lsd.description), classes="help-text")  # type: ignore[attr-defined]
        yield Static(self._prompt_content(), id="prompt", classes="prompt")
        yield Static(plain(strings.LSD_OTHER), classes="hint")
        answer = TextArea(clean(self.flow.answer_text(self.step)), id="answer", classes="answer")
        yield answer
        yield Static(plain(strings.LSD_HINT), classes="hint")

    def _prompt_content(self):  # -> Content
        prompt = self.flow.prompt_for(self.step)
        return plain(prompt.text if prompt else strings.LSD_NO_PROMPT, "bold $accent")

    def first_focus(self) -> Widget | None:
        return self.query_one("#answer", TextArea)

    def another_prompt(self) -> None:
        self.flow.another_prompt(self.step)
        self.query_one("#prompt", Static).update(self._prompt_content())
        if self.flow.answer_text(self.step):
            self.changed()

    @on(TextArea.Changed, "#answer")
    def _answer(self, event: TextArea.Changed) -> None:
        event.stop()  # handled: no need to bubble through the screen and the app
        self.flow.set_answer(event.text_area.text, self.step)
        self.changed()
