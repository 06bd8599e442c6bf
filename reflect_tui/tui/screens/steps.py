"""Every next step in one list: tick off, reopen, move the date, and undo.

Why an undo here: on the home screen ``d`` ticks a step off at once; in the
overview every change (done, reopened, new date) can be taken back with
``u``, which simply makes the opposite store call. The list is one
``OptionList`` (open steps first, soonest due first; then done ones), ticked
boxes drawn as ``[x]`` so they read the same without colour.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.core.dates import format_date, parse_date
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.steps import STEPS_LIMIT, StepRow, all_steps
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.screen_notices import notify_on
from reflect_tui.tui.text import join, one_line, plain

if TYPE_CHECKING:
    from reflect_tui.tui.app import ReflectApp


class NextStepsScreen(Screen[None]):
    DEFAULT_CSS = """
    #steps-body { padding: 0 2; }
    #steps-list { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", strings.KEY_BACK),
        Binding("d", "toggle_done", strings.KEY_TOGGLE_DONE),
        Binding("t", "change_due", strings.KEY_DUE),
        Binding("u", "undo", strings.KEY_UNDO),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[StepRow] = []
        self._undo: list[tuple[str, Callable[[], None]]] = []

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="steps-body"):
            yield Static(plain(strings.STEPS_HINT), classes="hint")
            yield Static(id="steps-note", classes="hint")
            yield OptionList(id="steps-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = strings.STEPS_TITLE
        self.reload()
        self.query_one("#steps-list", OptionList).focus()

    def reload(self, keep: tuple[str, int] | None = None) -> None:
        try:
            self.steps = all_steps(self.reflect_app.store)
        except ReflectError as exc:
            self.reflect_app.notify_error(exc)
            return
        option_list = self.query_one("#steps-list", OptionList)
        option_list.set_options([Option(self._row(s)) for s in self.steps])
        note = ""
        if not self.steps:
            note = strings.STEPS_NONE
        elif len(self.steps) >= STEPS_LIMIT:
            note = by_count(strings.STEPS_MORE, STEPS_LIMIT)
        self.query_one("#steps-note", Static).update(plain(note))
        if self.steps:
            option_list.highlighted = 0
        if keep is not None:
            for i, s in enumerate(self.steps):
                if (s.reflection_id, s.position) == keep:
                    option_list.highlighted = i
                    break

    def _row(self, s: StepRow) -> Content:
        today = self.reflect_app.clock.today()
        box = "[x]" if s.done else "[ ]"
        if s.due is None:
            due = plain("")
        elif s.overdue(today):
            due = plain(strings.HOME_STEP_OVERDUE.format(due=format_date(s.due)) + "  ", "bold")
        else:
            due = plain(strings.HOME_STEP_DUE.format(due=format_date(s.due)) + "  ")
        return join(
            plain(f"{box} "),
            due,
            plain(one_line(s.text, 100)),
            plain("  · " + one_line(s.reflection_title or strings.UNTITLED, 40), "$text-muted"),
        )

    def _current(self) -> StepRow | None:
        index = self.query_one("#steps-list", OptionList).highlighted
        return self.steps[index] if index is not None and index < len(self.steps) else None

    def _apply(
        self,
        change: Callable[[], None],
        undo: Callable[[], None],
        key: tuple[str, int],
        message: str,
    ) -> None:
        try:
            change()
        except ReflectError as exc:
            self.reflect_app.notify_error(exc)
            return
        self._undo.append((f"{key[0]}:{key[1]}", undo))
        notify_on(self, message, timeout=6)  # "Druk op u": this screen's key
        self.reload(keep=key)

    def action_toggle_done(self) -> None:
        step = self._current()
        if step is None:
            return
        store = self.reflect_app.store
        key = (step.reflection_id, step.position)
        self._apply(
            lambda: store.set_next_step_done(step.reflection_id, step.position, not step.done),
            lambda: store.set_next_step_done(step.reflection_id, step.position, step.done),
            key,
            strings.STEPS_REOPENED if step.done else strings.STEPS_DONE,
        )

    def action_change_due(self) -> None:
        step = self._current()
        if step is None:
            return
        from reflect_tui.tui.dialogs.date_input import DateDialog

        today = self.reflect_app.clock.today()

        def problem(text: str) -> str | None:
            try:
                parse_date(text, today, future=True)
            except ValueError:
                return strings.DATE_FIELD_INVALID.format(
                    text=one_line(text, 30), examples=strings.DATE_EXAMPLES
                )
            return None

        dialog = DateDialog(
            strings.STEPS_DUE_TITLE.format(step=one_line(step.text, 50)),
            format_date(step.due),
            strings.STEPS_DUE_PLACEHOLDER,
            check=problem,
        )

        def chosen(text: str | None) -> None:
            if text is None:
                return
            self._set_due(step, parse_date(text, today, future=True))

        self.app.push_screen(dialog, chosen)

    def _set_due(self, step: StepRow, due: date | None) -> None:
        store = self.reflect_app.store
        self._apply(
            lambda: store.set_next_step_due(step.reflection_id, step.position, due),
            lambda: store.set_next_step_due(step.reflection_id, step.position, step.due),
            (step.reflection_id, step.position),
            strings.STEPS_DUE_SET,
        )

    def action_undo(self) -> None:
        if not self._undo:
            notify_on(self, strings.STEPS_NOTHING_TO_UNDO, timeout=3)
            return
        key, undo = self._undo.pop()
        try:
            undo()
        except ReflectError as exc:
            self.reflect_app.notify_error(exc)
            return
        rid, _, index = key.rpartition(":")
        notify_on(self, strings.STEPS_UNDONE, timeout=3)
        self.reload(keep=(rid, int(index)))

    @on(OptionList.OptionSelected, "#steps-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        step = self.steps[event.option_index]
        self.reflect_app.open_reflection(step.reflection_id)
