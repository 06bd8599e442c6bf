"""An unrated 1-5 scale says where the first arrow lands, and it lands there.

Fresh-eyes finding: the first → on an unrated principle picked 3 and four
presses gave 5, which surprised because nothing said so. The middle start is
kept (see ``FIRST_MOVE``); the line under the scale now names it.
"""

from __future__ import annotations

import re

from textual.app import App, ComposeResult

from reflect_tui.tui.widgets.rating import RatingInput, RatingWithAnchor


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield RatingWithAnchor(RatingInput({n: f"anker {n}" for n in range(1, 6)}, id="r"))


async def test_the_unrated_line_names_where_each_first_arrow_lands() -> None:
    for key in ("right", "left"):
        app = _One()
        async with app.run_test() as pilot:
            rating = app.query_one("#r", RatingInput)
            rating.focus()
            said = re.findall(r"\d", rating.anchor_text().plain)
            assert len(said) == 1, rating.anchor_text().plain
            await pilot.press(key)
            await pilot.pause()
            assert rating.value == int(said[0])
