"""Situation cues: short phrases that say what a case is about, not just a word in it.

Why a second kind of evidence beside keywords: a single everyday word
("bellen", "aan tafel", "plein") says little about which advice fits, and a
blind reading of the coach's advice found such words driving the tips. A
trainer writes a tip's ``cues`` as the few phrases that show the case is
the very situation the tip's core move is for ("boze zaal", "wat ik mocht
beloven", "komt niet van de grond"). A cue matches when its words occur in
that order within one clause of the user's text, each by its match key
(so inflected forms count), with at most ``MAX_GAP`` other words between
consecutive cue words ("boos en bang" matches "boos, verdrietig en bang").
A negation just before a cue that holds none itself cancels it ("niemand
was boos"); a one-word cue inside a known idiom never counts (a cue of
several words may be the idiom itself: "kastje naar de muur").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reflect_tui.core.text_analysis import Token, tokenize, word_key

MAX_GAP = 2  # other words allowed between two consecutive cue words
# Dutch puts the participle at the end of the clause: "de wethouder heeft op
# de wijkschouw bankjes beloofd" is the cue "wethouder heeft beloofd" with
# four words between its last two. When a cue ends in auxiliary + participle,
# the participle may be this far on, within the same clause. Only then: in
# "hebben niemand" the verb is no auxiliary ("ze hebben allemaal een eigen
# aanpak en niemand ..." must not match).
MAX_VERB_GAP = 8
_AUXILIARIES = frozenset(
    word_key(w)
    for w in ("heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "wordt", "werd")
)
_PARTICIPLE = re.compile(r"^(ge|be|ver|ont|her|toe|af|aan|op|uit|mee)\w{2,}(d|t|en)$")
NEGATION_BEFORE = 3  # tokens before a cue in which a negation cancels it


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue of one owner (a tip id), as match keys in order."""

    owner: str
    text: str
    keys: tuple[str, ...]
    verb_final: bool = False  # ends in auxiliary + participle ("heeft beloofd")


@dataclass(frozen=True, slots=True)
class CueHit:
    """Where a cue matched: owner, the cue, and the token span it covers."""

    owner: str
    cue: str
    first: int
    last: int


class CueIndex:
    """Every cue of a content, grouped by its first word's key (one pass per text)."""

    def __init__(self, cues: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[Cue]] = {}
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for owner, text in cues:
            words = [t.text.casefold() for t in tokenize(text)]
            keys = tuple(word_key(w) for w in words)
            if not keys or (owner, keys) in seen:
                continue
            seen.add((owner, keys))
            verb_final = (
                len(keys) >= 2 and keys[-2] in _AUXILIARIES and bool(_PARTICIPLE.match(words[-1]))
            )
            self._by_first.setdefault(keys[0], []).append(
                Cue(owner, text.strip(), keys, verb_final)
            )

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def hits(
        self,
        tokens: list[Token],
        clauses: list[int],
        masked: set[int] | frozenset[int],
        negations: frozenset[str],
        every: bool = False,
    ) -> list[CueHit]:
        """Every cue found in the tokens, first occurrence per (owner, cue).

        With ``every``, each occurrence (situations need to know where each
        of their words is, not only the first place).
        """
        if not self._by_first:
            return []
        keys = [word_key(t.text) for t in tokens]
        found: dict[tuple[str, str, int], CueHit] = {}
        for position, key in enumerate(keys):
            for cue in self._by_first.get(key, ()):
                if not every and (cue.owner, cue.text, 0) in found:
                    continue
                # An idiom's words never count alone, but a cue may be the idiom.
                mask = masked if len(cue.keys) == 1 else frozenset()
                if position in mask:
                    continue
                last = _match_rest(cue, keys, clauses, mask, position)
                if last is None:
                    continue
                if not negations.intersection(cue.keys) and _negated_before(
                    keys, clauses, position, negations
                ):
                    continue
                slot = position if every else 0
                found[(cue.owner, cue.text, slot)] = CueHit(cue.owner, cue.text, position, last)
        return list(found.values())


def _match_rest(
    cue: Cue,
    keys: list[str],
    clauses: list[int],
    masked: set[int] | frozenset[int],
    position: int,
) -> int | None:
    """Index of the last token if the cue's other words follow in order, else None."""
    current = position
    for number, wanted in enumerate(cue.keys[1:], 1):
        nxt = None
        participle = cue.verb_final and number == len(cue.keys) - 1
        gap = MAX_VERB_GAP if participle else MAX_GAP
        for candidate in range(current + 1, min(len(keys), current + 2 + gap)):
            if clauses[candidate] != clauses[position]:
                break
            if keys[candidate] == wanted and candidate not in masked:
                nxt = candidate
                break
        if nxt is None:
            return None
        current = nxt
    return current


def _negated_before(
    keys: list[str], clauses: list[int], position: int, negations: frozenset[str]
) -> bool:
    for index in range(max(0, position - NEGATION_BEFORE), position):
        if clauses[index] == clauses[position] and keys[index] in negations:
            if index > 0 and keys[index - 1] in _NOT_KNOWING:
                continue  # "ik weet niet wie de eigenaar is": not knowing, no negation
            return True
    return False


_NOT_KNOWING = frozenset(word_key(w) for w in ("weet", "wist", "weten"))


def group_by_owner(hits: Iterable[CueHit]) -> Mapping[str, list[CueHit]]:
    """Hits per owner, in text order."""
    groups: dict[str, list[CueHit]] = {}
    for hit in sorted(hits, key=lambda h: (h.first, h.cue)):
        groups.setdefault(hit.owner, []).append(hit)
    return groups
