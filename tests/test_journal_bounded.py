"""Home screen, suggest and coach queries stay bounded: counts from counters, few rows read."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from journal_fixtures.helpers import open_store, sample_reflection, update_fields

from reflect_tui.core.coach.learning import overdue_in
from reflect_tui.core.journal.model import NextStep
from reflect_tui.core.journal.store import JournalStore
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
            r.status = "draft"  # drafts' steps count too, as on the home screen
        out.append(r)
    return out


def test_overdue_is_a_count_the_oldest_date_and_the_few_most_urgent(tmp_path: Path) -> None:
    journal = _journal(60)
    with open_store(tmp_path) as store:
        store.import_reflections(journal)
        got = store.overdue_next_steps(TODAY)
    done = journal  # drafts included: one rule for home, insights and the coach
    assert any(r.status == "draft" for r in done)
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
    """The overdue count reads the open-steps index only, never a reflection
    (at 50,000 reflections the row reads cost 300 ms)."""
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
    assert " r " not in f" {count} " and "reflections" not in count, count


class _Recorder:
    def __init__(self, conn: object, captured: list) -> None:  # type: ignore[type-arg]
        self._conn = conn
        self._captured = captured

    def execute(self, sql: str, params: tuple = ()):  # type: ignore[no-untyped-def, type-arg]
        self._captured.append((sql, params))
        return self._conn.execute(sql, params)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def _home_screen_reads(store: JournalStore) -> tuple[int, list[str]]:
    """The reads of the home screen's first two frames, as ``HomeBody._load_head``
    and ``HomeBody._load_lists`` make them (tui/screens/home.py): SQLite's
    virtual machine steps they took and the statements they ran."""
    from reflect_tui.tui.screens.home import RECENT_LIMIT, STEPS_LIMIT

    conn = store._conn
    steps = [0]
    statements: list[str] = []

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 1)
    conn.set_trace_callback(statements.append)
    try:
        store.drafts(limit=1)
        store.count()
        store.list(limit=RECENT_LIMIT + 1)
        assert len(store.open_next_steps(limit=STEPS_LIMIT)) == STEPS_LIMIT
        store.count_open_next_steps()
    finally:
        conn.set_progress_handler(None, 1)
        conn.set_trace_callback(None)
    return steps[0], statements


def test_the_home_screen_reads_the_same_whatever_the_journal_size(tmp_path: Path) -> None:
    """What the home screen reads before its lists are drawn does not grow with
    the journal (issue 12: lists drawn <= 1.3x a bare app's first frame at
    50,000 reflections). Two checks, both counts, never times:

    - SQLite's virtual machine steps on journals of 40 and 400 reflections:
      a query that sorted or filtered every row takes ~10x the steps there;
    - every statement's plan: a table is only scanned along an index, under
      a LIMIT (walked in order, stopped early), never sorted whole; anything
      else is a keyed lookup. ``count(*)`` is one step in SQLite's virtual
      machine whatever it reads, so the plan is what catches a count that
      walks the table instead of reading a counter.
    """
    with open_store(tmp_path / "small") as store:
        store.import_reflections(_journal(40))
        small, _ = _home_screen_reads(store)
    with open_store(tmp_path / "big") as store:
        store.import_reflections(_journal(400))
        big, statements = _home_screen_reads(store)
        plans = {
            sql: [str(row[3]) for row in store._conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            for sql in statements
        }
    assert small > 0
    # A deeper B-tree costs a few steps more per lookup; nothing near 10x.
    assert big <= small * 1.25, (small, big)
    assert len(plans) == 5
    for sql, plan in plans.items():
        for line in plan:
            assert not line.startswith("SCAN") or ("USING" in line and "LIMIT" in sql), (sql, plan)
            assert "TEMP B-TREE FOR ORDER BY" not in line, (sql, plan)
            assert "RIGHT PART OF ORDER BY" not in line or "LIMIT" in sql, (sql, plan)


def _learning_reads(store: JournalStore) -> tuple[int, list[str], int]:
    """What ``reflect suggest``, the coach and the summary's learning
    suggestions read (``coach.service.learning_for``): SQLite's virtual
    machine steps, the statements, and the number of suggestions."""
    from reflect_tui.core.coach.service import learning_for
    from reflect_tui.core.content.loader import load_builtin

    content = load_builtin()
    conn = store._conn
    steps = [0]
    statements: list[str] = []

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 1)
    conn.set_trace_callback(statements.append)
    try:
        found = learning_for(content, store, TODAY)
    finally:
        conn.set_progress_handler(None, 1)
        conn.set_trace_callback(None)
    return steps[0], statements, len(found)


def test_suggest_and_the_coach_read_the_same_whatever_the_journal_size(tmp_path: Path) -> None:
    """Learning suggestions read the recent reflections and the overdue count,
    never the whole journal (issue 12: ``suggest`` at 50,000 reflections <=
    1.2x its time on an empty journal, coach pass <= 50 ms). Counted in
    SQLite's virtual machine steps at 40 and 400 reflections, and checked in
    every statement's plan, as for the home screen above. Both journals have
    the same 8 overdue steps: the overdue count walks the open-steps index, so
    it grows with the overdue steps (the issue's "a count"), never with the
    journal."""

    def journal(n: int) -> list:  # type: ignore[type-arg]
        out = _journal(n)
        for i, r in enumerate(out):
            if i >= 10:
                r.next_steps = [s for s in r.next_steps if s.due is None or s.due > TODAY]
        return out

    with open_store(tmp_path / "small") as store:
        store.import_reflections(journal(40))
        small, _, small_found = _learning_reads(store)
    with open_store(tmp_path / "big") as store:
        store.import_reflections(journal(400))
        big, statements, big_found = _learning_reads(store)
        plans = {
            sql: [str(row[3]) for row in store._conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            for sql in set(statements)
            if sql.lstrip().upper().startswith("SELECT")
        }
    assert small > 0 and small_found > 0 and big_found > 0
    assert big <= small * 1.25, (small, big)
    assert plans
    for sql, plan in plans.items():
        for line in plan:
            assert not line.startswith("SCAN") or "USING" in line, (sql, plan)
            assert "TEMP B-TREE FOR ORDER BY" not in line or "LIMIT" in sql, (sql, plan)


def test_finished_reflections_newest_first_walk_the_date_index(tmp_path: Path) -> None:
    """``recent(complete_only=True)`` (coach, suggest) and ``list(status=
    'complete')`` (``reflect list --status afgerond``) walk the date index under
    their LIMIT; they used to read every reflection and sort them all (36 ms
    warm, seconds from a cold cache, at 50,000 reflections)."""
    with open_store(tmp_path) as store:
        store.import_reflections(_journal(30))
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        try:
            assert len(store.recent(5, complete_only=True)) == 5
            assert len(store.list(limit=5, status="complete")) == 5
        finally:
            store._conn.set_trace_callback(None)
        selects = [s for s in statements if "ORDER BY" in s and "LIMIT" in s]
        assert len(selects) == 2
        for sql in selects:
            plan = [str(row[3]) for row in store._conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            assert any("USING INDEX reflections_by_date" in line for line in plan), (sql, plan)
            assert not any(line.startswith("USE TEMP B-TREE FOR ORDER BY") for line in plan), plan
