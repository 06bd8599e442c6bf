"""Issue 18 defect 10: two windows on one draft never silently undo each other.

The app refuses the second editor (see ``core/instance.claim_draft`` for
why refusing beats merging): while one window edits a draft, another shows
it read-only with a notice, and its writer never saves that draft. When the
first window leaves the draft, the second may edit it.
"""

from __future__ import annotations

from tui_helpers import WIDE, notices, session, type_text

from reflect_tui.core.instance import claim_draft
from reflect_tui.tui import strings
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.screens.read import ReadScreen


def test_a_draft_can_be_claimed_once(tmp_path) -> None:
    journal = tmp_path / "journal.sqlite3"
    first = claim_draft(journal, "r/1\x1b")
    assert first is not None
    assert claim_draft(journal, "r/1\x1b") is None
    assert claim_draft(journal, "r-2") is not None  # another draft is free
    first.release()
    again = claim_draft(journal, "r/1\x1b")
    assert again is not None
    again.release()


async def test_the_second_window_reads_and_the_first_keeps_its_edits(
    make_app, read_journal, journal_path
) -> None:
    first = make_app()
    second = make_app()
    async with first.run_test(size=WIDE) as pilot_one:
        await pilot_one.press("n")
        await pilot_one.pause()
        await type_text(pilot_one, "Eerste venster")
        rid = session(first).flow.reflection.id
        assert first.saver.flush(timeout=2)
        async with second.run_test(size=WIDE) as pilot_two:
            await pilot_two.pause()
            second.open_reflection(rid)
            await pilot_two.pause()
            assert isinstance(second.screen, ReadScreen)
            assert any(strings.DRAFT_ELSEWHERE in n for n in notices(second))
            assert not second.saver.pending
        await type_text(pilot_one, " blijft")
        await pilot_one.press("ctrl+q")
    assert read_journal().get(rid).title == "Eerste venster blijft"


async def test_leaving_the_draft_lets_another_window_edit_it(make_app) -> None:
    first = make_app()
    async with first.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        rid = session(first).flow.reflection.id
        await type_text(pilot, "x")
        await first.action_home()
        await pilot.pause()
        assert isinstance(first.screen, HomeScreen)
        claim = claim_draft(first.store.path, rid)
        assert claim is not None  # the first window gave it up
        claim.release()
