"""Home screen, suggest and coach queries stay bounded: counts from counters, few rows read."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from journal_fixtures.helpers import open_store, sample_reflection, update_fields

from reflect_tui.core.coach.learning import overdue_in
from reflect_tui.core.journal.model import NextStep
from reflect_tui.core.journal.summary import OVERDUE_SHOWN

TODAY = date(2026, 3, 1)


def _journal(n: int) -> list:  # type: ignore[type-arg]
    out = []
    for i in range(n):
        r = sample_reflection(f"r-{i:04d}", occurred_on=TODAY - timedelta(days=i))
        r.next_steps = [
            NextStep(f"stap {i}", TODAY - timedelta(days=(i * 7) % 50 + 1)),  # overdue
            NextStep(f"later {i}", TODAY + timedelta(days=3)),
            NextStep("", TODAY - timedelta(days=400)),  # empty: not a step
            NextStep("af", TODAY - timedelta(days=300), done=True),
        ]
        if i % 5 == 0:
            r.status = "draft"  # drafts' steps are not overdue for the coach
        out.append(r)
    return out


def test_overdue_is_a_count_the_oldest_date_and_the_few_most_urgent(tmp_path: Path) -> None:
    journal = _journal(60)
    with open_store(tmp_path) as store:
        store.import_reflections(journal)
        got = store.overdue_next_steps(TODAY)
    done = [r for r in journal if r.status == "complete"]
    assert got.total == len(done)
    assert got.oldest == min(r.next_steps[0].due for r in done)
    assert len(got.urgent) == OVERDUE_SHOWN
    # The most urgent are the oldest dates, shown newest case first.
    cutoff = sorted(r.next_steps[0].due for r in done)[OVERDUE_SHOWN - 1]
    assert all(due <= cutoff for _, due in got.urgent)
    positions = [next(i for i, r in enumerate(journal) if r.id == rid) for rid, _ in got.urgent]
    assert positions == sorted(positions)
    # The in-memory source gives the same answer for the same reflections.
    newest_first = sorted(done, key=lambda r: r.occurred_on, reverse=True)
    assert overdue_in(newest_first)(TODAY) == got


def test_counters_follow_every_write_path(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(_journal(12))
        assert store.count() == 12
        assert store.count_open_next_steps() == 24
        store.set_next_step_done("r-0001", 0, True)
        update_fields(store, "r-0002", next_steps=[NextStep("een")])
        store.delete("r-0003")  # children go by cascade
        draft = store.create_draft("nieuw")
        update_fields(store, draft.id, next_steps=[NextStep("x"), NextStep("y", done=True)])
        update_fields(store, draft.id, next_steps=[NextStep("x"), NextStep("")])
        assert store.count() == 12
        real = store._conn.execute("SELECT count(*) FROM next_steps WHERE done = 0 AND text != ''")
        assert store.count_open_next_steps() == real.fetchone()[0] == 24 - 1 - 1 - 2 + 1
        assert (
            store.count() == store._conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
        )


def test_overdue_count_walks_indexes_only(tmp_path: Path) -> None:
    """The overdue count reads the open-steps index and a covering index of
    reflections, never a reflection row (at 50,000 reflections the row reads
    cost 300 ms)."""
    with open_store(tmp_path) as store:
        store.import_reflections(_journal(3))
        captured: list[str] = []
        conn = store._conn
        store._conn = _Recorder(conn, captured)  # type: ignore[assignment]
        try:
            store.overdue_next_steps(TODAY)
        finally:
            store._conn = conn
        plans = [
            " ".join(str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in captured
        ]
    count = next(plan for (sql, _), plan in zip(captured, plans, strict=True) if "count(*)" in sql)
    assert "COVERING INDEX next_steps_open" in count, count
    assert "COVERING INDEX reflections_status" in count, count


class _Recorder:
    def __init__(self, conn: object, captured: list) -> None:  # type: ignore[type-arg]
        self._conn = conn
        self._captured = captured

    def execute(self, sql: str, params: tuple = ()):  # type: ignore[no-untyped-def, type-arg]
        self._captured.append((sql, params))
        return self._conn.execute(sql, params)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)
