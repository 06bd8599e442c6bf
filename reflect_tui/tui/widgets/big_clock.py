"""A timer in solid blocks, as large as its space allows: for a projector at the back of a room.

Why not Textual's ``Digits``: those are three rows of thin box lines, hard to
read from a distance; these are five rows of full blocks, scaled up to fill
the widget (whole multiples, so every stroke stays the same thickness), and
they read in black and white and under NO_COLOR.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

# Five rows per glyph, "#" is a block.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
}
ROWS = 5
MAX_SCALE = 4


def render_lines(value: str, width: int, height: int) -> list[str]:
    """``value`` in block letters, scaled to fit ``width`` x ``height`` cells."""
    glyphs = [_FONT[ch] for ch in value if ch in _FONT]
    if not glyphs:
        return []
    base_width = sum(len(g[0]) for g in glyphs) + len(glyphs) - 1
    # Cells are about twice as tall as wide: twice the horizontal scale looks square.
    sy = max(1, min(MAX_SCALE, height // ROWS, width // (base_width * 2)))
    sx = max(1, min(2 * sy, width // base_width))
    lines = []
    for row in range(ROWS):
        parts = [g[row] for g in glyphs]
        line = " ".join(parts)
        scaled = "".join("█" * sx if ch == "#" else " " * sx for ch in line)
        lines.extend([scaled] * sy)
    return lines


class BigClock(Widget):
    """Shows a clock text (``12:30``, ``+1:05``) in scaled block letters, centred.

    Drawn line by line (``render_line``) rather than as text: Textual's text
    layout trims the spaces that open a line, which would shift each row of a
    glyph by a different amount.
    """

    DEFAULT_CSS = """
    BigClock {
        height: 1fr;
        width: 1fr;
    }
    """

    def __init__(self, value: str = "0:00", **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.value = value
        self._lines: list[str] = []
        self._for: tuple[str, int, int] = ("", 0, 0)

    def update(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width, height = self.size.width, self.size.height
        if self._for != (self.value, width, height):
            self._lines = render_lines(self.value, width, height)
            self._for = (self.value, width, height)
        top = max(0, (height - len(self._lines)) // 2)
        row = y - top
        style = self.rich_style
        if not 0 <= row < len(self._lines):
            return Strip([Segment(" " * width, style)], width)
        line = self._lines[row]
        left = max(0, (width - len(line)) // 2)
        text = (" " * left + line)[:width].ljust(width)
        return Strip([Segment(text, style)], width)
