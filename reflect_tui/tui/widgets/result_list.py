"""An OptionList whose rendered rows outlive a change of its options.

Why: the journal screen replaces its list on every search keystroke and
filter change (``set_options``), and Textual's ``OptionList`` then forgets
every rendered row, so each new page rendered ~40 rows again, with a handful
of ``Strip`` objects each: most of the paint that a keystroke waits for
(issue 13: each list update <= 50 ms at 50,000 reflections). Successive
pages mostly show the same reflections (typing on narrows the same newest
matches; a filter keeps some of them), so this list keeps what it rendered
per option, across pages, and a row shown before costs a lookup.

Options must therefore be reused for the same row (``Option`` compares by
identity): the journal screen keeps one ``Option`` per summary row shown
(``ResultList.option_for``), so an edited title, date or status is a new
row. The cache is keyed by the option, the row style (highlighted or not,
the theme), the padding and the width, and holds a bounded number of rows.

This overrides ``OptionList._get_option_render`` (a private Textual
method, pinned by ``textual<9``), keeping what it returns: the option's
lines padded to the list width and tagged with the option's index (mouse
clicks read it). ``tests/tui/test_result_list.py`` compares its lines with
Textual's own rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from rich.segment import Segment
from textual.cache import LRUCache
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

ROWS_KEPT = 512  # rendered rows kept (about five pages of each style: a few MB at most)
OPTIONS_KEPT = 512  # options kept for reuse by their row key


class ResultList(OptionList):
    """``OptionList`` with a row cache that ``set_options`` does not clear."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._rows: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(ROWS_KEPT)
        self._reused: LRUCache[Hashable, Option] = LRUCache(OPTIONS_KEPT)

    def option_for(self, key: Hashable, make: Callable[[], Content], option_id: str) -> Option:
        """The option shown for ``key`` (what the row shows), made once by ``make``."""
        option = self._reused.get(key)
        if option is None or option.id != option_id:
            option = Option(make(), id=option_id)
            self._reused[key] = option
        return option

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        key = (option, style, padding, width)
        base = self._rows.get(key)
        if base is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            rendered = visual.to_strips(self, visual, width, None, style)
            base = [strip.extend_cell_length(width, style.rich_style) for strip in rendered]
            self._rows[key] = base
        # The index can differ from page to page; a strip keeps its styled
        # copies (``Strip.apply_style`` caches them), so a row at an index it
        # had before costs nothing new.
        meta = {"option": self._option_to_index[option]}
        strips = [strip.apply_meta(meta) for strip in base]
        if option._divider:
            separator = self.get_visual_style("option-list--separator")
            strips.append(Strip([Segment("─" * width, separator.rich_style)], width))
        return strips
