"""An answer field repaints only the line a typed key changed, and the screen stays right.

Why: every typed letter used to repaint the whole field (TextArea's ``selection``
reactive repaints the widget), re-rendering and re-sending every line of it
on the path from key to frame. ``AnswerArea`` now repaints only the edited
line's rows when nothing else moved. The risk of such a shortcut is a stale
line on the terminal, so these tests replay every frame the app sends into a
small terminal model and compare it with a full redraw after many kinds of edit.
"""

from __future__ import annotations

import re

from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen

from reflect_tui.tui.widgets.answer_area import AnswerArea

WIDTH, HEIGHT = 40, 12
_TOKEN = re.compile(
    r"\x1b\[(\d+);(\d+)H|\x1b\[([0-9;]*)m|(\n)|(\x1b\[[^A-Za-z]*[A-Za-z])|(.)", re.S
)


class _Terminal:
    """Just enough of a terminal for Textual's frames: moves, colours, text."""

    def __init__(self) -> None:
        self.cells = [[(" ", "")] * WIDTH for _ in range(HEIGHT)]
        self.rows_written: set[int] = set()

    def feed(self, data: str) -> None:
        x = y = 0
        style = ""
        for token in _TOKEN.finditer(data):
            move_y, move_x, sgr, _newline, _other, char = token.groups()
            if move_y is not None:
                y, x = int(move_y) - 1, int(move_x) - 1
            elif sgr is not None:
                style = "" if sgr in ("", "0") else sgr
            elif char is not None and 0 <= y < HEIGHT and 0 <= x < WIDTH:
                self.cells[y][x] = (char, style)
                self.rows_written.add(y)
                x += 1

    def text(self) -> list[str]:
        return ["".join(char for char, _ in row) for row in self.cells]


class _Host(App[None]):
    CSS = "AnswerArea { height: 8; }"

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.terminal = _Terminal()
        self.initial = text

    def compose(self) -> ComposeResult:
        area = AnswerArea(
            self.initial, on_change=lambda _text: None, placeholder="Typ hier je antwoord"
        )
        area.cursor_blink = False
        yield area

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        # Headless apps draw nothing; replay each frame into the terminal model.
        if renderable is not None:
            self.terminal.feed(renderable.render_segments(self.console))  # type: ignore[union-attr]
        super()._display(screen, renderable)


async def _assert_terminal_is_current(app: _Host, pilot: Pilot[None], label: object) -> None:
    """What the terminal shows must not change when the whole field is drawn afresh."""
    shown = [row[:] for row in app.terminal.cells]
    app.query_one(AnswerArea).refresh()
    app.screen.refresh()
    await pilot.pause()
    assert ["".join(c for c, _ in row) for row in shown] == app.terminal.text(), label
    assert shown == app.terminal.cells, label


async def test_a_typed_letter_repaints_only_its_line() -> None:
    app = _Host("eerste regel\ntweede regel\nderde regel")
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        area = app.query_one(AnswerArea)
        area.focus()
        area.move_cursor((1, 6))
        await pilot.pause()
        app.terminal.rows_written.clear()
        await pilot.press("x")
        await pilot.pause()
        assert area.text.splitlines()[1] == "tweedex regel"
        row = area.region.y + area.content_offset.y + 1  # the second line, on screen
        assert app.terminal.rows_written == {row}
        await _assert_terminal_is_current(app, pilot, "x")


async def test_the_screen_matches_a_full_redraw_after_every_kind_of_edit() -> None:
    app = _Host()
    long_line = "een lange zin die niet op een regel past en dus verder loopt"
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        area = app.query_one(AnswerArea)
        area.focus()
        await pilot.pause()
        steps: list[tuple[str, ...]] = [
            ("h", "a", "l"),  # first letter: the placeholder goes
            ("backspace", "backspace", "backspace"),  # empty again: it comes back
            tuple("woord"),
            ("enter",),
            tuple(long_line.replace(" ", "_")),  # one long word, wrapped
            ("enter",),
            tuple("space" if c == " " else c for c in long_line),  # wraps at spaces
            ("up", "end", "(", "left", "right", ")", "left", "left"),  # brackets that match
            ("ctrl+z",),  # undo
            ("ctrl+y",),  # redo
            ("down", "home", "backspace"),  # joins two lines
            ("shift+right", "shift+right", "shift+right", "q"),  # replaces a selection
            ("shift+down", "z"),  # replaces a selection over two rows
            ("enter",) * 9,  # scrolls the field
            tuple("onderaan"),
            ("ctrl+home", "delete", "delete"),
        ]
        for keys in steps:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
                await _assert_terminal_is_current(app, pilot, (keys, key))
