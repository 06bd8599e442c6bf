"""Quality floor of the coach on the built-in content and the evaluation set.

The targets (0.9 / 0.9 / 0.8) are reported by ``benchmarks/bench_coach.py``;
this test guards a floor a bit below them so a content or matcher change
that makes the coach clearly worse fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reflect_tui.core.coach.evaluate import evaluate, load_cases

CASES = Path(__file__).parent / "data" / "coach_cases.yaml"
PRACTICE_FLOOR = 0.8
BARRIER_FLOOR = 0.8
SUGGESTION_FLOOR = 0.7


@pytest.fixture(scope="module")
def builtin():  # type: ignore[no-untyped-def]
    from reflect_tui.core.content.loader import load_builtin
    from reflect_tui.core.errors import ReflectError

    try:
        content = load_builtin()
    except ReflectError as exc:  # pragma: no cover - only while content is being written
        pytest.skip(f"built-in content does not load: {exc}")
    if not content.tips:  # pragma: no cover
        pytest.skip("built-in content has no tips yet")
    return content


def test_evaluation_set_is_well_formed(builtin) -> None:  # type: ignore[no-untyped-def]
    cases = load_cases(CASES)
    assert len(cases) >= 25
    assert len({c.id for c in cases}) == len(cases)
    practices = {p.id for p in builtin.practices}
    barriers = {b.id for b in builtin.barriers}
    for case in cases:
        assert case.text.strip()
        assert 1 <= len(case.expected_practices) <= 3 and set(case.expected_practices) <= practices
        assert len(case.expected_barriers) <= 2 and set(case.expected_barriers) <= barriers


def test_coach_meets_quality_floor(builtin) -> None:  # type: ignore[no-untyped-def]
    result = evaluate(builtin, load_cases(CASES))
    summary = (
        f"practices {result.practice_precision:.2f} (missed {result.practice_misses}), "
        f"barriers {result.barrier_precision:.2f} (missed {result.barrier_misses}), "
        f"suggestions {result.suggestion_top2:.2f} (missed {result.suggestion_misses})"
    )
    assert result.practice_precision >= PRACTICE_FLOOR, summary
    assert result.barrier_precision >= BARRIER_FLOOR, summary
    assert result.suggestion_top2 >= SUGGESTION_FLOOR, summary
