"""A multi-line answer field that tells its step about edits directly, and
repaints only the line a typed key changed.

Why direct: Textual's TextArea posts two messages on every key (``Changed``
and ``SelectionChanged``) and each one bubbles through every ancestor: the
step view, the screen, the app; every hop is a queue and a dispatch. Answers
are where people type the most, so this field handles both messages itself:
it stops them and hands the new text to ``on_change``. Nothing above it
listens to cursor moves. In the typing benchmark this took about a third of
reflect's extra cost per key compared with a bare TextArea.

Why one line: TextArea's ``selection`` is a repainting reactive, and every
edit sets it, so each typed letter marked the whole field dirty. Textual then
re-rendered and re-sent every line of it (17 lines, ~4 KB of terminal output
for a letter at 100x30), on the path between the key and the frame. For an
edit inside one line that leaves everything else where it was (same number of
lines and wrapped rows, no scroll, no placeholder switch, no bracket match
moving), only that line's rows can differ, so only those are repainted; any
other edit repaints the whole field as before.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Self

from textual.document._document import EditResult
from textual.document._edit import Edit
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class AnswerArea(TextArea):
    # Inside a one-line edit: whether a whole-field repaint was asked for (and
    # held back); None outside such an edit. A class default: TextArea's
    # constructor already refreshes.
    _held_repaint: bool | None = None

    def __init__(self, text: str = "", *, on_change: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self._report_change = on_change

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw nothing, rather than crash, when painted after being removed.

        Textual clears a widget's component styles when it is removed, but a
        screen refresh already scheduled with the old layout can still paint
        it once; TextArea then asks for ``text-area--gutter`` and raises
        KeyError, which ended the app while moving quickly between steps
        (seen in the tmux navigation test). One dict check per paint.
        """
        if not self._component_styles:
            return [Strip.blank(crop.width) for _ in range(crop.height)]
        return super().render_lines(crop)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._report_change(self.text)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()

    # -- repainting only what an edit changed ---------------------------------

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._held_repaint is not None and not (regions or layout or recompose):
            self._held_repaint = True  # decided after the edit (see ``edit``)
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def edit(self, edit: Edit) -> EditResult:
        row = edit.top[0]
        if (
            self._held_repaint is not None
            or not self.is_mounted
            or edit.bottom[0] != row
            or "\n" in edit.text
            or not self._selection_on_row(row)
        ):
            return super().edit(edit)
        before = self._layout_key()
        self._held_repaint = False
        try:
            result = super().edit(edit)
        finally:
            held, self._held_repaint = self._held_repaint, None
        if held:
            if self._layout_key() == before and self._selection_on_row(row):
                self._refresh_row(row)
            else:
                self.refresh()
        return result

    def _selection_on_row(self, row: int) -> bool:
        start, end = self.selection
        return start[0] == end[0] == row

    def _layout_key(self) -> tuple[Hashable, ...]:
        """Everything besides the edited line that an edit can change on screen."""
        document = self.document
        return (
            document.line_count,
            self.wrapped_document.height,
            document.line_count == 1 and not document[0],  # the placeholder shows
            self.gutter_width,
            self.scroll_offset,
            self.size,
            self.suggestion,
            self._matching_bracket_location,
        )

    def _refresh_row(self, row: int) -> None:
        """Repaint the screen rows of one document line (more than one when wrapped)."""
        wrapped = self.wrapped_document
        first = wrapped.location_to_offset((row, 0)).y
        self.refresh_lines(first, len(wrapped.get_offsets(row)) + 1)
