"""Where you are in the session: the phases, and the step within them.

Line one names the seven phases (Casus · Praktijken · LSD · ...) with the
current one highlighted; line two is the step itself, with "vraag 2 van 6"
inside the LSD phase.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reflect_tui.tui import strings
from reflect_tui.tui.text import join, plain


class StepProgress(Widget):
    """Two lines: the phase strip, then the step label with its detail.

    Why phases rather than "step i of n": the number of steps grows with
    the practices chosen, so a count jumped from "1 van 6" to "2 van 15".
    The phases are always the same seven.
    """

    phase = reactive("intake")
    label = reactive("")
    detail = reactive("")

    def __init__(self, phases: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._phases = tuple(phases)

    def update_position(self, phase: str, label: str, detail: str = "") -> None:
        self.phase, self.label, self.detail = phase, label, detail

    def _strip(self, width: int) -> Content:
        current = self._phases.index(self.phase) if self.phase in self._phases else 0
        parts: list[Content] = []
        for i, phase in enumerate(self._phases):
            name = strings.PHASE_NAMES.get(phase, phase)
            if i:
                parts.append(plain(strings.PHASE_SEPARATOR, "$text-muted"))
            if i == current:
                parts.append(plain(f" {name} ", "bold $text on $primary"))
            elif i < current:
                parts.append(plain(name, "$text-secondary"))
            else:
                parts.append(plain(name, "$text-muted"))
        strip = join(*parts)
        if strip.cell_length <= width:
            return strip
        name = strings.PHASE_NAMES.get(self.phase, self.phase)
        narrow = strings.PHASE_NARROW.format(name=name, i=current + 1, n=len(self._phases))
        return plain(narrow, "bold $primary")

    def render(self) -> Content:
        text = self.label
        if self.detail:
            text = strings.PROGRESS_DETAIL.format(label=self.label, detail=self.detail)
        return Content("\n").join([self._strip(max(self.size.width, 1)), plain(text, "bold")])
