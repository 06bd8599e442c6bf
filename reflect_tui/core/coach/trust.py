"""How far a piece of text evidence can be trusted to mean what a tip is about.

Why its own module: the tip scorer (tips.py) and the practice suggester
(practices.py) must judge a cue or a keyword the same way, and tips.py
imports practices.py, so the shared judgement lives below both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reflect_tui.core.coach.signals import Evidence
from reflect_tui.core.coach.text import FUNCTION_WORDS, NEVER_ALONE, tokenize

KEYWORDS_TOGETHER_MIN = 3  # distinct own keywords that confirm each other


def cue_confirmed(cues: Sequence[Evidence], words: Sequence[Evidence]) -> bool:
    """Whether the cues say what the case is about, not one word in another sense.

    A cue of several words is itself context; a one-word cue counts fully
    with a second distinct cue or one of the tip's own keywords elsewhere.
    """
    spans = {(e.start, e.start + len(e.word or e.quote)) for e in cues}
    if any(_telling_phrase(e.keyword) for e in cues):
        return True
    if len({e.keyword.casefold() for e in cues}) >= 2:
        return True
    return any(not any(a <= w.start < b for a, b in spans) for w in words)


def strong_words(items: Sequence[Evidence]) -> bool:
    """Whether these words say what they are about without doubt of their sense.

    A phrase keyword ("geen tijd", "collega's willen niet") carries its own
    context; one everyday word ("mijn teamleider", "advocaat", "vier") does
    not, nor do two ("park" and "kaart", "ouders" and "basisschool" were
    read wrongly together); three distinct keywords confirm each other.
    """
    keywords = {e.keyword.casefold() for e in items}
    return any(_telling_phrase(k) for k in keywords) or len(keywords) >= KEYWORDS_TOGETHER_MIN


@lru_cache(maxsize=4096)
def _content_words(keyword: str) -> int:
    """How many words of content a keyword has (0 for one word).

    "geen tijd" and "al besloten" have one, "raad stemde tegen" two; "kon
    niet" or "wat nog kan" none: only function words, they fit any sentence.
    """
    words = [t.text for t in tokenize(keyword)]
    if len(words) < 2:
        return 0
    return sum(1 for w in words if w not in _SMALL_WORDS and len(w) >= 3)


# Words that carry no content of their own in a phrase ("ter plekke", "heel erg").
_SMALL_WORDS = FUNCTION_WORDS | NEVER_ALONE | {"ter", "ten", "zelf", "even", "heel", "erg", "nou"}


def _telling_phrase(keyword: str) -> bool:
    return _content_words(keyword) >= 1
