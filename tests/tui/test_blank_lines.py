"""The session screen and its step views draw their own (blank) lines in one
go (``widgets/blank.py``, a typing-speed measure); the lines must be exactly
what Textual's styles cache draws, in colour and under NO_COLOR."""

from __future__ import annotations

import pytest
from conftest import AppFactory
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from tui_helpers import NARROW, WIDE, next_step, session

from reflect_tui.tui.steps.lsd import LsdView
from reflect_tui.tui.widgets.blank import blank_lines


def _cells(lines: list[Strip]) -> list[list[tuple[str, Style | None]]]:
    return [[(seg.text, seg.style) for seg in line.simplify()] for line in lines]


def _crops(widget: Widget) -> list[Region]:
    width, height = widget.size
    return [
        Region(0, 0, width, height),
        Region(0, 2, width, max(1, height - 4)),  # some lines, as a clip gives them
        Region(1, 0, width - 3, height),  # some columns
    ]


async def _check_on_lsd_step(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await next_step(pilot)
        await pilot.press("home", "space")
        await pilot.pause()
        await next_step(pilot)
        screen = session(app)
        view = screen.query_one("#step")
        assert isinstance(view, LsdView)
        for widget in (screen, view):
            for crop in _crops(widget):
                drawn = blank_lines(widget, crop)
                assert drawn is not None, f"{widget!r} is not drawn in one go"
                # Widget.render_lines: the styles cache, as Textual draws it;
                # the same cells (text and style), though maybe cut into
                # segments differently.
                reference = Widget.render_lines(widget, crop)
                assert _cells(drawn) == _cells(reference), (widget, crop)
                assert _cells(widget.render_lines(crop)) == _cells(drawn)


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_blank_lines_match_the_styles_cache(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    await _check_on_lsd_step(make_app, size)


async def test_blank_lines_match_under_no_color(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    await _check_on_lsd_step(make_app, NARROW)


async def test_a_border_is_drawn_the_usual_way(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        view = session(app).query_one("#step")
        view.styles.border = ("round", "red")
        await pilot.pause()
        assert blank_lines(view, Region(0, 0, *view.size)) is None
