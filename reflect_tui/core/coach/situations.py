"""Situations: the cases in which a tip is THE move, as small patterns over the text.

Why a third kind of evidence beside keywords and cues: blind coach readings
found the coach hanging advice on one loose word and missing the core move
of a case ("the departments send the resident from pillar to post", "the
council said no", "the initiators cannot carry it"). Such a situation is
seldom one word or one fixed phrase; it is a few things said together. A
trainer writes it as groups of words (``Situation.when``): the situation is
in the text when every group has one of its words (or short phrases) within
one sentence: blind readers of stop 14 found that words from two sentences
about different things suggested situations the note did not describe.
Words match by their match key (so "beloofde" matches "beloven"), never
inside a known idiom, and a negation just before a word cancels it
("niemand was boos"), unless the word itself holds one ("geen geld"). The
matched situation's ``reason`` tells the user which situation the coach
recognised, in words that cannot misread one word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reflect_tui.core.coach.cues import CueHit, CueIndex
from reflect_tui.core.content.model import Tip
from reflect_tui.core.text_analysis import Token

QUOTE_MAX = 60  # a longer stretch of the user's text is not quoted back
WINDOW_SENTENCES = 1  # a situation's words lie within one sentence (see above)
_SEP = "|"  # ids never hold it (validated id pattern)


@dataclass(frozen=True, slots=True)
class SituationHit:
    """A situation of a tip found in a text."""

    tip: str
    reason: str
    cues: tuple[str, ...]
    words: tuple[str, ...]  # the user's words that matched, one per group
    quote: str = ""  # the user's words from first to last match, when short and in one sentence


class SituationIndex:
    """Every situation of a content's tips, matched in one pass over a text."""

    def __init__(self, tips: Iterable[Tip]) -> None:
        terms: list[tuple[str, str]] = []
        self._shape: dict[tuple[str, int], tuple[int, str]] = {}
        for tip in tips:
            for number, situation in enumerate(tip.situations):
                self._shape[(tip.id, number)] = (len(situation.when), situation.reason)
                for group, words in enumerate(situation.when):
                    owner = f"{tip.id}{_SEP}{number}{_SEP}{group}"
                    terms.extend((owner, word) for word in words)
        self._terms = CueIndex(terms)

    def find(
        self,
        text: str,
        tokens: list[Token],
        sentences: list[int],
        clauses: list[int],
        masked: set[int] | frozenset[int],
        negations: frozenset[str],
        skip_clauses: set[int] | frozenset[int] = frozenset(),
    ) -> Mapping[str, tuple[SituationHit, ...]]:
        """The situations found, per tip id, in the order of ``Tip.situations``."""
        if not self._shape:
            return {}
        groups: dict[tuple[str, int], dict[int, list[CueHit]]] = {}
        for hit in self._terms.hits(tokens, clauses, masked, negations, every=True):
            if clauses[hit.first] in skip_clauses:
                continue
            tip_id, place, group = hit.owner.rsplit(_SEP, 2)
            groups.setdefault((tip_id, int(place)), {}).setdefault(int(group), []).append(hit)
        found: dict[str, list[SituationHit]] = {}
        for (tip_id, number), by_group in sorted(groups.items()):
            count, reason = self._shape[(tip_id, number)]
            if len(by_group) < count:
                continue
            chosen = _within_window(by_group, count, sentences)
            if chosen is None:
                continue
            found.setdefault(tip_id, []).append(
                SituationHit(
                    tip_id,
                    reason,
                    tuple(h.cue for h in chosen),
                    tuple(" ".join(t.text for t in tokens[h.first : h.last + 1]) for h in chosen),
                    _quote(text, tokens, sentences, chosen),
                )
            )
        return {tip_id: tuple(hits) for tip_id, hits in found.items()}


def _quote(text: str, tokens: list[Token], sentences: list[int], chosen: list[CueHit]) -> str:
    """The user's words the situation was read from, when they are one short stretch."""
    first = min(h.first for h in chosen)
    last = max(h.last for h in chosen)
    if sentences[first] != sentences[last]:
        return ""
    stretch = text[tokens[first].start : tokens[last].end]
    return stretch if len(stretch) <= QUOTE_MAX and "\n" not in stretch else ""


def _within_window(
    by_group: Mapping[int, list[CueHit]], count: int, sentences: list[int]
) -> list[CueHit] | None:
    """One hit per group, all within WINDOW_SENTENCES sentences and on different words."""
    starts = sorted({sentences[h.first] for hits in by_group.values() for h in hits})
    for start in starts:
        chosen: list[CueHit] = []
        used: set[int] = set()
        for group in range(count):
            pick = next(
                (
                    h
                    for h in by_group.get(group, ())
                    if start <= sentences[h.first] < start + WINDOW_SENTENCES
                    and not used.intersection(range(h.first, h.last + 1))
                ),
                None,
            )
            if pick is None:
                break
            chosen.append(pick)
            used.update(range(pick.first, pick.last + 1))
        else:
            return chosen
    return None
