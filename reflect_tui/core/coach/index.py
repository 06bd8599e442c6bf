"""What the coach precomputes once per content: keyword index, tip features, affinities.

Why a cache keyed by object identity: ``Content`` is frozen and shared by
every screen, so its derived data never goes stale; building the keyword
index costs a few milliseconds and matching happens on every keystroke
pause in the TUI. ``Content`` is neither hashable (it holds mappings) nor
weak-referenceable (slots), so the small cache holds the content itself
next to its index and checks identity; at most a few contents are kept.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from reflect_tui.core.coach.cues import CueIndex
from reflect_tui.core.coach.situations import SituationIndex
from reflect_tui.core.coach.text import KeywordIndex, tokenize, word_key
from reflect_tui.core.content.model import Content, Tip

# Keys of the keyword index: (owner kind, id).
PRACTICE = "practice"
BARRIER = "barrier"
HELP = "help"
TIP = "tip"
KeywordKey = tuple[str, str]

_CACHE_SIZE = 8


@dataclass(frozen=True)
class CoachIndex:
    """Derived, read-only data for one ``Content``.

    ``affinity[(kind, id)][practice]`` says how strongly a barrier, help or
    case kind goes with each practice, learned from how the tips are tagged
    (share of the tips carrying that tag that also carry the practice), so
    an organisation layer with its own tips shifts it automatically. The share
    is taken relative to the practice's share of all tips (its lift): a
    practice with many tips would otherwise go with every tag by its size
    alone (binnen-buiten has the most tips and 26 of its 30 carry a barrier,
    so every hindrance and every case kind leaned towards it).
    """

    keywords: KeywordIndex[KeywordKey]
    tip_features: Mapping[str, frozenset[str]]
    affinity: Mapping[tuple[str, str], Mapping[str, float]]
    practice_sizes: Mapping[str, int]  # number of case tips per practice
    keyword_tips: Mapping[str, int]  # folded keyword -> how many tips carry it
    cues: CueIndex  # the tips' situation cues
    situations: SituationIndex  # the situations in which a tip is the core move

    def specificity(self, keyword: str) -> float:
        """1 for a keyword only one tip carries, less the more tips share it.

        Why: "bewoners" or "plan" in a text says little about which tip fits;
        "toezeggen" says a lot.
        """
        return 1.0 / math.sqrt(max(1, self.keyword_tips.get(_norm(keyword), 1)))


def _keyword_terms(content: Content) -> Iterator[tuple[KeywordKey, str]]:
    for practice in content.practices:
        for keyword in practice.keywords:
            yield (PRACTICE, practice.id), keyword
    for barrier in content.barriers:
        for keyword in barrier.keywords:
            yield (BARRIER, barrier.id), keyword
    for help_ in content.helps:
        for keyword in help_.keywords:
            yield (HELP, help_.id), keyword
    for tip in content.tips:
        for keyword in tip.keywords:
            yield (TIP, tip.id), keyword


MIN_FACTOR_PART = 8  # a barrier/help keyword this long may be the head of a compound
MIN_PART_KEYWORD = 4  # other keywords: a "buurttuin" is a tuin


def _may_be_part(key: KeywordKey, word: str) -> bool:
    """Short barrier and help keywords are read from whole words only.

    Why: inside a compound they change meaning ("bewonersbeheer" is not the
    department beheer, a "transitievisie" is a plan, not a vision that guides
    participation, an "omgevingsmanager" is no manager); long, specific ones
    keep it ("vergunningsprocedure", "jeugdwethouder"). ``read_text`` never
    reads a barrier or help from the first part of a compound.
    """
    if key[0] in (BARRIER, HELP):
        return len(word) >= MIN_FACTOR_PART
    return len(word) >= MIN_PART_KEYWORD


def tip_features(tip: Tip) -> frozenset[str]:
    """What makes two tips say the same thing: tags, keywords and title words."""
    features = {f"p:{p}" for p in tip.practices}
    features |= {f"b:{b}" for b in tip.barriers}
    features |= {f"h:{h}" for h in tip.helps}
    for text in (*tip.keywords, tip.title):
        for token in tokenize(text):
            if len(token.text) >= 4:
                features.add("w:" + word_key(token.text))
    return frozenset(features)


def _affinity(content: Content, sizes: dict[str, int]) -> dict[tuple[str, str], dict[str, float]]:
    counts: dict[tuple[str, str], dict[str, float]] = {}
    totals: dict[tuple[str, str], int] = {}
    for tip in content.tips:
        if not tip.practices:
            continue
        tags = [(BARRIER, b) for b in tip.barriers]
        tags += [(HELP, h) for h in tip.helps]
        tags += [("kind", k) for k in tip.case_kinds]
        for tag in tags:
            totals[tag] = totals.get(tag, 0) + 1
            row = counts.setdefault(tag, {})
            for practice in tip.practices:
                row[practice] = row.get(practice, 0.0) + 1.0
    mean_size = sum(sizes.values()) / len(sizes) if sizes else 1.0
    return {
        tag: {
            practice: count / totals[tag] * mean_size / (sizes.get(practice) or mean_size)
            for practice, count in row.items()
        }
        for tag, row in counts.items()
    }


def _practice_sizes(content: Content) -> dict[str, int]:
    return {p.id: sum(p.id in tip.practices for tip in content.tips) for p in content.practices}


def _norm(keyword: str) -> str:
    return " ".join(word_key(t.text) for t in tokenize(keyword))


def _keyword_tips(content: Content) -> dict[str, int]:
    counts: dict[str, int] = {}
    for tip in content.tips:
        for key in {_norm(k) for k in tip.keywords}:
            counts[key] = counts.get(key, 0) + 1
    return counts


def build_index(content: Content) -> CoachIndex:
    """Build the derived data (uncached; use ``coach_index``)."""
    sizes = _practice_sizes(content)
    return CoachIndex(
        keywords=KeywordIndex(_keyword_terms(content), may_be_part=_may_be_part),
        tip_features={tip.id: tip_features(tip) for tip in content.tips},
        affinity=_affinity(content, sizes),
        keyword_tips=_keyword_tips(content),
        cues=CueIndex((tip.id, cue) for tip in content.tips for cue in tip.cues),
        situations=SituationIndex(content.tips),
        practice_sizes=sizes,
    )


_cache: dict[int, tuple[Content, CoachIndex]] = {}


def coach_index(content: Content) -> CoachIndex:
    """The cached ``CoachIndex`` of this exact content object."""
    entry = _cache.get(id(content))
    if entry is not None and entry[0] is content:
        return entry[1]
    index = build_index(content)
    while len(_cache) >= _CACHE_SIZE:
        del _cache[next(iter(_cache))]
    _cache[id(content)] = (content, index)
    return index
