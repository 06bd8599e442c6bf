"""Measure the coach against a set of trainer-labelled cases.

Why in the package rather than only in the benchmark: the benchmark
reports the numbers and a test guards a floor under them; both must compute
them the same way. The metrics, for the top ``n`` tips of each case's text
(with its case kind, nothing else chosen):

- practice precision@n: share of cases whose top n include a tip tagged with
  one of the expected practices;
- barrier precision@n: the same for expected barriers, over the cases that
  expect any;
- suggestion top-2 accuracy: share of cases where at least one expected
  practice is among the two highest suggested practices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reflect_tui.core.coach.practices import suggest_practices
from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import match_tips
from reflect_tui.core.content.model import Content


@dataclass(frozen=True)
class Case:
    """One labelled case: what the civil servant wrote, what a trainer expects."""

    id: str
    text: str
    kind: str | None
    expected_practices: tuple[str, ...]
    expected_barriers: tuple[str, ...]


@dataclass(frozen=True)
class EvalResult:
    """The three metrics plus, per metric, the ids of the cases that missed."""

    cases: int
    barrier_cases: int
    practice_precision: float
    barrier_precision: float
    suggestion_top2: float
    practice_misses: tuple[str, ...]
    barrier_misses: tuple[str, ...]
    suggestion_misses: tuple[str, ...]


def load_cases(path: Path) -> list[Case]:
    """Read ``coach_cases.yaml`` (a mapping with a ``cases`` list)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    cases = []
    for raw in data["cases"]:
        cases.append(
            Case(
                id=str(raw["id"]),
                text=str(raw["text"]),
                kind=raw.get("kind"),
                expected_practices=tuple(raw.get("expected_practices") or ()),
                expected_barriers=tuple(raw.get("expected_barriers") or ()),
            )
        )
    return cases


def _share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def evaluate(content: Content, cases: Sequence[Case], n: int = 5) -> EvalResult:
    """Run every case through ``match_tips`` and ``suggest_practices``."""
    kinds = {k.id for k in content.case_kinds}
    practice_misses: list[str] = []
    barrier_misses: list[str] = []
    suggestion_misses: list[str] = []
    barrier_cases = 0
    for case in cases:
        kind = case.kind if case.kind in kinds else None
        tips = match_tips(content, Signals(text=case.text, case_kind=kind), n=n)
        expected_p = set(case.expected_practices)
        if not any(expected_p & set(m.tip.practices) for m in tips):
            practice_misses.append(case.id)
        if case.expected_barriers:
            barrier_cases += 1
            expected_b = set(case.expected_barriers)
            if not any(expected_b & set(m.tip.barriers) for m in tips):
                barrier_misses.append(case.id)
        top2 = {s.id for s in suggest_practices(content, case.text, kind)[:2]}
        if not expected_p & top2:
            suggestion_misses.append(case.id)
    total = len(cases)
    return EvalResult(
        cases=total,
        barrier_cases=barrier_cases,
        practice_precision=_share(total - len(practice_misses), total),
        barrier_precision=_share(barrier_cases - len(barrier_misses), barrier_cases),
        suggestion_top2=_share(total - len(suggestion_misses), total),
        practice_misses=tuple(practice_misses),
        barrier_misses=tuple(barrier_misses),
        suggestion_misses=tuple(suggestion_misses),
    )
