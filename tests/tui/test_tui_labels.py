"""Labels in the guided flow (fresh-eyes finding 6): typed in the closing step as one
comma-separated line, stored as the journal's tags, editable on a finished reflection."""

from __future__ import annotations

from pathlib import Path

import pytest
from journal_fixtures.helpers import sample_reflection
from textual.widgets import Input
from tui_helpers import CLOCK, WIDE, next_step, session, type_text

from reflect_tui.core.journal.query import JournalQuery, distinct_tags, find
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.render import reflection_markdown

FINISHED = "abcdef00-0000-4000-8000-000000000000"


@pytest.fixture
def finished(journal_path: Path) -> Path:
    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections([sample_reflection(FINISHED, tags=["bomen", "Lindelaan"])])
    return journal_path


async def test_labels_typed_in_the_closing_step_are_stored_as_tags(make_app, read_journal):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_intake(title="Marktplein")
        s.flow.go_to("closing")
        await s.show_step()
        await pilot.pause()
        field = s.query_one("#tags", Input)
        field.focus()
        await type_text(pilot, "Kermis, ")
        field.insert_text_at_cursor(" #Marktplein ,,kermis;  groene   straat")
        await pilot.pause()
        assert s.flow.reflection.tags == ["kermis", "marktplein", "groene straat"]
        assert field.value == "Kermis,  #Marktplein ,,kermis;  groene   straat"  # as typed
        rid = s.flow.reflection.id
        await next_step(pilot)  # the overview shows them
        assert s.flow.current.key == "summary"
        assert "Labels: kermis, marktplein, groene straat" in reflection_markdown(
            s.flow.reflection, app.content
        )
        await app.flush_saves()
    store = read_journal()
    assert store.get(rid).tags == ["kermis", "marktplein", "groene straat"]
    assert "groene straat" in distinct_tags(store)  # the journal's Label filter offers it
    assert [r.id for r in find(store, JournalQuery(tags=("kermis",)))] == [rid]


async def test_a_finished_reflection_shows_its_labels_and_they_can_be_changed(
    finished, make_app, read_journal
):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.edit_reflection(FINISHED)
        await pilot.pause()
        s = session(app)
        s.flow.go_to("closing")
        await s.show_step()
        await pilot.pause()
        field = s.query_one("#tags", Input)
        assert field.value == "bomen, Lindelaan"
        assert s.flow.reflection.tags == ["bomen", "Lindelaan"]  # showing rewrites nothing
        field.focus()
        field.action_end()
        await type_text(pilot, ", kap")
        await pilot.pause()
        await app.flush_saves()
    stored = read_journal().get(FINISHED)
    assert stored.tags == ["bomen", "lindelaan", "kap"]
    assert stored.status == "complete"
