"""The home screen names how many drafts there are besides the one ``r``
resumes, and ``c`` lists them all. Tester: with 4 drafts it said only
"Je bent nog bezig met: Groot antwoord 2" and nothing led to the other 3."""

from __future__ import annotations

from journal_fixtures.helpers import CLOCK
from journal_fixtures.lookback import rid
from textual.widgets import Static
from tui_helpers import WIDE, settle

from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.screens.journal import JournalScreen


async def test_home_counts_the_other_drafts_and_c_lists_them(seeded, make_app) -> None:
    with JournalStore.open(seeded, CLOCK) as store:
        assert store.count_drafts() == 2  # 3 and 8 of the looking-back journal
        assert [d.id for d in store.drafts(limit=1)] == [rid(8)]
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        line = str(home.query_one("#more-drafts", Static).render())
        assert line == strings.HOME_MORE_DRAFTS[0]  # "nog 1 ander concept"
        await pilot.press("c")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert journal.sub_title == strings.HOME_DRAFTS_HEADING
        assert [s.id for s in journal.rows] == [rid(8), rid(3)]


async def test_no_line_with_a_single_draft(journal_path, make_app) -> None:
    from journal_fixtures.helpers import sample_reflection

    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections([sample_reflection(rid(1), status="draft")])
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.screen.query("#draft-line")
        assert not app.screen.query("#more-drafts")
