"""Editing a reflection while another window or ``reflect`` changes it (fresh-eyes
user test): an erasure elsewhere is never undone by typing here, the user is told
in a plain notice and chooses; a step ticked done elsewhere stays done when this
window finishes its edit. The store's side is in ``tests/test_journal_two_windows.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Button, Input
from tui_helpers import CLOCK, WIDE, notices, session, type_text

from reflect_tui.core.journal.model import Answer, NextStep, Reflection
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.confirm import ConfirmDialog

RID = "00000001-feed-4000-8000-0000000000aa"
SECRET = "GEWIST-verhaal-uit-venster-A"


def _old_reflection() -> Reflection:
    now = CLOCK.now()
    return Reflection(
        id=RID,
        title="old-0",
        occurred_on=date(2026, 10, 20),
        created_at=now,
        updated_at=now,
        status="complete",
        answers=[Answer("situatie", "luisteren", "Wie?", f"{SECRET} eerder")],
        next_steps=[NextStep("Team beheer vragen", None)],
    )


async def _edit_and_erase_elsewhere(app, pilot, journal_path: Path) -> None:
    app.store.add(_old_reflection())
    await pilot.pause()
    app.edit_reflection(RID)
    await pilot.pause()
    assert session(app).query_one("#title", Input).has_focus
    with JournalStore.open(journal_path, CLOCK) as shell:  # reflect delete --yes old-0
        shell.delete(RID)
    await type_text(pilot, " bijna")
    await app.flush_saves()
    await pilot.pause()
    await pilot.pause()


async def test_typing_in_a_reflection_erased_elsewhere_asks_and_closes(
    make_app, read_journal, journal_path
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await _edit_and_erase_elsewhere(app, pilot, journal_path)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        shown = " ".join(str(s.render()) for s in dialog.query("Static"))
        assert strings.GONE_ELSEWHERE_TITLE in shown and "gewist" in shown
        assert dialog.query_one("#no", Button).has_focus  # closing is the default
        await pilot.press("enter")
        await pilot.pause()
        assert not any(s.__class__.__name__ == "SessionScreen" for s in app.screen_stack)
        await pilot.press("ctrl+q")
    store = read_journal()
    assert store.list() == []
    for path in journal_path.parent.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


async def test_keeping_the_text_of_an_erased_reflection_makes_a_new_one(
    make_app, read_journal, journal_path
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await _edit_and_erase_elsewhere(app, pilot, journal_path)
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.query_one("#yes", Button).press()
        await pilot.pause()
        assert strings.GONE_KEPT_AS_NEW in notices(app)
        kept_id = session(app).flow.reflection.id
        assert kept_id != RID
        await type_text(pilot, "!")
        on_screen = session(app).query_one("#title", Input).value
        assert on_screen.startswith("old-0 ") and on_screen.endswith("!")
        await pilot.press("ctrl+q")
        await pilot.pause()
    store = read_journal()
    assert [s.id for s in store.list()] == [kept_id]
    kept = store.get(kept_id)
    assert (kept.title, kept.status) == (on_screen, "draft")


async def test_finishing_an_edit_keeps_a_step_ticked_done_in_another_window(
    make_app, read_journal, journal_path
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        app.store.add(_old_reflection())
        await pilot.pause()
        app.edit_reflection(RID)  # window B opens the tree reflection to edit
        await pilot.pause()
        with JournalStore.open(journal_path, CLOCK) as window_a:  # `d` on A's home screen
            window_a.set_next_step_done(RID, 0, True)
        await type_text(pilot, " nieuw")  # B changes the title and finishes (`a`)
        await session(app).finish()
        await pilot.pause()
        assert strings.MERGED_KEPT in notices(app)
        await pilot.press("ctrl+q")
    stored = read_journal().get(RID)
    assert stored.title == "old-0 nieuw"
    assert stored.status == "complete"
    assert [s.done for s in stored.next_steps] == [True]
