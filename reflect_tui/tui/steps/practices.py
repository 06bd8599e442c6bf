"""Step (b): which practices to reflect on, pre-selected from the coach's suggestions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from reflect_tui.core.coach.practices import PracticeSuggestion, preselect, suggest_practices
from reflect_tui.core.wording import listed
from reflect_tui.tui import strings
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import join, plain
from reflect_tui.tui.widgets.tick_list import TickList

# The coach orders reasons strongest first; two per practice keep the
# suggestions of more than one practice on screen at 80x24.
REASONS_SHOWN = 2


class PracticesView(StepView):
    def _suggestions(self) -> list[PracticeSuggestion]:
        r = self.flow.reflection
        text = "\n".join(p for p in (r.title, r.who, r.what_happened) if p)
        return suggest_practices(self.services.content, text, r.case_kind)

    def compose(self) -> ComposeResult:
        all_suggestions = self._suggestions()
        # Reasons only for the practices the coach ticks: three reasons beside
        # two ticks read as if the third had been forgotten.
        suggested = preselect(all_suggestions)
        by_id = {s.id: s for s in all_suggestions}
        suggestions = [by_id[i] for i in suggested if i in by_id]
        if not self.flow.practices_chosen:
            self.flow.set_practices(suggested)
            self.changed()
        chosen = set(self.flow.reflection.practices)
        yield Static(plain(strings.PRACTICES_INTRO), classes="intro")
        yield TickList[str](
            *(
                Selection(plain(p.name), p.id, p.id in chosen)
                for p in self.services.content.practices
            ),
            id="practices",
        )
        reasons = [
            join(
                plain(self.services.content.practice(s.id).short + ": ", "bold"),
                plain(
                    strings.PRACTICES_REASON.format(reasons="; ".join(s.reasons[:REASONS_SHOWN]))
                ),
            )
            for s in suggestions
            if s.reasons and s.id in self.services.content.by_id("practices")
        ]
        yield Static(plain(strings.PRACTICES_NONE), id="practices-none", classes="hint")
        yield Static("", id="practices-aside", classes="hint")
        # Why each practice was suggested sits right under the list; the long
        # description of the highlighted practice comes after it.
        for line in reasons:
            yield Static(line, classes="reason")
        yield Static("", id="practice-description", classes="description")

    def on_mount(self) -> None:
        self._update_hint()

    def first_focus(self) -> Widget | None:
        return self.query_one("#practices", SelectionList)

    @on(SelectionList.SelectedChanged, "#practices")
    def _changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        selected = list(event.selection_list.selected)
        if selected != self.flow.reflection.practices:
            self.flow.set_practices(selected)
            self.changed()
        self._update_hint()

    @on(SelectionList.SelectionHighlighted, "#practices")
    def _highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        practice = self.services.content.practice(str(event.selection.value))
        self.query_one("#practice-description", Static).update(plain(practice.description))

    def _update_hint(self) -> None:
        self.query_one("#practices-none").display = not self.flow.reflection.practices
        aside = self.query_one("#practices-aside", Static)
        names = [
            f"'{self.services.content.practice(p).name}'" for p in self.flow.set_aside_practices()
        ]
        aside.display = bool(names)
        if names:
            aside.update(plain(strings.PRACTICES_ASIDE.format(names=listed(names))))
