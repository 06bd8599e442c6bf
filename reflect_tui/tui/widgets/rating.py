"""A 1-5 rating that shows what each number means (the content's anchors)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from reflect_tui.core.session.flow import RATING_MAX, RATING_MIN
from reflect_tui.tui import strings
from reflect_tui.tui.text import plain

_CELL = 5  # width of one number cell: " [3] "; clicks map by this
# Where the first arrow lands on an unrated scale. The middle, on purpose: an
# arrow on an empty scale implies no direction, and from 3 every number is at
# most two presses away. The line under the scale says so (``RATING_NONE``),
# as the fresh-eyes test found four presses to 5 surprising when unexplained.
FIRST_MOVE = (RATING_MIN + RATING_MAX) // 2


class RatingInput(Widget, can_focus=True):
    """Choose 1..5 with arrows, digits or a click; the anchor of the choice shows below.

    One focus stop for the whole scale keeps Tab moving between
    principles instead of through twenty buttons.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", strings.KEY_LOWER, show=False),
        Binding("right", "move(1)", strings.KEY_HIGHER, show=False),
        Binding("1", "set(1)", show=False),
        Binding("2", "set(2)", show=False),
        Binding("3", "set(3)", show=False),
        Binding("4", "set(4)", show=False),
        Binding("5", "set(5)", show=False),
        Binding("backspace,delete,0", "set(0)", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, rating: RatingInput, value: int | None) -> None:
            super().__init__()
            self.rating = rating
            self.value = value

        @property
        def control(self) -> RatingInput:
            return self.rating

    def __init__(
        self,
        anchors: Mapping[int, str],
        value: int | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.anchors = dict(anchors)
        self.set_reactive(RatingInput.value, value)
        self.anchor_label: Static | None = None

    def render(self) -> Content:
        cells = []
        for n in range(1, 6):
            if n == self.value:
                cells.append(plain(f" [{n}] ", "bold reverse $accent"))
            else:
                cells.append(plain(f"  {n}  "))
        return Content("").join(cells)

    def anchor_text(self) -> Content:
        """What the chosen number means, for the line below the scale."""
        if self.value is None:
            return plain(strings.RATING_NONE.format(first=FIRST_MOVE), "italic $text-muted")
        text = self.anchors.get(self.value, "")
        return plain(strings.RATING_LABEL.format(value=self.value, anchor=text))

    def _set(self, value: int | None) -> None:
        if value != self.value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def watch_value(self) -> None:
        if self.anchor_label is not None:
            self.anchor_label.update(self.anchor_text())

    def action_move(self, delta: int) -> None:
        if self.value is None:
            self._set(FIRST_MOVE)
        else:
            self._set(max(1, min(5, self.value + delta)))

    def action_set(self, value: int) -> None:
        self._set(value or None)

    def on_click(self, event: events.Click) -> None:
        # Content offset: the focus bar on the left is not part of the scale.
        offset = event.get_content_offset(self)
        if offset is not None and offset.y == 0 and 0 <= offset.x < _CELL * 5:
            self._set(offset.x // _CELL + 1)


class RatingWithAnchor(Vertical):
    """The scale plus a line that explains the chosen number."""

    DEFAULT_CLASSES = "rating-with-anchor"

    def __init__(self, rating: RatingInput) -> None:
        super().__init__()
        self.rating = rating

    def compose(self) -> ComposeResult:
        yield self.rating
        label = Static(self.rating.anchor_text(), classes="anchor")
        self.rating.anchor_label = label
        yield label
