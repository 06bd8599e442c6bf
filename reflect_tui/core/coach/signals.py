"""What the coach knows about a case: explicit choices plus what the text implies.

Why two layers: ``Signals`` holds only what the user chose or wrote (it
needs no content and is cheap to build on every keystroke pause);
``read_text`` interprets the free text against the content's keywords and
keeps the user's own words as evidence, so every conclusion can be
explained back to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from reflect_tui.core.coach.index import BARRIER, HELP, PRACTICE, TIP, coach_index
from reflect_tui.core.coach.text import MODIFIER, Token, quote, tokenize, word_forms
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.model import Reflection

LOW_RATING = 2  # a principle rated at or below this counts as "low"

# Words that, in the same sentence, turn a keyword shared by a barrier and a
# help (e.g. "collega's") into a help: "dankzij mijn collega van groen".
_POSITIVE_CUES = frozenset(
    {
        "hielp",
        "hielpen",
        "helpt",
        "geholpen",
        "dankzij",
        "steun",
        "steunde",
        "steunden",
        "gesteund",
        "meegedacht",
        "dacht",
        "dachten",
        "fijn",
        "prettig",
        "blij",
        "top",
        "gelukkig",
    }
)
# Words just before a help keyword that mean the help was missing ("geen budget").
_NEGATIONS = frozenset({"geen", "niet", "nooit", "zonder", "weinig", "gebrek", "onvoldoende"})
_NEGATION_WINDOW = 3
_SENTENCE_BREAKS = frozenset(".!?\n;")


@dataclass(frozen=True)
class Signals:
    """Everything the user told us about the case, before interpretation.

    ``ratings`` keeps (principle id, rating) pairs so reasons can say "je
    gaf jezelf een 2 voor Open"; ``low_principles`` is derived from them
    when built from a reflection.
    """

    text: str = ""
    case_kind: str | None = None
    practices: tuple[str, ...] = ()
    step: str | None = None
    low_principles: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    helps: tuple[str, ...] = ()
    ratings: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_reflection(cls, r: Reflection, step: str | None = None) -> Signals:
        """Signals of a draft or complete reflection.

        ``step`` is the LSD step the user is answering right now (the
        session knows it; a stored reflection does not).
        """
        ratings = tuple((p.id, p.rating) for p in r.principles if p.rating is not None)
        return cls(
            text=r.all_text(),
            case_kind=r.case_kind,
            practices=tuple(dict.fromkeys(r.practices)),
            step=step,
            low_principles=tuple(pid for pid, rating in ratings if rating <= LOW_RATING),
            barriers=tuple(dict.fromkeys(r.barriers)),
            helps=tuple(dict.fromkeys(r.helps)),
            ratings=ratings,
        )

    def rating_of(self, principle_id: str) -> int | None:
        """The rating given for a principle, if any."""
        for pid, rating in self.ratings:
            if pid == principle_id:
                return rating
        return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place in the user's text that supports a conclusion.

    ``quote`` is a short, plain snippet of the user's own words (never
    markup); ``keyword`` is the content keyword it matched.
    """

    quote: str
    keyword: str
    start: int


def _freeze(groups: dict[str, list[Evidence]]) -> Mapping[str, tuple[Evidence, ...]]:
    return MappingProxyType({key: tuple(value) for key, value in sorted(groups.items())})


@dataclass(frozen=True)
class TextEvidence:
    """What the free text implies, per id, with the words that imply it."""

    practices: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    barriers: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    helps: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    tips: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)


def _sentence_of(text: str, tokens: list[Token]) -> list[int]:
    """Sentence number of each token, so cues only count within their sentence."""
    numbers: list[int] = []
    sentence = 0
    previous_end = 0
    for token in tokens:
        if any(ch in _SENTENCE_BREAKS for ch in text[previous_end : token.start]):
            sentence += 1
        numbers.append(sentence)
        previous_end = token.end
    return numbers


def _has_cue(tokens: Iterable[Token], cues: frozenset[str]) -> bool:
    return any(token.text in cues or word_forms(token.text) & cues for token in tokens)


def read_text(content: Content, text: str) -> TextEvidence:
    """Find the practices, barriers, helps and tips the text points at.

    A word that is both a barrier and a help keyword ("collega's",
    "wethouder") counts as a help only with a positive cue in its sentence,
    otherwise as a barrier; a help keyword right after a negation ("geen
    budget") is not a help. Barriers and helps are never read from the
    first part of a compound ("muurvast" is not about a wall).
    """
    if not text.strip():
        return TextEvidence()
    tokens = tokenize(text)
    index = coach_index(content)
    hits = list(index.keywords.iter_hits(tokens))
    sentences = _sentence_of(text, tokens)
    barrier_spans = {h.start for h in hits if h.key[0] == BARRIER}
    help_spans = {h.start for h in hits if h.key[0] == HELP}
    groups: dict[str, dict[str, list[Evidence]]] = {
        PRACTICE: {},
        BARRIER: {},
        HELP: {},
        TIP: {},
    }
    bounds: dict[int, tuple[int, int]] = {}
    for position, number in enumerate(sentences):
        first, _ = bounds.get(number, (position, position))
        bounds[number] = (first, position + 1)
    positive: dict[int, bool] = {}

    def positive_sentence(number: int) -> bool:
        if number not in positive:
            first, end = bounds[number]
            positive[number] = _has_cue(tokens[first:end], _POSITIVE_CUES)
        return positive[number]

    seen_spans: set[tuple[object, int]] = set()
    seen_words: set[tuple[object, str]] = set()
    for hit in hits:
        kind, item_id = hit.key
        word = hit.keyword.casefold()
        # One piece of evidence per place and per keyword: repeats add nothing
        # to a score, and a 100 KB answer must not make thousands of quotes.
        if (hit.key, hit.start) in seen_spans or (hit.key, word) in seen_words:
            continue
        if kind in (BARRIER, HELP):
            if hit.part == MODIFIER:
                continue  # "muurvast" is not about a wall
            if hit.start in barrier_spans and hit.start in help_spans:
                if (kind == HELP) != positive_sentence(sentences[hit.position]):
                    continue
            elif kind == HELP:
                before = tokens[max(0, hit.position - _NEGATION_WINDOW) : hit.position]
                if _has_cue(before, _NEGATIONS):
                    continue
        seen_spans.add((hit.key, hit.start))
        seen_words.add((hit.key, word))
        evidence = Evidence(quote(text, hit.start, hit.end), hit.keyword, hit.start)
        groups[kind].setdefault(item_id, []).append(evidence)
    return TextEvidence(
        practices=_freeze(groups[PRACTICE]),
        barriers=_freeze(groups[BARRIER]),
        helps=_freeze(groups[HELP]),
        tips=_freeze(groups[TIP]),
    )


def first_quotes(evidence: Iterable[Evidence], limit: int = 2) -> list[str]:
    """Up to ``limit`` distinct quotes, in text order (for reasons)."""
    quotes: list[str] = []
    covered_until = -1
    for item in sorted(evidence, key=lambda e: e.start):
        if item.start < covered_until or not item.quote or item.quote in quotes:
            continue  # inside the previous quote ("collega's van vastgoed" / "vastgoed")
        quotes.append(item.quote)
        covered_until = item.start + len(item.quote)
        if len(quotes) >= limit:
            break
    return quotes
