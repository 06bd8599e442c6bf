"""Earlier similar cases in the app (fresh-eyes finding 4): an earlier draft of the
same subject is offered and marked as a draft, with the telling words as the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from journal_fixtures.lookback import lookback_reflections, rid
from tui_helpers import CLOCK, WIDE, next_step, notices, session

from reflect_tui.core.journal.store import JournalStore


@pytest.fixture
def seeded(journal_path: Path) -> Path:
    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections(lookback_reflections())
    return journal_path


async def test_an_earlier_draft_is_offered_marked_with_its_words(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_intake(
            title="Weer geluidsoverlast",
            case_kind=None,
            who="",
            what_happened="Omdat de buren willen bellen hebben we afgesproken dat ze bellen.",
        )
        await next_step(pilot)
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert rid(8) in app.similar_ids  # "Geluidsoverlast", a draft: "Bellen met de buren."
        shown = "\n".join(notices(app))
        assert "Geluidsoverlast (27-2-2026, concept): " in shown, shown
        line = next(x for x in shown.splitlines() if x.startswith("• Geluidsoverlast"))
        assert "geluidsoverlast" in line and "buren" in line and "bellen" in line
        assert not any(w in line for w in ("omdat", "willen", "hebben"))
