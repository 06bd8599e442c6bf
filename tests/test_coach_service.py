"""One coaching service: the same tips for the same reflection, kept once shown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.coach.service import as_shown, rank_tips, reflection_tips
from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.journal.model import Answer, ShownTip
from reflect_tui.core.journal.store import JournalStore

CLOCK = FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
TEXT = "De bewoners waren boos over de kap van de bomen; collega's van groen hielden vast."


def test_revisiting_a_summary_shows_the_same_tips_but_other_cases_rotate(tmp_path: Path) -> None:
    content = load_builtin()
    store = JournalStore.open(tmp_path / "journal.sqlite3", CLOCK)
    try:
        first = store.create_draft("Bomenkap")
        first.practices = ["relaties", "binnen-buiten"]
        first.answers = [Answer("relaties", "luisteren", "Wat hoorde je?", TEXT)]
        store.save(first)
        shown, matches = reflection_tips(content, store, CLOCK.now(), first)
        assert shown and matches
        assert [t.rank for t in shown] == list(range(1, len(shown) + 1))
        store.record_tips_shown([t.tip for t in shown], first.id)

        # Ranked again (nothing kept yet): its own history does not rotate it.
        again, _ = reflection_tips(content, store, CLOCK.now(), first)
        assert again == shown

        second = store.create_draft("Bomenkap, deel twee")
        second.practices = first.practices
        second.answers = list(first.answers)
        store.save(second)
        rotated, _ = reflection_tips(content, store, CLOCK.now(), second)
        assert [t.tip for t in rotated] != [t.tip for t in shown]
    finally:
        store.close()


def test_kept_tips_come_back_as_shown_not_ranked_again(tmp_path: Path) -> None:
    content = load_builtin()
    with JournalStore.open(tmp_path / "journal.sqlite3", CLOCK) as store:
        r = store.create_draft("Bomenkap")
        r.answers = [Answer("relaties", "luisteren", "Wat hoorde je?", TEXT)]
        kept = [ShownTip("t-b", 2, ["tweede"]), ShownTip("t-a", 1, ["eerste", "nog een"])]
        r.tips = kept
        store.save(r)
        stored = store.get(r.id)
        assert stored.tips == kept  # rank, reasons and order survive the journal
        tips, matches = reflection_tips(content, store, CLOCK.now(), stored)
        assert matches is None
        assert [(t.tip, t.rank) for t in tips] == [("t-a", 1), ("t-b", 2)]


def test_as_shown_keeps_the_ranking_and_reasons() -> None:
    content = load_builtin()
    signals = Signals.from_reflection(_reflection())
    matches = rank_tips(content, None, CLOCK.now(), signals)
    shown = as_shown(matches)
    assert [(s.tip, s.rank, s.reasons) for s in shown] == [
        (m.tip.id, i, list(m.reasons)) for i, m in enumerate(matches, 1)
    ]


def _reflection():  # type: ignore[no-untyped-def]
    from reflect_tui.core.journal.model import Reflection

    r = Reflection("r1", "Bomenkap", CLOCK.today(), CLOCK.now(), CLOCK.now())
    r.answers = [Answer("relaties", "luisteren", "", TEXT)]
    return r
