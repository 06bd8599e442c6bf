"""Example notes: the coach recognises a case by the notes it resembles.

Why examples next to keywords and situations: a tip's keywords and cue
words catch a case only when the user happens to use those words, and blind
readers kept finding cases whose situation was plain but worded otherwise
("de zaal liep leeg" for residents who were not heard). Each layer may hold
example notes (``examples/*.yaml`` in its folder), written as a civil
servant types them after a case, each with the tips an experienced coach
would give first. A tip's examples together form its profile (the centroid
of their weighted word vectors, Rocchio's classifier); a new note is
compared with every profile by cosine similarity. No training step: a
trainer who adds examples for an own tip changes the coach at the next
load, and the similarity is explained by the user's own sentence that is
closest to the profile.

Words are the coach's match keys (lemma + stem, ``text_analysis.word_key``)
of content words, plus a compound's head and first part at half weight, so
"buurtbewoners" also counts as "bewoners". Examples are read lazily, at the
first coaching of a content object, never at start-up.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reflect_tui.core.content.examples import Example, read_examples
from reflect_tui.core.content.model import Content
from reflect_tui.core.text_analysis import (
    Token,
    compound_splits,
    is_stop_word,
    sentence_numbers,
    tokenize,
    word_key,
)

FIRST_TIP_WEIGHT = 1.0  # the tip an example was written for (listed first)
OTHER_TIP_WEIGHT = 0.7  # further tips that fit the example well
PART_WEIGHT = 0.5  # a compound's head or first part, next to the whole word
MIN_WORD = 3  # shorter words carry no meaning of their own here
QUOTE_WORDS = 12  # the longest quote of the user's sentence in a reason line
# A quoted sentence must hold one of the tip's most telling words (of its
# examples): "Meneer dreigt met zijn advocaat" shares only everyday words with
# the examples of a tip about using your expertise, and quoting it read as a
# misreading.
TELLING_WORDS = 40
TELLING_SHARE = 0.12  # ... and at least this share of the word's weight over all profiles
# How a note's resemblance to a tip's examples becomes a strength 0..1:
EXAMPLES_FULL = 0.18  # a cosine similarity that counts fully (a typical best fit)
EXAMPLES_WORDS = 8  # content words from which a note's resemblance counts fully
EXAMPLES_CAP = 1.0  # the strongest resemblance (far above a typical best fit counts no more)
TELLING_MIN = 2  # telling words in the quoted sentence ("Mijn teamleider vroeg ..." has one)


def features(text: str, tokens: Sequence[Token] | None = None) -> dict[str, float]:
    """The weighted words of a text: match keys of its content words, plus compound parts."""
    counts: defaultdict[str, float] = defaultdict(float)
    for token in tokens if tokens is not None else tokenize(text):
        word = token.text
        if len(word) < MIN_WORD or is_stop_word(word):
            continue
        counts[word_key(word)] += 1.0
        if len(word) >= 2 * MIN_WORD + 2:
            splits = compound_splits(word)
            if splits:
                first, rest = splits[-1]
                counts["h:" + word_key(rest)] += PART_WEIGHT
                counts["m:" + word_key(first)] += PART_WEIGHT
    return dict(counts)


@dataclass(frozen=True)
class ExampleModel:
    """Per tip, the normalised profile of its examples; per word, its rarity."""

    idf: Mapping[str, float]
    profiles: Mapping[str, Mapping[str, float]]
    counts: Mapping[str, int]  # examples per tip
    # Per tip, its telling words: computed with the profiles, so that the
    # shared, frozen model is never written after it is built (threads).
    telling_words: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.profiles)

    def vector(self, counts: Mapping[str, float]) -> dict[str, float]:
        """Unit-length tf-idf vector of a text's features (unknown words left out)."""
        vec = {w: (1.0 + math.log(c)) * self.idf[w] for w, c in counts.items() if w in self.idf}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {w: x / norm for w, x in vec.items()}

    def scores(self, text: str, tokens: Sequence[Token] | None = None) -> dict[str, float]:
        """Cosine similarity of the text with every tip's profile (only those above 0)."""
        return self.scores_and_size(text, tokens)[0]

    def scores_and_size(
        self, text: str, tokens: Sequence[Token] | None = None
    ) -> tuple[dict[str, float], int]:
        """``scores``, and how many distinct known whole words the text has (its evidence)."""
        query = self.vector(features(text, tokens))
        if not query:
            return {}, 0
        out: dict[str, float] = {}
        for tip_id, profile in self.profiles.items():
            score = sum(x * profile.get(w, 0.0) for w, x in query.items())
            if score > 0.0:
                out[tip_id] = score
        return out, sum(1 for w in query if ":" not in w)

    def telling(self, tip_id: str) -> frozenset[str]:
        """The words weighty in a tip's profile and mostly its own (see ``_telling_words``)."""
        return self.telling_words.get(tip_id, frozenset())

    def closest_sentence(self, text: str, tip_id: str, sentences: Sentences | None = None) -> str:
        """The user's own words closest to a tip's examples: one sentence, at most ``QUOTE_WORDS``.

        Why a sentence: the similarity is spread over the whole note, and a
        reason line must show which of the user's words made the coach think
        of this tip, in context.
        """
        profile = self.profiles.get(tip_id)
        if not profile:
            return ""
        best_score, best = 0.0, None
        for words, counts in sentences if sentences is not None else split_sentences(text):
            # Not normalised: the sentence that holds the most telling words
            # of the profile, not the one whose few words are all common.
            score = sum(
                (1.0 + math.log(c)) * self.idf.get(w, 0.0) * profile.get(w, 0.0)
                for w, c in counts.items()
            )
            if score > best_score:
                best_score, best = score, (words, counts)
        if best is None:
            return ""
        words, counts = best
        if len(self.telling(tip_id).intersection(counts)) < TELLING_MIN:
            return ""  # one word in common may be meant otherwise: quoting it misreads the note
        if len(words) > QUOTE_WORDS:
            words = _densest_window(words, profile, self)
        return _clean(text[words[0].start : words[-1].end])


Sentences = tuple[tuple[list[Token], dict[str, float]], ...]


def split_sentences(text: str) -> Sentences:
    """Each sentence's words and features.

    Why the caller keeps them (``match_tips`` splits once for the five tips it
    quotes for) rather than a module cache: a cache would keep journal text
    in memory after the coaching, also of an encrypted journal.
    """
    tokens = tokenize(text)
    groups: dict[int, list[Token]] = {}
    for token, number in zip(tokens, sentence_numbers(text, tokens), strict=True):
        groups.setdefault(number, []).append(token)
    return tuple((words, features("", words)) for words in groups.values())


def _densest_window(
    words: list[Token], profile: Mapping[str, float], model: ExampleModel
) -> list[Token]:
    """The ``QUOTE_WORDS`` consecutive words that weigh most in the tip's profile."""
    weights = []
    for token in words:
        counts = features("", [token])
        weights.append(sum(model.idf.get(w, 0.0) * profile.get(w, 0.0) for w in counts))
    best_start, best_sum = 0, -1.0
    for start in range(len(words) - QUOTE_WORDS + 1):
        total = sum(weights[start : start + QUOTE_WORDS])
        if total > best_sum:
            best_start, best_sum = start, total
    return words[best_start : best_start + QUOTE_WORDS]


def _clean(quote: str) -> str:
    """One line of plain text: control characters and line breaks become spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in quote).split())


def build_model(examples: Sequence[Example]) -> ExampleModel:
    """The tips' profiles from their examples (the first tip of an example counts most)."""
    featured = [(features(e.text), e) for e in examples]
    documents: Counter[str] = Counter()
    for counts, _ in featured:
        documents.update(counts.keys())
    total = len(featured)
    idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in documents.items()}
    empty = ExampleModel(idf, {}, {})
    sums: dict[str, dict[str, float]] = {}
    numbers: Counter[str] = Counter()
    for counts, example in featured:
        vec = empty.vector(counts)
        for position, tip_id in enumerate(example.tips):
            weight = FIRST_TIP_WEIGHT if position == 0 else OTHER_TIP_WEIGHT
            profile = sums.setdefault(tip_id, {})
            for word, value in vec.items():
                profile[word] = profile.get(word, 0.0) + weight * value
            numbers[tip_id] += 1
    profiles = {}
    for tip_id, profile in sums.items():
        norm = math.sqrt(sum(x * x for x in profile.values())) or 1.0
        profiles[tip_id] = {w: x / norm for w, x in profile.items()}
    return ExampleModel(idf, profiles, dict(numbers), _telling_words(profiles))


def _telling_words(profiles: Mapping[str, Mapping[str, float]]) -> dict[str, frozenset[str]]:
    """Per tip, the words weighty in its profile AND mostly its own.

    Why both: "boos" weighs in the examples of a dozen tips and tells none of
    them apart; a word that only one example used is not weighty.
    """
    spread: dict[str, float] = {}
    for profile in profiles.values():
        for word, value in profile.items():
            spread[word] = spread.get(word, 0.0) + value
    telling = {}
    for tip_id, profile in profiles.items():
        ranked = sorted(profile, key=lambda w: (-profile[w], w))[:TELLING_WORDS]
        telling[tip_id] = frozenset(w for w in ranked if profile[w] >= TELLING_SHARE * spread[w])
    return telling


_lock = threading.Lock()
_cache: dict[int, tuple[Content, ExampleModel]] = {}
_CACHE_SIZE = 4


def forget_models() -> None:
    """Drop every cached model (a benchmark timing the build; a test starting clean)."""
    with _lock:
        _cache.clear()


def example_model(content: Content) -> ExampleModel:
    """The cached model of this exact content object's layers (built at first use).

    Examples of tips the content lacks (a layer disabled them) are ignored;
    problems are left to ``reflect content check``.
    """
    with _lock:  # the TUI warms it in a thread while the UI may ask for it
        entry = _cache.get(id(content))
        if entry is not None and entry[0] is content:
            return entry[1]
        known = [tip.id for tip in content.tips]
        model = build_model(read_examples(content.layers, known).examples)
        while len(_cache) >= _CACHE_SIZE:
            del _cache[next(iter(_cache))]
        _cache[id(content)] = (content, model)
        return model


def example_resemblance(content: Content, text: str) -> dict[str, float]:
    """Per tip, how strongly ``text`` resembles its example notes (1.0: a typical best fit).

    The cosine similarity over ``EXAMPLES_FULL``, capped at ``EXAMPLES_CAP``:
    absolute, not relative to the closest tip, because a note that resembles
    nothing well must not make its least bad match look strong. A note of a
    few words resembles some examples by chance: its strengths count in
    proportion to its length, up to ``EXAMPLES_WORDS`` content words.
    """
    if not text.strip():
        return {}
    model = example_model(content)
    if not model:
        return {}
    scores, size = model.scores_and_size(text)
    reliable = min(1.0, size / EXAMPLES_WORDS)
    return {
        tip_id: min(EXAMPLES_CAP, score / EXAMPLES_FULL) * reliable
        for tip_id, score in scores.items()
    }
