"""The ``rating_days`` summary (schema 6) always equals the ratings it sums.

The insights' ratings over time read this summary instead of every rating,
so any write path that left it behind would show wrong means silently:
import, save with changed ratings, a changed date or status, delete, and a
journal migrated from schema 5 are each checked against the plain join.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from journal_fixtures.helpers import open_store
from journal_fixtures.lookback import lookback_reflections, rid

from reflect_tui.core.insights import compute, scope_for
from reflect_tui.core.journal.model import PrincipleRating
from reflect_tui.core.journal.query import JournalQuery

TODAY = date(2026, 3, 1)


def _summary(store) -> set[tuple[str, str, str, int, int]]:  # type: ignore[no-untyped-def]
    rows = store.read_rows(
        "SELECT status, day, principle, total, n FROM rating_days WHERE n > 0", []
    )
    return {tuple(r) for r in rows}


def _from_ratings(store) -> set[tuple[str, str, str, int, int]]:  # type: ignore[no-untyped-def]
    rows = store.read_rows(
        "SELECT r.status, r.occurred_on, p.principle, sum(p.rating), count(p.rating)"
        " FROM reflections r JOIN principle_ratings p ON p.reflection_seq = r.seq"
        " WHERE p.rating IS NOT NULL GROUP BY 1, 2, 3",
        [],
    )
    return {tuple(r) for r in rows}


def test_summary_follows_every_write(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        assert _summary(store) and _summary(store) == _from_ratings(store)

        one = store.get(rid(4))
        one.principles = [PrincipleRating("open", 1), PrincipleRating("eerlijk", 5)]
        store.save(one)
        assert _summary(store) == _from_ratings(store)

        moved = replace(store.get(rid(5)), occurred_on=date(2024, 1, 3), status="draft")
        store.save(moved)
        assert _summary(store) == _from_ratings(store)

        store.delete(rid(6))
        assert _summary(store) == _from_ratings(store)


def test_summary_follows_a_streamed_bulk_import(tmp_path: Path) -> None:
    """The bulk path suspends the per-rating trigger and sums a batch at once; the
    summary must still equal the ratings, on top of existing rows, and the trigger
    must be back afterwards (a later save still moves the sums)."""
    everything = lookback_reflections()
    with open_store(tmp_path) as store:
        store.import_reflections(everything[:3])
        store.import_stream(everything[3:], batch=2)
        assert _summary(store) and _summary(store) == _from_ratings(store)
        one = store.get(rid(4))
        one.principles = [PrincipleRating("open", 1), PrincipleRating("eerlijk", 5)]
        store.save(one)
        assert _summary(store) == _from_ratings(store)


def test_ratings_from_summary_equal_ratings_from_rows(tmp_path: Path) -> None:
    """The summary path (status and dates) and the join path (any other filter)
    give the same series; a practice filter that selects everything forces the join."""
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        for since in (None, date(2025, 9, 15), date(2026, 1, 1)):
            fast = compute(store, TODAY, since=since).ratings
            every = tuple({p for r in lookback_reflections() for p in r.practices})
            joined = compute(
                store,
                TODAY,
                scope=scope_for(since, JournalQuery(status="complete", practices=every)),
            ).ratings
            assert fast == joined and fast


def test_migration_from_schema_5_fills_the_summary(tmp_path: Path) -> None:
    """A journal written by the schema-5 release (committed fixture) gets a full
    summary, and the triggers keep it (joined on ``seq`` from schema 7) when it changes."""
    import shutil

    from journal_fixtures.helpers import FIXTURES

    shutil.copy(FIXTURES / "v5_journal.sqlite3", tmp_path / "journal.sqlite3")
    with open_store(tmp_path) as store:
        assert _summary(store) == _from_ratings(store) != set()
        first = store.all()[0]
        first.principles[0] = PrincipleRating(first.principles[0].id, 5, "")
        first.status = "draft"
        store.save(first)
        store.delete(store.all()[-1].id)
        assert _summary(store) == _from_ratings(store)
