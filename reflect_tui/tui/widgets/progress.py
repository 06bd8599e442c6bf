"""Where you are in the session: "Stap 3 van 12 · Situatie: Luisteren" and a bar."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reflect_tui.tui import strings
from reflect_tui.tui.text import plain


class StepProgress(Widget):
    """Two lines: the step label, then a bar of one segment per step.

    A segment per step (rather than a percentage) shows at a glance how
    many practice steps the chosen practices add.
    """

    step = reactive(1)
    total = reactive(1)
    label = reactive("")

    def update_position(self, step: int, total: int, label: str) -> None:
        self.step, self.total, self.label = step, total, label

    def render(self) -> Content:
        head = plain(strings.PROGRESS.format(i=self.step, n=self.total), "bold")
        line1 = Content("").join([head, plain("  ·  "), plain(self.label)])
        width = max(self.size.width, 1)
        done = round(width * self.step / max(self.total, 1))
        bar = Content("").join(
            [plain("━" * done, "$primary"), plain("━" * (width - done), "$panel-lighten-2")]
        )
        return Content("\n").join([line1, bar])
