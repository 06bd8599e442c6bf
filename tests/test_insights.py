"""Insights over time (core): counts, trends, ratings, skipped steps, next steps, drill-down."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store
from journal_fixtures.lookback import lookback_reflections, rid

from reflect_tui.core import insights
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.insights import Drill, calendar, compute, drill_query, own_table
from reflect_tui.core.journal.query import find

TODAY = date(2026, 3, 1)  # the last 90 days start on 2025-12-01


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path) as s:
        s.import_reflections(lookback_reflections())
        yield s


def _counts(items) -> dict[str, tuple[int, int, int, str]]:
    return {c.key: (c.count, c.recent, c.before, c.trend) for c in items}


def test_counts_finished_reflections_recent_against_before(store) -> None:
    result = compute(store, TODAY)
    # finished: 1, 2 before the cut; 4, 5, 6, 7 after it (3 and 8 are drafts)
    assert (result.total, result.recent_total, result.before_total) == (6, 4, 2)
    practices = _counts(result.practices)
    assert practices["situatie"] == (3, 2, 1, "flat")  # 2/4 vs 1/2
    assert practices["relaties"] == (2, 1, 1, "down")  # 1/4 vs 1/2
    assert practices["binnen-buiten"] == (1, 1, 0, "up")
    assert _counts(result.barriers)["politiek"] == (3, 2, 1, "flat")
    assert _counts(result.helps)["collegas"] == (1, 0, 1, "down")
    assert _counts(result.case_kinds)["klacht"] == (2, 1, 1, "down")
    assert result.practices[0].key == "situatie"  # most chosen first


def test_since_narrows_every_number(store) -> None:
    result = compute(store, TODAY, since=date(2026, 1, 1))
    assert result.total == 3 and result.before_total == 0
    assert {c.trend for c in result.practices} == {""}  # nothing before to compare with


def test_ratings_over_time_and_trend(store) -> None:
    result = compute(store, TODAY)
    open_ = next(r for r in result.ratings if r.principle == "open")
    # ratings 1 + n % 5: n=1 -> 2, 2 -> 3, 4 -> 5, 5 -> 1, 6 -> 2, 7 -> 3
    assert [(m, v) for m, v, _ in open_.months] == [
        ("2025-06", 2.0),
        ("2025-09", 3.0),
        ("2025-12", 5.0),
        ("2026-01", 1.0),
        ("2026-02", 2.5),
    ]
    assert open_.recent_mean == pytest.approx(2.75) and open_.before_mean == pytest.approx(2.5)
    assert open_.trend == "flat"
    verbindend = next(r for r in result.ratings if r.principle == "verbindend")
    assert verbindend.mean == 3.0


def test_skipped_steps_per_practice(store) -> None:
    result = compute(store, TODAY)
    skips = {(s.practice, s.step): (s.skipped, s.chosen) for s in result.skips}
    # every chosen practice has a "luisteren" answer only
    assert skips["situatie", "luisteren"] == (0, 3)
    assert skips["situatie", "doorvragen"] == (3, 3)
    query = drill_query(
        store, insights.DEFAULT_SCOPE, Drill("skipped", "situatie/doorvragen"), TODAY
    )
    assert sorted(query.ids or ()) == sorted([rid(1), rid(4), rid(6)])


def test_next_steps_done_open_overdue(store) -> None:
    steps = compute(store, TODAY).next_steps
    # all 8 count, drafts 3 and 8 too (insights.steps_scope): done when n is even
    # (2, 4, 6, 8); due 30 days after the case: 5 (due 2026-02-07), 3 (2025-12-20)
    # and 1 are overdue, 7 (due 2026-03-22) is open
    assert (steps.done, steps.open, steps.overdue, steps.undated) == (4, 1, 3, 0)
    overdue = drill_query(store, insights.DEFAULT_SCOPE, Drill("steps", "overdue"), TODAY)
    assert overdue.ids is None  # a condition, not a list (50,000 done steps would not fit)
    assert sorted(s.id for s in find(store, overdue)) == sorted([rid(1), rid(3), rid(5)])
    for state, n in (("done", 4), ("open", 1), ("undated", 0)):
        query = drill_query(store, insights.DEFAULT_SCOPE, Drill("steps", state), TODAY)
        assert len(find(store, query)) == n, state


def test_every_count_opens_to_exactly_its_reflections(store) -> None:
    result = compute(store, TODAY)
    for group in (result.practices, result.barriers, result.helps, result.case_kinds):
        for item in group:
            query = drill_query(store, insights.DEFAULT_SCOPE, item.drill, TODAY)
            assert len(find(store, query)) == item.count, item
    for day, n in result.days.items():
        query = drill_query(store, insights.DEFAULT_SCOPE, Drill("day", day.isoformat()), TODAY)
        assert len(find(store, query)) == n
    month = drill_query(store, insights.DEFAULT_SCOPE, Drill("month", "2026-02"), TODAY)
    assert len(find(store, month)) == 2


def test_own_table_beside_the_essay(store) -> None:
    content = load_builtin()
    rows = own_table(compute(store, TODAY).barriers, content.barriers, "barriers")
    assert [r.factor_id for r in rows[:2]] == ["politiek", "collegas"]  # 3 and 1... by count
    assert rows[0].own_rank == 1 and rows[0].times == 3
    essay_rank = {b.id: b.rank for b in content.barriers}
    assert all(r.essay_rank == essay_rank[r.factor_id] for r in rows)
    assert len(rows) == len(content.barriers)
    never = [r for r in rows if r.own_rank is None]
    assert never and [r.essay_rank for r in never] == sorted(r.essay_rank for r in never)


def test_calendar_whole_weeks_and_no_streaks() -> None:
    days = {date(2026, 2, 27): 2, date(2026, 1, 8): 1}
    for window, weeks in insights.WINDOWS.items():
        grid = calendar(days, window, TODAY)
        assert len(grid) == weeks and all(len(w) == 7 for w in grid)
        assert grid[-1][0].day.weekday() == 0 and grid[-1][-1].day >= TODAY
    quarter = calendar(days, "quarter", TODAY)
    cells = {c.day: c.reflections for week in quarter for c in week}
    assert cells[date(2026, 2, 27)] == 2 and cells[date(2026, 1, 8)] == 1
    assert not any("streak" in name for name in dir(insights))


def test_empty_journal(tmp_path: Path) -> None:
    with open_store(tmp_path) as s:
        result = compute(s, TODAY)
    assert result.total == 0 and result.practices == () and result.next_steps.done == 0
    assert result.to_json()["total"] == 0


def test_a_rating_line_opens_the_reflections_that_rated_it(store) -> None:
    from reflect_tui.core.journal.model import PrincipleRating

    unrated = store.get(rid(2))  # "verbindend" left without a rating
    unrated.principles = [PrincipleRating("open", 3), PrincipleRating("verbindend", None)]
    store.save(unrated)
    result = compute(store, TODAY)
    saved = [store.get(r.id) for r in lookback_reflections()]
    for series in result.ratings:
        query = drill_query(store, insights.DEFAULT_SCOPE, series.drill, TODAY)
        rated = {
            r.id
            for r in saved
            if r.status == "complete"
            and any(p.id == series.principle and p.rating for p in r.principles)
        }
        assert {s.id for s in find(store, query)} == rated, series.principle
        assert sum(n for _m, _v, n in series.months) >= len(rated) > 0
    verbindend = next(s for s in result.ratings if s.principle == "verbindend")
    query = drill_query(store, insights.DEFAULT_SCOPE, verbindend.drill, TODAY)
    assert rid(2) not in {s.id for s in find(store, query)}


def test_the_totals_open_to_exactly_their_reflections(store) -> None:
    result = compute(store, TODAY)
    numbers = {key: n for key, n, _drill in insights.totals(result)}
    assert numbers == {"total": 6, "recent": 4, "before": 2}
    for key, n, drill in insights.totals(result):
        query = drill_query(store, insights.DEFAULT_SCOPE, drill, TODAY)
        assert len(find(store, query)) == n, key
    since = compute(store, TODAY, since=date(2025, 9, 1))
    for key, n, drill in insights.totals(since):
        query = drill_query(store, insights.scope_for(date(2025, 9, 1)), drill, TODAY)
        assert len(find(store, query)) == n, key


def test_a_days_drill_opens_exactly_the_finished_reflections_of_its_span(store) -> None:
    """``("days", FROM..TO)`` is what every calendar row opens: both ends count,
    drafts stay out (the scope), and a scope's own dates narrow it further."""

    def ids(scope, key: str) -> list[str]:
        return sorted(
            s.id for s in find(store, drill_query(store, scope, Drill("days", key), TODAY))
        )

    scope = insights.DEFAULT_SCOPE
    assert ids(scope, "2026-02-16..2026-02-22") == [rid(7)]
    assert ids(scope, "2026-02-01..2026-02-28") == [rid(6), rid(7)]  # 8 is a draft
    assert ids(scope, "2026-02-03..2026-02-03") == [rid(6)]  # one day: both ends inclusive
    assert ids(scope, "2026-02-04..2026-02-19") == []  # between 6 and 7
    assert ids(insights.scope_for(date(2026, 2, 10)), "2026-02-01..2026-02-28") == [rid(7)]
    # Each week row of the year calendar opens as many as the row's total says.
    result = compute(store, TODAY)
    for week in calendar(result.days, "year", TODAY):
        key = f"{week[0].day.isoformat()}..{week[-1].day.isoformat()}"
        assert len(ids(scope, key)) == sum(c.reflections for c in week if c.in_window), key
    assert sum(result.days.values()) == result.total == 6


def test_next_step_counts_agree_with_the_home_screen_and_the_overview(store) -> None:
    """Tester: home and ``v`` listed 5 overdue steps, the insights and ``reflect
    stats`` said "Te laat: 4": a step in a draft was left out of the counts only."""
    from reflect_tui.core.journal.steps import all_steps

    rows = all_steps(store)
    listed = store.open_next_steps()  # what the home screen lists
    steps = compute(store, TODAY).next_steps
    assert any(s.status == "draft" for s, _, _ in listed)
    assert steps.overdue == sum(r.overdue(TODAY) for r in rows)
    assert steps.overdue == sum(1 for _, _, s in listed if s.due is not None and s.due < TODAY)
    assert steps.open + steps.overdue + steps.undated == len(listed)
    assert steps.done == sum(r.done for r in rows)
