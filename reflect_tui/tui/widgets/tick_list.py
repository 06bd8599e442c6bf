"""A SelectionList whose ticks differ in shape, not only in colour.

Why: Textual draws every option's box with an "X" and tells ticked from
unticked by colour alone. Without colour (``NO_COLOR``, a monochrome
terminal, colour blindness) every practice then looks chosen. Here an
unticked box is empty.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from reflect_tui.tui import strings

ValueT = TypeVar("ValueT")


class TickList(SelectionList[ValueT]):
    # Shown in the Footer while a list has the focus (Textual hides it).
    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", strings.KEY_TOGGLE)]

    def action_select(self) -> None:
        """Tick or untick the highlighted option now, at the key.

        Textual's SelectionList toggles via a message handled later, and then
        toggles whatever is highlighted *by then*: in a fast burst
        (Down Space Down Space) both Spaces toggled the last option, so
        nothing was ticked, or an existing tick vanished.
        """
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if not option.disabled:
            self.toggle(option)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        # Textual's line: box left, box inside, box right, a space, the prompt.
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:  # no option on this line (past the end)
            return strip
        if selection.value in self.selected:
            return strip
        inner = segments[1]
        segments[1] = Segment(" " * len(inner.text), inner.style, inner.control)
        return Strip(segments, strip.cell_length)
