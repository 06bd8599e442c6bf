"""The journal screen's hint line and keys at small sizes (issue 16, tester findings).

The hint line was one row high and cut at 80 and 100 columns ("Del:" was the
last readable word), and ``f`` typed into the search box while the hint line
offered it as the filter key. Now the line fits one row at 80 columns and names
the keys that work where the focus is: in the search box, how to reach the
list; in the list, Enter and f (Del and x are in the footer there).
"""

from __future__ import annotations

import pytest
from journal_fixtures.lookback import lookback_reflections
from rich.text import Text
from textual.widgets import Input, OptionList, Static

from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings
from reflect_tui.tui.screens.journal import JournalScreen


@pytest.fixture
def seeded(journal_path, read_journal):  # type: ignore[no-untyped-def]
    from tui_helpers import CLOCK

    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections(lookback_reflections())
    return journal_path


async def _open(pilot) -> JournalScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("j")
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, JournalScreen)
    return screen


def _fits(widget: Static, text: str) -> bool:
    """Every wrapped line of ``text`` has a row in the widget (nothing cut)."""
    width = widget.content_region.width
    lines = Text(text).wrap(widget.app.console, width)
    return len(lines) <= widget.content_region.height and all(
        line.cell_len <= width for line in lines
    )


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_hint_line_is_never_cut(seeded, make_app, size) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _open(pilot)
        line = screen.query_one("#journal-filter-line", Static)
        assert str(line.render()) == strings.JOURNAL_SEARCH_HINT
        assert _fits(line, strings.JOURNAL_SEARCH_HINT)
        await pilot.press("down")
        await pilot.pause()
        assert str(line.render()) == strings.JOURNAL_FILTER_HINT
        assert _fits(line, strings.JOURNAL_FILTER_HINT)
        footer = " ".join(
            b.binding.description
            for b in screen.active_bindings.values()
            if b.binding.show and b.enabled
        )
        assert strings.KEY_DELETE in footer and strings.KEY_EXPORT in footer


async def test_f_types_in_the_box_and_opens_filters_from_the_list(seeded, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        search = screen.query_one("#journal-search", Input)
        assert search.has_focus
        # While typing, the hint says how to reach the list, where f works.
        hint = str(screen.query_one("#journal-filter-line", Static).render())
        assert hint == strings.JOURNAL_SEARCH_HINT and "lijst" in hint
        await pilot.press("f")
        await pilot.pause()
        assert search.value == "f"  # typing letters into search keeps working
        assert not screen.query_one("#journal-filters").has_class("-open")
        await pilot.press("backspace", "down")
        await pilot.pause()
        assert screen.query_one("#journal-list", OptionList).has_focus
        await pilot.press("f")
        await pilot.pause()
        assert screen.query_one("#journal-filters").has_class("-open")
        assert search.value == ""


async def test_date_filter_placeholders_fit_at_80_columns(seeded, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        await pilot.press("down", "f")
        await pilot.pause()
        for field in screen.query("#filter-since, #filter-until").results(Input):
            assert len(field.placeholder) <= field.content_region.width, field.placeholder
