"""Trend arrows compare shares, and say so: a fresh-eyes finding (7) and its rounding (21)."""

from __future__ import annotations

from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store
from journal_fixtures.lookback import lookback_reflections
from test_insights import TODAY

from reflect_tui.cli.stats_cmd import render
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.insights import compute, own_table
from reflect_tui.core.wording import decimal, percent


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path) as s:
        s.import_reflections(lookback_reflections())
        yield s


def test_an_arrow_down_with_equal_counts_shows_the_shares_it_compares(store) -> None:
    """1 recent and 1 before read as "the same" beside "↓ minder": 1 of 4 against 1 of 2."""
    result = compute(store, TODAY)
    relaties = next(c for c in result.practices if c.key == "relaties")
    assert (relaties.recent, relaties.before, relaties.trend) == (1, 1, "down")
    assert (relaties.recent_share, relaties.before_share) == (25, 50)
    as_json = next(c for c in result.to_json()["practices"] if c["id"] == "relaties")
    assert (as_json["recent_share"], as_json["before_share"]) == (25, 50)
    content = load_builtin()
    text = render(result, content)
    line = next(li for li in text.splitlines() if "Relatiewerk" in li)
    assert line.endswith("↓ 25% (was 50%)"), line
    assert "deel van je reflecties" in text  # the arrows say what they compare
    rows = own_table(result.helps, list(content.helps), "helps")
    collegas = next(r for r in rows if r.factor_id == "collegas")
    assert (collegas.recent_share, collegas.before_share, collegas.trend) == (0, 50, "down")


def test_people_see_halves_rounded_up() -> None:
    """Verbindend averaged 3,25 and showed 3,2 (Python rounds half to even)."""
    assert decimal(3.25) == "3,3"
    assert decimal(3.35) == "3,4"
    assert decimal(2.0) == "2,0"
    assert decimal(3.24) == "3,2"
    assert percent(1, 8) == 13  # 12.5
    assert percent(2, 3) == 67
    assert percent(0, 0) == 0


def test_rating_months_keep_their_place() -> None:
    """Finding 8: March, April and December were drawn as three months in a row."""
    from datetime import date

    from reflect_tui.core.insights import RatingSeries, month_span

    def series(*months: str) -> RatingSeries:
        return RatingSeries("open", tuple((m, 3.0, 1) for m in months), 3.0, None, None, "")

    span = month_span(
        [series("2026-03", "2026-04", "2026-12"), series("2026-04")], date(2026, 12, 2), 24
    )
    assert span == [f"2026-{m:02d}" for m in range(3, 13)]
    assert month_span([series("2024-11")], date(2026, 12, 2), 24)[0] == "2025-01"
    assert month_span([series("2025-12")], date(2026, 1, 5), 24) == ["2025-12", "2026-01"]
    assert month_span([series()], date(2026, 1, 5), 24) == []
