"""Before the first round: the previous session's open steps, a method, a prompt set, roles.

Names typed here live in the ``Meeting`` in memory only; leaving the screen
forgets them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from reflect_tui.core.dates import format_date
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.intervision.labels import ROLE_LABELS
from reflect_tui.core.intervision.runner import method_shape
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.text import one_line, plain

if TYPE_CHECKING:
    from reflect_tui.core.content.model import IntervisionMethod
    from reflect_tui.tui.app import ReflectApp

CSS = Path(__file__).parent / "intervision.tcss"


def method_row(method: IntervisionMethod) -> str:
    shape = method_shape(method)
    return by_count(strings.IV_METHOD_ROW, shape.rounds, name=method.name, minutes=shape.minutes)


class IntervisionSetupScreen(Screen[None]):
    """Choose a method and name the roles; Enter on a method (or the button) starts."""

    CSS_PATH = CSS
    # Focus the method list without scrolling to it: auto-focus scrolled the
    # form past its title and the "Methode" heading at 80x24 (None inherited the
    # app's "*", which only looked right while the form itself took the focus).
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", strings.KEY_HOME),
    ]

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        content = self.reflect_app.content
        yield Header()
        # Not a focus stop itself: Tab after the last role field landed on the
        # scrolling form, where nothing showed focus and Enter did nothing.
        with VerticalScroll(id="iv-setup", can_focus=False):
            yield Static(plain(strings.IV_SETUP_TITLE, "bold"), classes="iv-heading")
            yield from self._previous_steps()
            yield Static(plain(strings.IV_SETUP_INTRO), classes="hint")
            yield Static(plain(strings.IV_METHOD), classes="iv-label")
            if content.intervision_methods:
                yield OptionList(
                    *(Option(plain(method_row(m)), id=m.id) for m in content.intervision_methods),
                    id="iv-methods",
                )
            else:
                yield Static(plain(strings.IV_NO_METHODS), classes="iv-warning")
            if content.sets:
                yield Static(plain(strings.IV_SET), classes="iv-label")
                options = [(one_line(s.name, 60), s.id) for s in content.sets]
                yield Select(options, prompt=strings.IV_SET_NONE, id="iv-set")
            yield Static(plain(strings.IV_CASE), classes="iv-label")
            yield Input(placeholder=strings.IV_CASE_PLACEHOLDER, id="iv-case", max_length=200)
            yield Static(plain(strings.IV_ROLES), classes="iv-label")
            for role, label in ROLE_LABELS.items():
                with Horizontal(classes="iv-role"):
                    yield Static(plain(label), classes="iv-role-label")
                    placeholder = strings.IV_OBSERVERS_PLACEHOLDER if role == "waarnemers" else ""
                    yield Input(placeholder=placeholder, id=f"iv-role-{role}", max_length=200)
        if content.intervision_methods:
            # After the form, outside its scrolling: the Tab stop after the last role
            # field, and always on screen, also at 80x24 (below the fold, as it once
            # was, nobody found it). Enter in the method list or any field starts too,
            # and Shift+Tab from the method list reaches it in one step.
            with Horizontal(id="iv-start-bar"):
                yield Button(strings.IV_START, id="iv-start", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        for methods in self.query("#iv-methods").results(OptionList):
            methods.focus(scroll_visible=False)

    def _previous_steps(self) -> ComposeResult:
        """The open steps of the previous intervision reflection come first."""
        from reflect_tui.core.intervision.outcome import previous_open_steps

        try:
            steps = previous_open_steps(self.reflect_app.store)
        except ReflectError as exc:
            self.reflect_app.notify_error(exc)
            return
        if not steps:
            return
        title = one_line(steps[0][0].title or strings.UNTITLED, 60)
        yield Static(plain(strings.IV_PREVIOUS_STEPS.format(title=title)), classes="iv-label")
        lines = []
        for _, _, step in steps:
            due = f" ({format_date(step.due)})" if step.due else ""
            lines.append(f"• {one_line(step.text, 100)}{due}")
        yield Static(plain("\n".join(lines)), id="iv-previous")

    @on(OptionList.OptionSelected, "#iv-methods")
    def _method_chosen(self) -> None:
        self.start()

    @on(Button.Pressed, "#iv-start")
    def _start_pressed(self) -> None:
        self.start()

    @on(Input.Submitted)
    def _input_submitted(self) -> None:
        self.start()

    def start(self) -> None:
        """Build the meeting from the form and open the conductor."""
        from reflect_tui.core.intervision.meeting import Meeting
        from reflect_tui.tui.screens.intervision import ConductorScreen

        content = self.reflect_app.content
        methods = self.query(OptionList).filter("#iv-methods")
        if not methods:
            return
        chosen = methods.first(OptionList)
        index = chosen.highlighted or 0
        method = content.intervision_methods[index]
        prompt_set = None
        for select in self.query(Select).filter("#iv-set"):
            value = select.value
            prompt_set = next((s for s in content.sets if s.id == value), None)
        meeting = Meeting(method, self.reflect_app.clock, prompt_set=prompt_set)
        meeting.case_title = self.query_one("#iv-case", Input).value.strip()
        for role in ROLE_LABELS:
            meeting.roles.set(role, self.query_one(f"#iv-role-{role}", Input).value)
        meeting.runner.start()
        self.app.switch_screen(ConductorScreen(meeting))

    def action_leave(self) -> None:
        self.app.pop_screen()
