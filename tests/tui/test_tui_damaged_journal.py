"""A journal damaged after it was opened: every action says so in Dutch, nothing hangs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import CLOCK, notices

from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings
from reflect_tui.tui.screens.insights import InsightsScreen

PAGE = 4096


def damage_data_pages(journal_path: Path) -> None:
    """A journal whose schema still opens but whose rows are garbage: the pages
    of the reflections table and its indexes (pages 2-4 in a fresh journal)."""
    store = JournalStore.open(journal_path, CLOCK)
    store.create_draft(content_version="test")
    store.close()
    con = sqlite3.connect(journal_path)
    con.execute("pragma wal_checkpoint(truncate)")
    con.close()
    data = bytearray(journal_path.read_bytes())
    data[PAGE : 4 * PAGE] = b"\x5a" * (3 * PAGE)
    journal_path.write_bytes(bytes(data))


async def test_insights_on_a_damaged_journal_say_why_instead_of_loading_forever(
    make_app, journal_path: Path
) -> None:  # type: ignore[no-untyped-def]
    damage_data_pages(journal_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen)
        shown = str(app.screen.query_one("#insights-loading", Static).render())
        assert strings.INSIGHTS_LOADING not in shown
        assert "beschadigd" in shown and "reflect doctor" in shown
        assert any("reflect doctor" in n for n in notices(app))


async def test_new_reflection_on_a_damaged_journal_gives_a_notice(
    make_app, journal_path: Path
) -> None:  # type: ignore[no-untyped-def]
    damage_data_pages(journal_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert any("reflect doctor" in n for n in notices(app))


@pytest.mark.parametrize("key", ["j", "v", "r"])
async def test_journal_screens_on_a_damaged_journal_give_a_notice(
    make_app, journal_path: Path, key: str
) -> None:  # type: ignore[no-untyped-def]
    damage_data_pages(journal_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("reflect doctor" in n for n in notices(app))


async def test_damage_is_explained_once_with_its_own_title_then_in_one_line(
    make_app, journal_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A tester got "Er ging iets mis: ..." with the advice, once per screen that
    read a damaged page. Now: one titled notice, long enough to read, then short."""
    damage_data_pages(journal_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in ("r", "n"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        shown = list(app._notifications)  # no public accessor in Textual 8
        assert not any(n.message.startswith("Er ging iets mis") for n in shown)
        titled = [n for n in shown if n.title == strings.JOURNAL_DAMAGED_TITLE]
        assert len(titled) == 1 and "'reflect doctor' redt" in titled[0].message
        assert titled[0].timeout >= 30
        rest = [n.message for n in shown if n not in titled and n.severity == "error"]
        assert rest and set(rest) == {strings.JOURNAL_DAMAGED_AGAIN}
