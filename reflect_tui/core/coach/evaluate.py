"""Measure the coach against labelled cases (issue 11's measures).

Why in the package rather than only in the benchmark: the benchmark
reports the numbers and a test guards a floor under them; both must compute
them the same way. Each case runs as a user would run it: its text, its case
kind and the barriers the writer says the user ticked. For the top ``n``:

- practice precision@n: share of the shown tips that carry an expected
  practice (averaged over cases); barrier precision@n: the same for expected
  barriers, over cases that expect any. The coach may show fewer than n tips
  when the evidence is thin (``tips.MIN_EARNED``): precision then counts the
  tips actually shown, and a case with no tip at all counts as 0, so showing
  less only pays when what is left out was wrong;
- hit@n: share of cases with at least one such tip in the top n;
- suggested practice top-1 / top-2: share of cases where an expected practice
  is the first / among the first two suggested practices;
- ticked served: share of (case, ticked barrier) pairs, where the content has
  a tip for that barrier, with such a tip in the top n.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reflect_tui.core.coach.practices import suggest_practices
from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import TipMatch, for_audience, match_tips
from reflect_tui.core.content.model import Content


@dataclass(frozen=True)
class Case:
    """One labelled case: what the civil servant wrote, what a trainer expects."""

    id: str
    text: str
    kind: str | None
    expected_practices: tuple[str, ...]
    expected_barriers: tuple[str, ...]
    expected_helps: tuple[str, ...] = ()
    ticked_barriers: tuple[str, ...] = ()
    ticked_helps: tuple[str, ...] = ()
    good_advice: str = ""
    # tips a coach would want in the five; the first is the core move
    good_tips: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvalResult:
    """The measures plus, per measure, the ids of the cases that missed."""

    cases: int
    barrier_cases: int
    practice_precision: float
    barrier_precision: float
    practice_hit: float
    barrier_hit: float
    suggestion_top1: float
    suggestion_top2: float
    ticked_pairs: int
    ticked_served: float
    practice_misses: tuple[str, ...]
    barrier_misses: tuple[str, ...]
    suggestion_misses: tuple[str, ...]
    ticked_misses: tuple[str, ...]
    practice_slots: dict[str, int] = field(default_factory=dict)
    top_suggestions: dict[str, int] = field(default_factory=dict)


def load_cases(path: Path) -> list[Case]:
    """Read a cases file (a mapping with a ``cases`` list)."""
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
                expected_helps=tuple(raw.get("expected_helps") or ()),
                ticked_barriers=tuple(raw.get("ticked_barriers") or ()),
                ticked_helps=tuple(raw.get("ticked_helps") or ()),
                good_advice=str(raw.get("good_advice") or ""),
                good_tips=tuple(str(t) for t in raw.get("good_tips") or ()),
            )
        )
    return cases


def case_signals(content: Content, case: Case) -> Signals:
    """The signals a user with this case gives the coach: text, kind, ticks."""
    kinds = {k.id for k in content.case_kinds}
    barriers = {b.id for b in content.barriers}
    helps = {h.id for h in content.helps}
    return Signals(
        text=case.text,
        case_kind=case.kind if case.kind in kinds else None,
        barriers=tuple(b for b in case.ticked_barriers if b in barriers),
        helps=tuple(h for h in case.ticked_helps if h in helps),
    )


def coach_case(content: Content, case: Case, n: int = 5) -> list[TipMatch]:
    """The top ``n`` tips for a case, as the app would show them."""
    return match_tips(content, case_signals(content, case), n=n)


@dataclass(frozen=True)
class GoodTipResult:
    """How the shown tips meet the tips a coach would want (cases with ``good_tips``).

    ``share``: good tips among all shown tips; ``with_good``: cases with one in
    the list; ``with_core``: cases with their core move (first good tip) in the
    list; ``shown``: tips shown per case. All over the cases that name good tips.
    """

    cases: int
    share: float
    with_good: float
    with_core: float
    shown: float


def good_tip_measures(content: Content, cases: Sequence[Case], n: int = 5) -> GoodTipResult | None:
    """The good-tip measures, or None when no case names good tips."""
    labelled = [c for c in cases if c.good_tips]
    if not labelled:
        return None
    shown = hits = with_good = with_core = 0
    for case in labelled:
        ids = [m.tip.id for m in coach_case(content, case, n)]
        found = sum(i in case.good_tips for i in ids)
        shown += len(ids)
        hits += found
        with_good += found > 0
        with_core += case.good_tips[0] in ids
    total = len(labelled)
    return GoodTipResult(
        total, hits / max(shown, 1), with_good / total, with_core / total, shown / total
    )


def _share(hits: float, total: int) -> float:
    return hits / total if total else 1.0


def evaluate(content: Content, cases: Sequence[Case], n: int = 5) -> EvalResult:
    """Run every case through ``match_tips`` and ``suggest_practices``."""
    practice_misses: list[str] = []
    barrier_misses: list[str] = []
    suggestion_misses: list[str] = []
    ticked_misses: list[str] = []
    practice_precision = barrier_precision = 0.0
    top1 = top2 = 0
    barrier_cases = ticked_pairs = ticked_served = 0
    slots: Counter[str] = Counter()
    firsts: Counter[str] = Counter()
    servable = {b for tip in content.tips if for_audience(tip) for b in tip.barriers}
    for case in cases:
        signals = case_signals(content, case)
        tips = match_tips(content, signals, n=n)
        for match in tips:
            slots.update(match.tip.practices)
        expected_p = set(case.expected_practices)
        fits = [bool(expected_p & set(m.tip.practices)) for m in tips]
        practice_precision += _share(sum(fits), len(tips)) if tips else 0.0
        if not any(fits):
            practice_misses.append(case.id)
        if case.expected_barriers:
            barrier_cases += 1
            expected_b = set(case.expected_barriers)
            fits = [bool(expected_b & set(m.tip.barriers)) for m in tips]
            barrier_precision += _share(sum(fits), len(tips)) if tips else 0.0
            if not any(fits):
                barrier_misses.append(case.id)
        for barrier_id in signals.barriers:
            if barrier_id in servable:
                ticked_pairs += 1
                if any(barrier_id in m.tip.barriers for m in tips):
                    ticked_served += 1
                else:
                    ticked_misses.append(f"{case.id}:{barrier_id}")
        ranked = [
            s.id
            for s in suggest_practices(
                content, case.text, signals.case_kind, barriers=signals.barriers
            )
        ]
        if ranked:
            firsts[ranked[0]] += 1
        top1 += bool(ranked[:1] and ranked[0] in expected_p)
        if expected_p & set(ranked[:2]):
            top2 += 1
        else:
            suggestion_misses.append(case.id)
    total = len(cases)
    return EvalResult(
        cases=total,
        barrier_cases=barrier_cases,
        practice_precision=_share(practice_precision, total),
        barrier_precision=_share(barrier_precision, barrier_cases),
        practice_hit=_share(total - len(practice_misses), total),
        barrier_hit=_share(barrier_cases - len(barrier_misses), barrier_cases),
        suggestion_top1=_share(top1, total),
        suggestion_top2=_share(top2, total),
        ticked_pairs=ticked_pairs,
        ticked_served=_share(ticked_served, ticked_pairs),
        practice_misses=tuple(practice_misses),
        barrier_misses=tuple(barrier_misses),
        suggestion_misses=tuple(suggestion_misses),
        ticked_misses=tuple(ticked_misses),
        practice_slots=dict(slots.most_common()),
        top_suggestions=dict(firsts.most_common()),
    )
