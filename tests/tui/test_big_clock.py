"""The projector clock: block letters scaled to fit, every row the same width."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from reflect_tui.tui.widgets.big_clock import ROWS, BigClock, render_lines


@pytest.mark.parametrize(("width", "height"), [(80, 14), (120, 30), (20, 5)])
def test_lines_fit_and_line_up(width: int, height: int) -> None:
    lines = render_lines("+10:59", width, height)
    assert lines and len(lines) % ROWS == 0 and len(lines) <= max(height, ROWS)
    assert len({len(line) for line in lines}) == 1  # no row shifted
    assert len(lines[0]) <= max(width, 21)


def test_bigger_space_gives_bigger_digits() -> None:
    small = render_lines("9:00", 40, 10)
    big = render_lines("9:00", 120, 30)
    assert len(big) > len(small) and len(big[0]) > len(small[0])


async def test_widget_draws_the_rows_centred() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield BigClock("+1:15")

    app = One()
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.pause()
        clock = app.query_one(BigClock)
        rows = [clock.render_line(y).text for y in range(14)]
        inked = [r for r in rows if r.strip()]
        assert len(inked) == ROWS
        lefts = {len(r) - len(r.lstrip()) for r in inked}
        assert min(lefts) > 0  # centred, not glued to the left edge
        # The "+" has no ink in its top row, the "1" does: rows keep their own offsets.
        assert len(lefts) > 1
