"""What a content stack covers, and where it is thin: the trainer's map.

Why in core: ``reflect content coverage`` prints it and a future editor view
can draw it, from one computation. Everything here reads the merged
``Content`` (and, for reachability, asks the coach through its public
``match_tips``), so it stays true when the coach or the content changes.

"Unreachable" is a best-case probe: the tip's own keywords as the case text,
its practices, barriers and helps ticked, its first case kind chosen. A tip
that cannot reach the top 5 even then will, in practice, never be shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reflect_tui.core.content.model import LSD_STEP_IDS, Content, Prompt, Tip

TOP_N = 5
# Fewer example notes than this and a tip's profile rests on a few stories;
# the content guide (3.6) asks trainers for at least this many per tip.
EXAMPLES_ENOUGH = 8
# The advice beside that list (a message table, not built in the algorithm).
FEW_EXAMPLES_ADVICE = (
    "geef deze tip voorbeelden: zonder voorbeelden vindt de coach hem alleen via zijn trefwoorden"
)
SHARED_KEYWORD_MIN_TIPS = 4
NEAR_DUPLICATE_SCORE = 80

# Words that assume something took place (a meeting, a proposal, a sketch):
# a prompt with one of them and no case kinds is asked after a phone call too.
_ASSUMES_EVENT = (
    "bijeenkomst",
    "bewonersavond",
    "avond",
    "vergadering",
    "overleg",
    "zaal",
    "voorstel",
    "schets",
    "tekening",
    "presentatie",
    "daar",
    "aanwezigen",
)
_WORD = re.compile(r"[a-zà-ÿ]+")


@dataclass(frozen=True)
class Duplicate:
    """Two items whose texts are nearly the same (``ratio`` 0..1)."""

    collection: str
    first: str
    second: str
    ratio: float


@dataclass(frozen=True)
class ExampleCount:
    """How many example notes name a tip: ``first`` (written for it) and ``total`` (at all)."""

    first: int
    total: int


@dataclass(frozen=True)
class CoverageReport:
    """Counts and findings; every mapping is ordered for stable output."""

    prompts_by_practice_step: dict[str, dict[str, int]]
    prompts_by_case_kind: dict[str, int]
    tips_by_practice: dict[str, int]
    tips_by_barrier: dict[str, int]
    tips_by_help: dict[str, int]
    tips_by_case_kind: dict[str, int]
    unreachable_tips: tuple[str, ...]
    shared_keywords: dict[str, tuple[str, ...]]
    near_duplicates: tuple[Duplicate, ...]
    event_prompts_without_kinds: tuple[str, ...]
    gaps: tuple[str, ...] = field(default=())
    examples_by_tip: dict[str, ExampleCount] = field(default_factory=dict)
    tips_with_few_examples: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The JSON face (``--json``): plain types only."""
        return {
            "prompts_by_practice_step": self.prompts_by_practice_step,
            "prompts_by_case_kind": self.prompts_by_case_kind,
            "tips_by_practice": self.tips_by_practice,
            "tips_by_barrier": self.tips_by_barrier,
            "tips_by_help": self.tips_by_help,
            "tips_by_case_kind": self.tips_by_case_kind,
            "unreachable_tips": list(self.unreachable_tips),
            "shared_keywords": {k: list(v) for k, v in self.shared_keywords.items()},
            "near_duplicates": [
                {"collection": d.collection, "first": d.first, "second": d.second, "ratio": d.ratio}
                for d in self.near_duplicates
            ],
            "event_prompts_without_case_kinds": list(self.event_prompts_without_kinds),
            "gaps": list(self.gaps),
            "examples_by_tip": {
                tip: {"first": c.first, "total": c.total} for tip, c in self.examples_by_tip.items()
            },
            "examples_enough": EXAMPLES_ENOUGH,
            "tips_with_few_examples": list(self.tips_with_few_examples),
            "few_examples_advice": FEW_EXAMPLES_ADVICE,
        }


def _count(ids: Iterable[str], tagged: Iterable[tuple[str, ...]]) -> dict[str, int]:
    counts = dict.fromkeys(ids, 0)
    for tags in tagged:
        for tag in tags:
            if tag in counts:
                counts[tag] += 1
    return counts


def _prompt_kinds(prompt: Prompt) -> tuple[str, ...]:
    """Prompt case kinds, where the content model has them (newer content)."""
    kinds = getattr(prompt, "case_kinds", ())
    return tuple(kinds or ())


def _unreachable(content: Content) -> tuple[str, ...]:
    from reflect_tui.core.coach.signals import Signals
    from reflect_tui.core.coach.tips import match_tips

    out = []
    for tip in content.tips:
        signals = Signals(
            text=" ".join(tip.keywords) or tip.title,
            case_kind=tip.case_kinds[0] if tip.case_kinds else None,
            practices=tip.practices,
            barriers=tip.barriers,
            helps=tip.helps,
        )
        ranked = match_tips(content, signals, n=TOP_N)
        if tip.id not in {m.tip.id for m in ranked}:
            out.append(tip.id)
    return tuple(out)


def _shared_keywords(tips: Sequence[Tip]) -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for tip in tips:
        for keyword in {k.casefold() for k in tip.keywords}:
            owners.setdefault(keyword, []).append(tip.id)
    shared = {k: tuple(sorted(v)) for k, v in owners.items() if len(v) >= SHARED_KEYWORD_MIN_TIPS}
    return dict(sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _near_duplicates(collection: str, items: Sequence[tuple[str, str]]) -> list[Duplicate]:
    """Pairs whose word sets overlap at or above ``NEAR_DUPLICATE_SCORE`` (0-100).

    rapidfuzz's token-set ratio ignores word order and extra words, so "Wat
    stond er op het spel, en voor wie?" and "Welke belangen staan er op het
    spel, en voor wie?" are found; difflib took seconds for the built-in tips,
    rapidfuzz's C++ scorer a fraction of that (no numpy needed).
    """
    from rapidfuzz import fuzz

    normal = [" ".join(_WORD.findall(text.casefold())) for _, text in items]
    out = []
    for i, a in enumerate(normal):
        for j in range(i + 1, len(normal)):
            score = fuzz.token_set_ratio(a, normal[j], score_cutoff=NEAR_DUPLICATE_SCORE)
            if score:
                out.append(Duplicate(collection, items[i][0], items[j][0], round(score / 100, 2)))
    return sorted(out, key=lambda d: (-d.ratio, d.first, d.second))


def example_counts(content: Content) -> dict[str, ExampleCount]:
    """Per tip (content order), how many of the layers' example notes name it.

    Read as the coach reads them (``read_examples``): a tip a higher layer
    redefines does not count a lower layer's notes, and a note's unknown tips
    count for nothing (``content check`` reports those).
    """
    from reflect_tui.core.content.examples import read_examples

    ids = [t.id for t in content.tips]
    first = dict.fromkeys(ids, 0)
    total = dict.fromkeys(ids, 0)
    for example in read_examples(content.layers, ids).examples:
        first[example.tips[0]] += 1
        for tip in example.tips:
            total[tip] += 1
    return {tip: ExampleCount(first[tip], total[tip]) for tip in ids}


def _assumes_event(prompt: Prompt) -> bool:
    words = set(_WORD.findall(prompt.text.casefold()))
    return any(word in words for word in _ASSUMES_EVENT)


def coverage(content: Content) -> CoverageReport:
    """The whole map of one merged content stack."""
    practices = [p.id for p in content.practices]
    by_practice_step: dict[str, dict[str, int]] = {
        p: dict.fromkeys(LSD_STEP_IDS, 0) for p in practices
    }
    for prompt in content.prompts:
        if prompt.practice in by_practice_step and prompt.step in LSD_STEP_IDS:
            by_practice_step[prompt.practice][prompt.step] += 1
    kinds = [k.id for k in content.case_kinds]
    prompts_by_kind = _count(kinds, (_prompt_kinds(p) for p in content.prompts))
    prompts_by_kind["(elke soort)"] = sum(1 for p in content.prompts if not _prompt_kinds(p))
    tips = content.tips
    gaps = [
        f"{p}/{step}"
        for p, steps in by_practice_step.items()
        for step, n in steps.items()
        if n == 0
    ]
    tips_by_practice = _count(practices, (t.practices for t in tips))
    gaps += [f"tips/{p}" for p, n in tips_by_practice.items() if n == 0]
    examples = example_counts(content)
    duplicates = _near_duplicates("prompts", [(p.id, p.text) for p in content.prompts])
    duplicates += _near_duplicates("tips", [(t.id, f"{t.title} {t.text}") for t in tips])
    return CoverageReport(
        prompts_by_practice_step=by_practice_step,
        prompts_by_case_kind=prompts_by_kind,
        tips_by_practice=tips_by_practice,
        tips_by_barrier=_count([b.id for b in content.barriers], (t.barriers for t in tips)),
        tips_by_help=_count([h.id for h in content.helps], (t.helps for t in tips)),
        tips_by_case_kind=_count(kinds, (t.case_kinds for t in tips)),
        unreachable_tips=_unreachable(content),
        shared_keywords=_shared_keywords(tips),
        near_duplicates=tuple(duplicates),
        event_prompts_without_kinds=tuple(
            p.id for p in content.prompts if not _prompt_kinds(p) and _assumes_event(p)
        ),
        gaps=tuple(gaps),
        examples_by_tip=examples,
        tips_with_few_examples=tuple(
            tip for tip, count in examples.items() if count.total < EXAMPLES_ENOUGH
        ),
    )


def keyword_counts(content: Content) -> Counter[str]:
    """How many tips carry each keyword (casefolded)."""
    return Counter(k.casefold() for t in content.tips for k in set(t.keywords))
