"""Tip matching: deterministic, explainable, varied, and fresh.

Why additive weights instead of a learned model: every point of a tip's
score comes with a Dutch sentence saying where it came from, so the user
can see why a tip was chosen and a trainer can predict what the coach will
do with their content. The top N is then picked greedily (maximal marginal
relevance): a tip that says what an already picked tip says, or that the
user saw recently, has to be clearly better to make it in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from reflect_tui.core.coach import reasons
from reflect_tui.core.coach.index import coach_index
from reflect_tui.core.coach.practices import diminishing, suggest_practices
from reflect_tui.core.coach.reasons import Part
from reflect_tui.core.coach.signals import Signals, TextEvidence, first_quotes, read_text
from reflect_tui.core.content.model import Content, Tip

W_PRACTICE = 3.0  # the tip serves a practice the user chose
W_EXTRA_PRACTICE = 1.0  # ... and each further chosen practice it serves
W_PRACTICE_INFERRED = 1.5  # the text points at a practice the tip serves (times strength)
W_BARRIER = 4.0  # the user ticked a barrier the tip is about
W_BARRIER_INFERRED = 3.0  # the text names such a barrier
W_HELP = 2.0
W_HELP_INFERRED = 1.5
W_LOW_PRINCIPLE = 2.0  # a principle rated 2 the tip strengthens (rating 1: +0.5)
W_STEP = 1.0  # the LSD step being answered
W_KIND = 1.0  # the case kind
W_KEYWORD = 1.0  # the tip's own keywords in the text (diminishing)
MAX_KEYWORD = 3.0

INFERRED_MIN_SHARE = 0.34  # a practice counts as "at play" from this share of the best
INFERRED_MIN_SCORE = 0.5
DIVERSITY = 0.6  # how much a fully overlapping earlier pick lowers a tip (0..1)
NEAR_DUPLICATE = 0.85  # from this overlap a tip waits until nothing else is left
RECENT_PENALTY = 0.6  # share of the score lost by a tip shown just now
RECENT_HALF_LIFE_DAYS = 7.0  # ... halving every week
MAX_REASONS = 5


@dataclass(frozen=True)
class TipMatch:
    """A tip chosen for the case, its final score and the reasons (plain Dutch)."""

    tip: Tip
    score: float
    reasons: tuple[str, ...]


def _inferred_practices(
    content: Content, signals: Signals, evidence: TextEvidence
) -> dict[str, float]:
    """Practices the text points at, with strength 0..1 relative to the strongest."""
    if not signals.text.strip():
        return {}
    ranked = suggest_practices(
        content,
        signals.text,
        signals.case_kind,
        evidence=evidence,
        barriers=signals.barriers,
        helps=signals.helps,
    )
    if not ranked or ranked[0].score <= 0:
        return {}
    top = ranked[0].score
    return {
        s.id: s.score / top
        for s in ranked
        if s.score >= max(INFERRED_MIN_SCORE, INFERRED_MIN_SHARE * top)
    }


def _fixed(text: str) -> Callable[[Sequence[str]], str]:
    return lambda _quotes: text


def _score_tip(
    content: Content,
    tip: Tip,
    signals: Signals,
    evidence: TextEvidence,
    inferred: Mapping[str, float],
) -> list[Part]:
    parts: list[Part] = []
    chosen = [p for p in signals.practices if p in tip.practices]
    for position, practice_id in enumerate(chosen):
        weight = W_PRACTICE if position == 0 else W_EXTRA_PRACTICE
        parts.append(Part(weight, (), _fixed(reasons.chosen_practice(content, practice_id))))
    best_inferred = max(
        ((inferred[p], p) for p in tip.practices if p in inferred and p not in chosen),
        default=None,
    )
    if best_inferred is not None:
        strength, practice_id = best_inferred
        quotes = tuple(first_quotes(evidence.practices.get(practice_id, ()), 1))
        weight = W_PRACTICE_INFERRED * strength * (0.5 if chosen else 1.0)
        parts.append(Part(weight, quotes, partial(reasons.inferred_practice, content, practice_id)))

    # Every ticked barrier still adds its own weight, but all of them share
    # one grouped sentence; ``assemble`` shows an identical line only once.
    ticked_barriers = [b for b in tip.barriers if b in signals.barriers]
    barriers_line = _fixed(reasons.chosen_barriers(content, ticked_barriers))
    for barrier_id in tip.barriers:
        if barrier_id in signals.barriers:
            parts.append(Part(W_BARRIER, (), barriers_line))
        elif barrier_id in evidence.barriers:
            quotes = tuple(first_quotes(evidence.barriers[barrier_id], 2))
            render = partial(reasons.inferred_barrier, content, barrier_id)
            parts.append(Part(W_BARRIER_INFERRED, quotes, render))
    ticked_helps = [h for h in tip.helps if h in signals.helps]
    helps_line = _fixed(reasons.chosen_helps(content, ticked_helps))
    for help_id in tip.helps:
        if help_id in signals.helps:
            parts.append(Part(W_HELP, (), helps_line))
        elif help_id in evidence.helps:
            quotes = tuple(first_quotes(evidence.helps[help_id], 2))
            render = partial(reasons.inferred_help, content, help_id)
            parts.append(Part(W_HELP_INFERRED, quotes, render))

    for principle_id in tip.principles:
        if principle_id in signals.low_principles:
            rating = signals.rating_of(principle_id)
            weight = W_LOW_PRINCIPLE + (0.5 if rating is not None and rating <= 1 else 0.0)
            reason = reasons.low_principle(content, principle_id, rating)
            parts.append(Part(weight, (), _fixed(reason)))
    if signals.step and signals.step in tip.lsd_steps:
        parts.append(Part(W_STEP, (), _fixed(reasons.step(content, signals.step))))
    if signals.case_kind and signals.case_kind in tip.case_kinds:
        parts.append(Part(W_KIND, (), _fixed(reasons.case_kind(content, signals.case_kind))))

    words = evidence.tips.get(tip.id, ())
    if words:
        distinct = len({e.keyword.casefold() for e in words})
        weight = min(MAX_KEYWORD, W_KEYWORD * diminishing(distinct))
        parts.append(Part(weight, tuple(first_quotes(words, 2)), reasons.keywords))
    return parts


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def recency_factor(shown_at: datetime | None, now: datetime) -> float:
    """1.0 for a tip not shown recently; less the more recently it was shown."""
    if shown_at is None:
        return 1.0
    age_days = max(0.0, (_as_utc(now) - _as_utc(shown_at)).total_seconds() / 86400.0)
    return float(1.0 - RECENT_PENALTY * 0.5 ** (age_days / RECENT_HALF_LIFE_DAYS))


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(a: Tip, b: Tip, features: Mapping[str, frozenset[str]]) -> float:
    """How much two tips say the same thing (0 = unrelated, 1 = the same).

    Half from their overall features (tags, keywords, title words), half
    from their practices, so the top N also spreads over the practices.
    """
    return 0.5 * _jaccard(features[a.id], features[b.id]) + 0.5 * _jaccard(
        set(a.practices), set(b.practices)
    )


def match_tips(
    content: Content,
    signals: Signals,
    n: int = 5,
    recently_shown: Mapping[str, datetime] | None = None,
    now: datetime | None = None,
) -> list[TipMatch]:
    """The ``n`` best tips for these signals, varied and fresh, best first.

    ``recently_shown`` maps tip ids to when they were last shown (from the
    journal); ``now`` defaults to the latest of those moments so the
    result never depends on the wall clock. The reported score is the one
    the tip was picked with (after the freshness and variety adjustments).
    Tips with no reason at all are never returned; equal scores are ordered
    by tip id.
    """
    if n <= 0:
        return []
    evidence = read_text(content, signals.text)
    inferred = _inferred_practices(content, signals, evidence)
    shown = dict(recently_shown or {})
    reference = now if now is not None else max(shown.values(), key=_as_utc, default=None)

    candidates: list[tuple[float, Tip, tuple[str, ...]]] = []
    for tip in content.tips:
        parts = _score_tip(content, tip, signals, evidence, inferred)
        if not parts:
            continue
        total, tip_reasons = reasons.assemble(parts, MAX_REASONS)
        shown_at = shown.get(tip.id)
        factor = recency_factor(shown_at, reference) if reference is not None else 1.0
        relevance = total * factor
        candidates.append((relevance, tip, tip_reasons))

    features = coach_index(content).tip_features
    picked: list[TipMatch] = []
    while candidates and len(picked) < n:
        ranked = []
        for index, (relevance, tip, _) in enumerate(candidates):
            overlap = max((similarity(tip, m.tip, features) for m in picked), default=0.0)
            adjusted = round(relevance * (1.0 - DIVERSITY * overlap), 9)
            ranked.append((overlap >= NEAR_DUPLICATE, -adjusted, tip.id, index))
        _, negative_score, _, best = min(ranked)
        _, tip, tip_reasons = candidates.pop(best)
        picked.append(TipMatch(tip, round(-negative_score, 3), tip_reasons))
    return picked
