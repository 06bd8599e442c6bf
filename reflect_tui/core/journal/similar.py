"""Earlier similar cases: up to three earlier reflections worth re-reading now.

Why this shape: once the intake of a new case is written, an earlier case
that shared the same barriers, practices, kind of case or *telling* words is
the most useful thing to re-read, and the user should see *why* it was
picked. All of it is local and bounded on a big journal:

- Words: the whole case text (title, who, what happened, answers so far,
  insight) is analysed as the coach and search do (``text_analysis``: folded
  tokens, match keys, Dutch stop words out). A word weighs by how rare it is
  in the journal (inverse document frequency, read from the search index:
  one ``MATCH`` per word on its forms, stopped after a cap of rows, so a
  common word costs little more than a rare one). A word in more than a
  tenth of the journal (or 500 reflections) tells nothing and is dropped, as are words no other
  reflection has. The index rows of the words that stay are exactly the
  reflections that share them, so each candidate's shared words are known.
- Ids: the newest ``CANDIDATES`` reflections sharing the barriers, the
  practices or the kind of case.
- Every candidate is scored on what it shares and the shared items are
  returned as reasons for the front end to phrase (no sentences here); words
  are named as the case wrote them, most telling first.

Drafts count: an earlier draft on the same subject is what the user would
want to see; the summary's status lets the front end mark it. The case
itself never counts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from reflect_tui.core.journal.query import JournalQuery, find
from reflect_tui.core.journal.summary import ReflectionSummary

if TYPE_CHECKING:
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.store import JournalStore

MAX_CASES = 3
MAX_LOOKUPS = 32  # distinct words of the case looked up in the index
MAX_REASON_WORDS = 4  # shared words named as the reason
CANDIDATES = 60  # per id source (barriers, practices, kind)
MIN_WORD = 4  # shorter words are mostly function words or abbreviations
COMMON_SHARE = 10  # a word in more than 1/COMMON_SHARE of the journal is not telling
MIN_CAP = 20  # ... but on a small journal every word may count
MAX_CAP = 500  # rows read per word at most (a 50,000-reflection journal: 1 %)
MAX_TEXT = 12_000  # characters of the case analysed (intake first): a paste stays cheap
WEIGHTS = {"barriers": 2.0, "practices": 1.0, "helps": 0.5, "case_kind": 1.0}
WORD_WEIGHT = 2.0  # a word found in one other reflection only; commoner words less
MIN_SCORE = 2.5

_SENTENCE_BREAKS = frozenset(".!?\n;:")


class SimilarCase(NamedTuple):
    """An earlier reflection, how strongly it matches, and what it shares."""

    summary: ReflectionSummary
    score: float
    shared: dict[
        str, tuple[str, ...]
    ]  # kind (barriers, practices, helps, case_kind, words) -> items


class CaseWord(NamedTuple):
    """One telling word of the case: its key, how it is shown, the forms searched."""

    key: str
    shown: str
    forms: tuple[str, ...]


def case_texts(reflection: Reflection, budget: int = MAX_TEXT) -> list[str]:
    """The case's own text, intake first, ``budget`` characters in all: what
    similar cases are matched on (a 100 KB answer must not cost seconds)."""
    texts = [reflection.title, reflection.who, reflection.what_happened]
    texts += [a.text for a in reflection.answers]
    texts += [reflection.insight]
    kept = []
    for text in texts:
        if text and text.strip() and budget > 0:
            kept.append(text[:budget])
            budget -= len(kept[-1])
    return kept


def case_words(reflection: Reflection, limit: int = MAX_LOOKUPS) -> list[CaseWord]:
    """The case's candidate telling words, one per match key, best first.

    Stop words, numbers and short words are out. Order (the journal's own
    weights come later, in ``similar_cases``): words of the title, then
    names (capitalised inside a sentence), then words written more than
    once, then longer words (Dutch compounds are specific), then first
    seen. Only the first ``limit`` are looked up, so the cost is bounded
    however long the text.
    """
    from reflect_tui.core.text_analysis import (
        fold,
        is_stop_word,
        tokenize,
        word_forms,
        word_key,
    )

    seen: dict[str, dict[str, object]] = {}
    for field, text in enumerate(case_texts(reflection)):
        previous_end = 0
        for token in tokenize(text):
            gap = text[previous_end : token.start]
            at_start = previous_end == 0 or any(ch in _SENTENCE_BREAKS for ch in gap)
            previous_end = token.end
            written = text[token.start : token.end]  # token.text is folded
            folded = fold(token.text)
            letters = folded.replace("'", "")  # collega's is a word too
            if len(letters) < MIN_WORD or not letters.isalpha() or is_stop_word(folded):
                continue
            key = word_key(folded)
            if not key:
                continue
            info = seen.get(key)
            if info is None:
                info = seen[key] = {
                    "order": len(seen),
                    "title": field == 0,
                    "count": 0,
                    "name": False,
                    "first": written,
                    "length": len(folded),
                }
            info["count"] = int(str(info["count"])) + 1
            if written[:1].isupper() and not at_start:
                info["name"] = True
                info["first"] = written
    ranked = sorted(
        seen.items(),
        key=lambda item: (
            not item[1]["title"],
            not item[1]["name"],
            -int(str(item[1]["count"])),
            -int(str(item[1]["length"])),
            int(str(item[1]["order"])),
        ),
    )
    words = []
    for key, info in ranked[:limit]:
        first = str(info["first"])
        shown = first if info["name"] else first.lower()
        words.append(CaseWord(key, shown, word_forms(first)))
    return words


def _match_expression(forms: Iterable[str]) -> str:
    """Exact (not prefix) terms ORed: ``park`` must not find ``parkeren``."""
    return " OR ".join(f'"{f}"' for f in forms if f.isalnum())


def _word_rows(
    store: JournalStore, words: list[CaseWord], own_seq: int | None, total: int
) -> tuple[dict[int, list[tuple[float, int]]], dict[str, float]]:
    """Index rows sharing each telling word, and each word's weight.

    One ``MATCH`` per word, read to at most ``cap + 1`` rows: more means
    the word is common, and it is dropped with its rows.
    """
    cap = min(MAX_CAP, max(MIN_CAP, total // COMMON_SHARE))
    norm = math.log(total + 1) or 1.0
    by_seq: dict[int, list[tuple[float, int]]] = {}
    weights: dict[str, float] = {}
    for position, word in enumerate(words):
        expression = _match_expression(word.forms)
        if not expression:
            continue
        rows = store.read_rows(
            "SELECT rowid FROM reflection_fts WHERE reflection_fts MATCH ? LIMIT ?",
            [expression, cap + 2],
        )
        seqs = [r[0] for r in rows if r[0] != own_seq]
        if not seqs or len(seqs) > cap:
            continue
        weight = WORD_WEIGHT * min(1.0, math.log((total + 1) / len(seqs)) / norm)
        weights[word.key] = weight
        for seq in seqs:
            by_seq.setdefault(seq, []).append((weight, position))
    return by_seq, weights


def similar_cases(
    store: JournalStore, reflection: Reflection, limit: int = MAX_CASES
) -> list[SimilarCase]:
    """Up to ``limit`` earlier reflections (drafts too) that share most with ``reflection``."""
    from reflect_tui.core.journal.store import summary_from_row

    own = store.read_rows("SELECT seq FROM reflections WHERE id = ?", [reflection.id])
    own_seq = int(own[0][0]) if own else None
    words = case_words(reflection)
    word_rows, _ = _word_rows(store, words, own_seq, max(1, store.count()))

    # Candidates: the best word matches, and the newest sharing each id list.
    def word_score(seq: int) -> float:
        return sum(w for w, _ in word_rows[seq])

    seqs = set(sorted(word_rows, key=lambda s: (-word_score(s), -s))[: CANDIDATES * 2])
    base = JournalQuery()
    sources = [base.replace(barriers=tuple(reflection.barriers))] if reflection.barriers else []
    if reflection.practices:
        sources.append(base.replace(practices=tuple(reflection.practices)))
    if reflection.case_kind:
        sources.append(base.replace(case_kinds=(reflection.case_kind,)))
    ids = {s.id for query in sources for s in find(store, query, CANDIDATES)}
    ids.discard(reflection.id)
    if not seqs and not ids:
        return []
    rows = store.read_rows(
        "SELECT r.seq, r.id, r.title, r.occurred_on, r.status, r.case_kind, r.updated_at,"
        " r.practices, r.barriers, r.helps FROM reflections r"
        " WHERE r.seq IN (SELECT value FROM json_each(?))"
        " OR r.id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(seqs)), json.dumps(sorted(ids))],
    )
    mine = {
        "practices": set(reflection.practices),
        "barriers": set(reflection.barriers),
        "helps": set(reflection.helps),
    }
    scored: list[tuple[float, str, str, tuple[object, ...], dict[str, tuple[str, ...]]]] = []
    for seq, rid, *summary_cols, practices, barriers, helps in rows:
        if rid == reflection.id:
            continue
        shared: dict[str, tuple[str, ...]] = {}
        score = 0.0
        for name, raw in (("practices", practices), ("barriers", barriers), ("helps", helps)):
            common = tuple(sorted(mine[name] & set(json.loads(raw or "[]"))))
            if common:
                shared[name] = common
                score += WEIGHTS[name] * len(common)
        if summary_cols[3] and summary_cols[3] == reflection.case_kind:
            shared["case_kind"] = (str(summary_cols[3]),)
            score += WEIGHTS["case_kind"]
        hits = word_rows.get(seq, [])
        if hits:
            score += sum(w for w, _ in hits)
            best = sorted(hits, key=lambda hit: (-hit[0], hit[1]))[:MAX_REASON_WORDS]
            shared["words"] = tuple(words[position].shown for _, position in best)
        # Practices alone count too (the issue: "practices, barriers or
        # words"), but one shared practice is common, so ``MIN_SCORE`` asks
        # for two of them with the kind of case, or one with more in common.
        if score >= MIN_SCORE:
            scored.append(
                (round(score, 3), str(summary_cols[1]), rid, (rid, *summary_cols), shared)
            )
    # Best first, then the newest (ISO dates sort as text), then by id; only
    # the few returned are made into summaries.
    scored.sort(key=lambda c: c[2])
    scored.sort(key=lambda c: (-c[0], _descending(c[1])))
    return [
        SimilarCase(summary_from_row(row), score, shared)
        for score, _, _, row, shared in scored[:limit]
    ]


def _descending(text: str) -> tuple[int, ...]:
    """A sort key that orders ``text`` (an ISO date) newest first."""
    return tuple(-ord(ch) for ch in text)
