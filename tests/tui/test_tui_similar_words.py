"""Earlier similar cases in the app (fresh-eyes finding 4): an earlier draft of the
same subject is offered and marked as a draft, with the telling words as the reason."""

from __future__ import annotations

from journal_fixtures.lookback import rid
from tui_helpers import CLOCK, WIDE, notices, past_intake, session

from reflect_tui.core.journal.store import JournalStore


async def test_an_earlier_draft_is_offered_marked_with_its_words(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await past_intake(
            pilot,
            title="Weer geluidsoverlast",
            what_happened="Omdat de buren willen bellen hebben we afgesproken dat ze bellen.",
        )
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert rid(8) in app.similar_ids  # "Geluidsoverlast", a draft: "Bellen met de buren."
        shown = "\n".join(notices(app))
        assert "Geluidsoverlast (27-2-2026, concept): " in shown, shown
        line = next(x for x in shown.splitlines() if x.startswith("• Geluidsoverlast"))
        # One reason, at most two names, "en meer" for the rest (finding 20): the
        # draft shares geluidsoverlast, bellen and buren.
        assert "geluidsoverlast" in line and "bellen" in line and line.endswith(" en meer")
        assert not any(w in line for w in ("omdat", "willen", "hebben"))


async def test_at_most_three_similar_cases_are_offered_of_many(seeded, make_app) -> None:
    """Six earlier cases about felling trees that politics hinders: the core finds
    them all when asked for ten, the app offers three (notice, list and journal)."""
    from datetime import date

    from journal_fixtures.helpers import sample_reflection

    from reflect_tui.core.journal.similar import MAX_CASES, similar_cases
    from reflect_tui.tui.screens.journal import JournalScreen

    trees = [
        sample_reflection(
            rid(20 + n),
            title=f"Bomen kappen aan de Kastanjelaan {n}",
            occurred_on=date(2026, 1, 1 + n),
            status="complete",
            case_kind="project",
            what_happened="De bomen worden gekapt; de wethouder aarzelt, de bewoners protesteren.",
            barriers=["politiek"],
        )
        for n in range(6)
    ]
    with JournalStore.open(seeded, CLOCK) as store:
        store.import_reflections(trees)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await past_intake(
            pilot,
            title="Bomen kappen aan de Kastanjelaan",
            what_happened="Weer bomen gekapt; de wethouder aarzelt, bewoners protesteren.",
            case_kind="project",
            barriers=("politiek",),
        )
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        reflection = session(app).flow.reflection
        assert len(app.similar_ids) == MAX_CASES == 3
        bullets = [line for n in notices(app) for line in n.splitlines() if line.startswith("• ")]
        assert len(bullets) == 3 and all("Kastanjelaan" in b for b in bullets), bullets
        app.action_similar()
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert {r.id for r in journal.rows} == set(app.similar_ids)
    with JournalStore.open(seeded, CLOCK) as store:
        more = similar_cases(store, reflection, limit=10)
    assert len(more) >= 6  # the cap, not the journal, keeps it at three
    assert {c.summary.id for c in more[:3]} == set(app.similar_ids)
