"""Earlier similar cases: up to three finished reflections worth re-reading now.

Why this shape: once the intake of a new case is written, an earlier case
that shared the same barriers, practices, kind of case or words is the most
useful thing to re-read, and the user should see *why* it was picked. All
of it is local: candidates come from the journal's own search index (the
case's words, the same analysis as search) and from the id lists; each is
scored on what it shares, and the shared items are returned as reasons for
the front end to phrase (no sentences here).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

from reflect_tui.core.journal.query import JournalQuery, find
from reflect_tui.core.journal.summary import ReflectionSummary

if TYPE_CHECKING:
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.store import JournalStore

MAX_CASES = 3
MAX_WORDS = 12  # the case's most telling words that are looked up
CANDIDATES = 60  # per source (words, barriers, practices)
MIN_WORD = 5  # shorter words are mostly function words
WEIGHTS = {"barriers": 2.0, "words": 1.5, "practices": 1.0, "helps": 0.5, "case_kind": 1.0}
MIN_SCORE = 2.5


class SimilarCase(NamedTuple):
    """An earlier reflection, how strongly it matches, and what it shares."""

    summary: ReflectionSummary
    score: float
    shared: dict[
        str, tuple[str, ...]
    ]  # kind (barriers, practices, helps, case_kind, words) -> items


def case_words(reflection: Reflection) -> list[str]:
    """The longer words of the case's title, who and what (first occurrence order)."""
    import re

    text = " ".join((reflection.title, reflection.who, reflection.what_happened))
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text) if len(w) >= MIN_WORD]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def similar_cases(
    store: JournalStore, reflection: Reflection, limit: int = MAX_CASES
) -> list[SimilarCase]:
    """Up to ``limit`` earlier finished reflections that share most with ``reflection``."""
    base = JournalQuery(status="complete")
    words = case_words(reflection)
    candidates: dict[str, ReflectionSummary] = {}
    sources = [base.replace(barriers=reflection.barriers)] if reflection.barriers else []
    if reflection.practices:
        sources.append(base.replace(practices=reflection.practices))
    if reflection.case_kind:
        sources.append(base.replace(case_kinds=(reflection.case_kind,)))
    for query in sources:
        for s in find(store, query, CANDIDATES):
            candidates.setdefault(s.id, s)
    word_hits: dict[str, set[str]] = {}
    for word in words:
        for s in find(store, base.replace(text=word), CANDIDATES):
            candidates.setdefault(s.id, s)
            word_hits.setdefault(s.id, set()).add(word)
    candidates.pop(reflection.id, None)
    if not candidates:
        return []
    rows = store.read_rows(
        "SELECT id, practices, barriers, helps, case_kind FROM reflections"
        " WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(candidates))],
    )
    mine = {
        "practices": set(reflection.practices),
        "barriers": set(reflection.barriers),
        "helps": set(reflection.helps),
    }
    scored: list[SimilarCase] = []
    for rid, practices, barriers, helps, kind in rows:
        shared: dict[str, tuple[str, ...]] = {}
        for name, raw in (("practices", practices), ("barriers", barriers), ("helps", helps)):
            theirs = set(json.loads(raw or "[]"))
            common = tuple(sorted(mine[name] & theirs))
            if common:
                shared[name] = common
        if kind and kind == reflection.case_kind:
            shared["case_kind"] = (kind,)
        if rid in word_hits:
            shared["words"] = tuple(w for w in words if w in word_hits[rid])[:4]
        score = sum(WEIGHTS[name] * len(items) for name, items in shared.items())
        # Practices alone count too (the issue: "practices, barriers or
        # words"), but one shared practice is common, so ``MIN_SCORE`` asks
        # for two of them with the kind of case, or one with more in common.
        if score >= MIN_SCORE:
            scored.append(SimilarCase(candidates[rid], score, shared))
    scored.sort(key=lambda c: (-c.score, -c.summary.occurred_on.toordinal(), c.summary.id))
    return scored[:limit]
