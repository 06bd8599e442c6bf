"""Which of the five practices are at play, judged from the intake text alone.

Why this mix of evidence: a civil servant rarely writes a practice's own
words ("relatiewerk"); they write about colleagues, a permit, a party. So
besides the practice keywords, the text's barriers, helps and tip keywords
vote for the practices their tips are tagged with, and the case kind adds a
small prior. All weights are plain constants so a score can be explained.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from reflect_tui.core.coach import reasons
from reflect_tui.core.coach.index import BARRIER, HELP, coach_index
from reflect_tui.core.coach.reasons import Part
from reflect_tui.core.coach.signals import Evidence, TextEvidence, first_quotes, read_text
from reflect_tui.core.coach.trust import cue_confirmed
from reflect_tui.core.content.model import Content

W_KEYWORD = 1.0  # a practice keyword in the text (first one; more count less)
W_TIP_WORDS = 1.0  # the text matches keywords of tips tagged with the practice
# A situation cue of a tip tagged with the practice (its first practice fully,
# others half). Strongest vote: a cue says what the case is about, where a barrier
# or loose words only lean (stop 11: 1.5 -> 4.0 lifted the first suggested practice
# from 0.87 to 0.91 on the tuned half and 0.68 to 0.82 on the developer's own cases;
# flat from 3.5 up).
W_CUE = 4.0
# Share of a vote from a lone one-word cue that nothing confirms: one loose
# word ("burgerbegroting", "doorverwezen", "advocaat") may be meant in another
# sense or be a side remark, so it may not decide what the case is about (stop
# 13: with the affinities as lift, first suggested practice 0.80 -> 0.875 on the
# blind validation set fresh3, tuned sets equal or better).
UNCONFIRMED_CUE = 0.375
CUE_AGREE_DAMPING = 1.0  # the i-th agreeing tip's cues give 1/(1+i) of a vote
W_BARRIER = 0.6  # a barrier in the text, times its affinity with the practice
W_HELP = 0.8  # a help in the text, times its affinity with the practice
W_KIND = 0.6  # the case kind, times its affinity with the practice
QUOTE_MIN_SPECIFICITY = 0.55  # as for tips: keywords of at most 3 tips are quoted
SIZE_DAMPING = 1.0  # 0: raw votes; 1: votes per tip of the practice
MIN_SHARE = 0.05  # weaker contributions than this are not worth a reason
MAX_REASONS = 4

PRESELECT_MAX = 3
PRESELECT_MIN_SCORE = 1.0
PRESELECT_RATIO = 0.5


@dataclass(frozen=True)
class PracticeSuggestion:
    """One practice with how strongly the text points at it, and why (Dutch)."""

    id: str
    score: float
    reasons: tuple[str, ...]


def diminishing(count: int) -> float:
    """1, 1.67, 2.17, ...: more matches count, but each one a bit less."""
    return sum(1.0 / (1.0 + 0.5 * i) for i in range(count))


def _distinct_keywords(evidence: Sequence[Evidence]) -> int:
    return len({e.keyword.casefold() for e in evidence})


def suggest_practices(
    content: Content,
    text: str,
    case_kind: str | None = None,
    *,
    evidence: TextEvidence | None = None,
    barriers: Sequence[str] = (),
    helps: Sequence[str] = (),
) -> list[PracticeSuggestion]:
    """Every practice, strongest first (ties by id), with Dutch reasons.

    ``barriers``/``helps`` are ones the user ticked; ``evidence`` may be
    passed when the caller already read the text.
    """
    evidence = evidence if evidence is not None else read_text(content, text)
    affinity = coach_index(content).affinity
    scored: dict[str, list[Part]] = {p.id: [] for p in content.practices}

    for practice_id, items in evidence.practices.items():
        if practice_id in scored:
            weight = W_KEYWORD * diminishing(_distinct_keywords(items))
            quotes = tuple(first_quotes(items, 3))
            scored[practice_id].append(Part(weight, quotes, reasons.practice_words))

    tip_votes: dict[str, float] = {}
    tip_quotes: dict[str, list[Evidence]] = {}
    index = coach_index(content)
    for tip_id, items in evidence.tips.items():
        tip = content.by_id("tips").get(tip_id)
        practices = getattr(tip, "practices", ())
        specs = sorted(
            {e.keyword.casefold(): index.specificity(e.keyword) for e in items}.values(),
            reverse=True,
        )
        for practice_id in practices:
            vote = sum(specs[:2]) / len(practices)
            tip_votes[practice_id] = tip_votes.get(practice_id, 0.0) + vote
            # quote only words that say something ("bewoners" is in many tips)
            tip_quotes.setdefault(practice_id, []).extend(
                e for e in items if index.specificity(e.keyword) >= QUOTE_MIN_SPECIFICITY
            )
    sizes = coach_index(content).practice_sizes
    mean_size = sum(sizes.values()) / len(sizes) if sizes else 1.0
    for practice_id, votes in tip_votes.items():
        if practice_id in scored:
            # A practice with many tips collects many votes by chance alone:
            # votes count relative to how many tips the practice has.
            size = sizes.get(practice_id, mean_size) or mean_size
            weight = W_TIP_WORDS * math.sqrt(votes * (mean_size / size) ** SIZE_DAMPING)
            quotes = tuple(first_quotes(tip_quotes[practice_id], 2))
            scored[practice_id].append(Part(weight, quotes, reasons.practice_via_tips))

    # The situation as a whole: every tip whose cues the text shows votes for
    # its practices, and votes of different tips add up with diminishing
    # returns (CUE_AGREE_DAMPING), so several cues that agree can outweigh one.
    # A one-word cue that nothing confirms may be that word in another sense:
    # it votes UNCONFIRMED_CUE of a full vote.
    cue_votes: dict[str, list[float]] = {}
    cue_quotes: dict[str, list[Evidence]] = {}
    for tip_id, items in evidence.cues.items():
        practices = getattr(content.by_id("tips").get(tip_id), "practices", ())
        trust = 1.0 if cue_confirmed(items, evidence.tips.get(tip_id, ())) else UNCONFIRMED_CUE
        for position, practice_id in enumerate(practices):
            # The tip's first practice is the one its core move belongs to.
            share = 1.0 if position == 0 else 0.5
            cue_votes.setdefault(practice_id, []).append(share * trust)
            cue_quotes.setdefault(practice_id, []).extend(items)
    for practice_id, agreeing in cue_votes.items():
        if practice_id in scored:
            ranked = sorted(agreeing, reverse=True)
            vote = sum(v / (1.0 + CUE_AGREE_DAMPING * i) for i, v in enumerate(ranked))
            quotes = tuple(first_quotes(cue_quotes[practice_id], 1))
            scored[practice_id].append(Part(W_CUE * vote, quotes, reasons.practice_words))

    factor_sources = [
        (BARRIER, W_BARRIER, evidence.barriers, barriers, reasons.practice_via_barrier),
        (HELP, W_HELP, evidence.helps, helps, reasons.practice_via_help),
    ]
    for kind, weight, found, chosen, phrase in factor_sources:
        for factor_id in dict.fromkeys([*chosen, *found]):
            quotes = () if factor_id in chosen else tuple(first_quotes(found[factor_id], 1))
            render = partial(phrase, content, factor_id, factor_id in chosen)
            for practice_id, share in affinity.get((kind, factor_id), {}).items():
                if practice_id in scored and share >= MIN_SHARE:
                    scored[practice_id].append(Part(weight * share, quotes, render))

    if case_kind:
        kind_reason = reasons.practice_via_kind(content, case_kind)

        def render_kind(_quotes: Sequence[str]) -> str:
            return kind_reason  # the case kind gives the reason; there are no quotes

        for practice_id, share in affinity.get(("kind", case_kind), {}).items():
            if practice_id in scored and share >= MIN_SHARE:
                scored[practice_id].append(Part(W_KIND * share, (), render_kind))

    suggestions = []
    for practice_id, parts in scored.items():
        score, why = reasons.assemble(parts, MAX_REASONS)
        suggestions.append(PracticeSuggestion(practice_id, round(score, 3), why))
    suggestions.sort(key=lambda s: (-s.score, s.id))
    return suggestions


def preselect(
    suggestions: Sequence[PracticeSuggestion],
    max_count: int = PRESELECT_MAX,
    min_score: float = PRESELECT_MIN_SCORE,
    ratio: float = PRESELECT_RATIO,
) -> tuple[str, ...]:
    """The practices a session may tick in advance: the clear leaders only.

    At most ``max_count``, each scoring at least ``min_score`` and at least
    ``ratio`` times the best score; nothing when the text says too little.
    """
    ranked = sorted(suggestions, key=lambda s: (-s.score, s.id))
    if not ranked or ranked[0].score < min_score:
        return ()
    floor = max(min_score, ratio * ranked[0].score)
    return tuple(s.id for s in ranked[:max_count] if s.score >= floor)
