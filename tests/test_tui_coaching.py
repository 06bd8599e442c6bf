"""The summary's tips stay put when the user comes back to the same reflection."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.journal.model import Answer
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.coaching import tips_for

CLOCK = FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))


def test_revisiting_a_summary_shows_the_same_tips_but_other_cases_rotate(tmp_path: Path) -> None:
    content = load_builtin()
    store = JournalStore.open(tmp_path / "journal.sqlite3", CLOCK)
    try:
        text = "De bewoners waren boos over de kap van de bomen; collega's van groen hielden vast."
        first = store.create_draft("Bomenkap")
        first.practices = ["relaties", "binnen-buiten"]
        first.answers = [Answer("relaties", "luisteren", "Wat hoorde je?", text)]
        store.save(first)
        shown = [m.tip.id for m in tips_for(first, content, store, CLOCK)]
        assert shown
        store.record_tips_shown(shown, first.id)

        again = [m.tip.id for m in tips_for(first, content, store, CLOCK)]
        assert again == shown

        second = store.create_draft("Bomenkap, deel twee")
        second.practices = first.practices
        second.answers = list(first.answers)
        store.save(second)
        rotated = [m.tip.id for m in tips_for(second, content, store, CLOCK)]
        assert rotated != shown
    finally:
        store.close()
