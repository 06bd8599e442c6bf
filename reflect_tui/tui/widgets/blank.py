"""Draw a container's own lines in one go, for widgets with nothing of their own to draw.

Why: on every key typed into an answer, Textual's compositor asks every
widget whose clip overlaps the changed field for ALL of its lines (not only
the changed ones). A container (the screen, a step view) has no content of
its own, yet each of its lines went through the styles cache one by one:
padding, filters, cropping. On the LSD answer step that was 54 of the 81
lines drawn per key (a bare TextArea app draws 50 in all). Textual's
``Widget.BLANK`` flag draws such a widget as blank lines at once, but it
skips the app's line filters (NO_COLOR, dimming) and uses a different style
than the styles cache, which changes the output; this draws exactly what the
styles cache draws for an empty line (the snapshot tests show no change).
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def blank_lines(widget: Widget, crop: Region) -> list[Strip] | None:
    """``crop``'s lines of a container that draws only its background;
    None when the widget has more than that (vertical padding, a border, a
    title, see-through colours), so the caller draws it the usual way."""
    styles = widget.styles
    padding = styles.padding
    if (
        padding.top
        or padding.bottom
        or styles.gutter != padding  # a border
        or any(kind not in ("", "none", "hidden") for kind, _ in styles.outline)
        or styles.hatch not in (None, "none")
        or styles.text_opacity != 1
        or styles.background_tint.a
        or widget.opacity < 1
    ):
        return None
    base_background, background = widget.background_colors
    # The styles cache fills an empty content line and the side padding with
    # blanks of this style (``StylesCache.get_inner_outer``'s inner style).
    style = RichStyle.from_color(bgcolor=(base_background + background).rich_color)
    width = widget.size.width
    line = Strip.blank(width, style)
    for line_filter in widget.get_line_filters():
        line = line.apply_filter(line_filter, background)
    if crop.column_span != (0, width):
        line = line.crop(*crop.column_span)
    return [line] * crop.height
