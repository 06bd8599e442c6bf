"""The journal's result list keeps rendered rows across pages, and draws them
exactly as Textual's OptionList does.

Why: a new page of the journal screen replaced every option, and Textual's
OptionList then rendered every row again, the larger part of the paint a
keystroke waits for (issue 13). ``ResultList`` keeps each row's rendering
for an option it has seen, so these tests check that the lines (text,
styles and the option index a mouse click reads) are Textual's, page after
page, and that a row shown before is not rendered again.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reflect_tui.tui.text import join, plain
from reflect_tui.tui.widgets.result_list import ResultList

ROWS = {
    f"r{i}": join(plain(f"2026-11-{i + 1:02d}  ", "$text-muted"), plain(f"[b]titel {i}"))
    for i in range(12)
}


class Lists(App[None]):
    AUTO_FOCUS = None  # compared focused and unfocused (a focused list's highlight differs)
    CSS = "OptionList { height: 8; width: 40; text-wrap: nowrap; text-overflow: ellipsis; }"

    def compose(self) -> ComposeResult:
        yield ResultList(id="ours")
        yield OptionList(id="textual")


def _lines(option_list: OptionList) -> list[tuple[str, list[object]]]:
    strips: list[Strip] = [option_list.render_line(y) for y in range(option_list.size.height)]
    return [(strip.text, [(s.text, s.style) for s in strip]) for strip in strips]


async def _show(app: Lists, ids: list[str], highlight: int = 0) -> None:
    ours = app.query_one("#ours", ResultList)
    theirs = app.query_one("#textual", OptionList)
    ours.set_options([ours.option_for((i, ROWS[i]), lambda i=i: ROWS[i], i) for i in ids])
    theirs.set_options([Option(ROWS[i], id=i) for i in ids])
    ours.highlighted = theirs.highlighted = highlight


async def test_rows_are_drawn_as_textual_draws_them_page_after_page() -> None:
    app = Lists()
    async with app.run_test(size=(90, 20)) as pilot:
        pages = [
            ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"],
            ["r3", "r0", "r8", "r1"],  # rows seen before, at other places
            ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"],
            ["r9", "r10", "r11", "r0"],
        ]
        for n, page in enumerate(pages):
            await _show(app, page, highlight=n % 3)
            await pilot.pause()
            ours = app.query_one("#ours", ResultList)
            theirs = app.query_one("#textual", OptionList)
            assert _lines(ours) == _lines(theirs), page
            ours.focus()
            await pilot.pause()
            focused = _lines(ours)
            theirs.focus()
            await pilot.pause()
            assert focused == _lines(theirs), page
            app.set_focus(None)
            await pilot.pause()
            # A click reads the option's index from the line's style.
            for y in range(len(page)):
                metas = {s.style.meta.get("option") for s in ours.render_line(y) if s.style}
                assert metas == {y}


async def test_a_row_shown_before_is_not_rendered_again(monkeypatch) -> None:
    rendered: list[object] = []
    to_strips = Visual.to_strips

    def counting(widget, visual, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(widget, ResultList):
            rendered.append(visual)
        return to_strips(widget, visual, *args, **kwargs)

    monkeypatch.setattr(Visual, "to_strips", staticmethod(counting))
    app = Lists()
    async with app.run_test(size=(90, 20)) as pilot:
        await _show(app, ["r0", "r1", "r2", "r3"], highlight=0)
        await pilot.pause()
        first = len(rendered)
        assert first >= 4
        await _show(app, ["r2", "r3", "r4"], highlight=1)  # r3 highlighted: a new style
        await pilot.pause()
        # r4 is new and r3 is drawn highlighted; r2 (plain) was seen on the first page.
        assert len(rendered) - first == 2
        await _show(app, ["r0", "r1", "r2", "r3"], highlight=0)
        await pilot.pause()
        assert len(rendered) - first == 2


async def test_a_changed_row_is_a_new_option() -> None:
    app = Lists()
    async with app.run_test(size=(90, 20)):
        ours = app.query_one("#ours", ResultList)
        before = ours.option_for(("r1", "titel"), lambda: Content("titel"), "r1")
        assert ours.option_for(("r1", "titel"), lambda: Content("titel"), "r1") is before
        after = ours.option_for(("r1", "nieuwe titel"), lambda: Content("nieuwe titel"), "r1")
        assert after is not before
