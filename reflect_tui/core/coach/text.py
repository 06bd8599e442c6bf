"""Keyword search for the coach: whole words, real compound parts, phrases, quotes.

Word identity (folding, lemma + stem keys, compound boundaries) lives in
``reflect_tui.core.text_analysis`` so journal search uses the same rules;
this module adds what only the coach needs: an index of every content
keyword searchable in one pass, and short quotes of the user's words.

Matching rules (each a misreading seen on real text): a keyword matches a
word with the same key (``bomen``/``boom``), never a substring
(``rondsturen`` is not ``uren``); inside a compound only a part at a real
boundary counts (``kap|vergunning``), and the caller decides per keyword
whether it may match as a part at all (the coach lets barrier and help
keywords do so only when long and specific: ``bewonersbeheer`` is not the
department ``beheer``, but a ``vergunningsprocedure`` is a procedure).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from reflect_tui.core.text_analysis import (
    FUNCTION_WORDS,
    Token,
    compound_splits,
    fold,
    tokenize,
    word_key,
)

__all__ = [
    "FUNCTION_WORDS",
    "HEAD",
    "MODIFIER",
    "WHOLE",
    "Hit",
    "KeywordIndex",
    "Token",
    "fold",
    "quote",
    "tokenize",
    "word_key",
]

_SENTENCE_END = frozenset(".!?;:\n")
# Where in a token a keyword was found: the whole word, or the head (last
# part: "kapvergunning" is a vergunning) or modifier (first part:
# "buurttuin" is about the buurt) of a compound.
WHOLE = "whole"
HEAD = "head"
MODIFIER = "modifier"
# Words that only count inside a phrase keyword ("niet gehoord"), never alone.
NEVER_ALONE = frozenset({"niets", "nooit", "iets", "echt", "eigenlijk", "gewoon", "steeds"})
# Everyday words whose match key collides with a keyword in another sense
# ("vier" the number shares its key with "vieren", to celebrate; "zal" with
# "zaal"): as a whole word they never match a keyword of one word.
NEVER_KEYWORD = frozenset(
    {"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"}
)
# Words that may open a quote ("geen budget") or link a following noun
# into it ("collega's van vastgoed").
_LEAD_WORDS = frozenset({"geen", "mijn", "onze", "ons", "hun", "haar", "jullie", "te"})
_LINK_WORDS = frozenset({"van", "voor", "met", "bij", "uit", "over", "aan", "op"})
# Words in the original (unfolded) text, for quoting.
_RAW_WORD_RE = re.compile(r"[^\W_]+(?:['’‘`´ʼ′][^\W_]+)?")

# Whatever the caller uses to tell keyword owners apart; generic so the
# caller gets its own key type back from a hit (e.g. ``tuple[str, str]``).
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Hit(Generic[K]):
    """A keyword found in a text: whose keyword, which, and where."""

    key: K
    keyword: str
    start: int
    end: int
    part: str = "whole"  # WHOLE word, or the HEAD / MODIFIER of a compound
    position: int = 0  # index of the (first) token in the tokenised text
    last: int = 0  # index of the last token of the match (phrases span several)


@dataclass(frozen=True, slots=True)
class _Term(Generic[K]):
    key: K
    keyword: str
    rest: tuple[str, ...]  # keys of the 2nd, 3rd... word of a phrase
    parts: bool  # may match a part of a compound


def _parts_of(token: str) -> list[tuple[str, str]]:
    """(role, part) of a compound at real boundaries, one level into the rest."""
    found: list[tuple[str, str]] = []
    for first, rest in compound_splits(token):
        found.append((MODIFIER, first))
        found.append((HEAD, rest))
        for _, deeper in compound_splits(rest):
            found.append((HEAD, deeper))
    return found


class KeywordIndex(Generic[K]):
    """All keywords of a content, prepared once, searchable in one pass.

    ``key`` is whatever the caller uses to tell owners apart (e.g.
    ``("barrier", "collegas")``). ``may_be_part(key, word)`` says whether a
    single-word keyword may also match as a real part of a compound. A phrase keyword must appear
    word by word (each word by its key).
    """

    def __init__(
        self,
        terms: Iterable[tuple[K, str]],
        may_be_part: Callable[[K, str], bool] = lambda _key, _word: True,
    ) -> None:
        self._by_key: dict[str, list[_Term[K]]] = {}
        seen: set[tuple[K, str]] = set()
        for key, keyword in terms:
            words = [t.text for t in tokenize(keyword)]
            if not words or (key, " ".join(words)) in seen:
                continue
            if len(words) == 1 and words[0] in FUNCTION_WORDS | NEVER_ALONE:
                continue  # "niets" would match every "niet"
            seen.add((key, " ".join(words)))
            keys = [word_key(w) for w in words]
            parts = len(words) == 1 and may_be_part(key, words[0])
            term = _Term(key, keyword.strip(), tuple(keys[1:]), parts)
            self._by_key.setdefault(keys[0], []).append(term)
        self._token_cache: dict[str, tuple[tuple[_Term[K], str], ...]] = {}

    def _terms_for(self, token: str) -> tuple[tuple[_Term[K], str], ...]:
        """Terms whose first word is ``token`` or a real part of it."""
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        found: dict[int, tuple[_Term[K], str]] = {}
        alone = token not in FUNCTION_WORDS and token not in NEVER_KEYWORD
        for term in self._by_key.get(word_key(token), ()):
            if alone or term.rest:
                found.setdefault(id(term), (term, WHOLE))
        if len(token) >= 6:
            for role, part in _parts_of(token):
                if role != HEAD:
                    continue  # first parts are often names: Parklaan, Kerkweg
                for term in self._by_key.get(word_key(part), ()):
                    if term.parts:
                        found.setdefault(id(term), (term, role))
        result = tuple(sorted(found.values(), key=lambda pair: (str(pair[0].key), pair[0].keyword)))
        if len(self._token_cache) < 100_000:
            self._token_cache[token] = result
        return result

    def search(self, text: str) -> list[Hit[K]]:
        """Every keyword occurrence in ``text``, in text order."""
        return list(self.iter_hits(tokenize(text)))

    def iter_hits(self, tokens: list[Token]) -> Iterator[Hit[K]]:
        """Hits over an already tokenised text (so several indexes can share one pass)."""
        for position, token in enumerate(tokens):
            for term, part in self._terms_for(token.text):
                end = token.end
                last = position
                if term.rest:
                    following = tokens[position + 1 : position + 1 + len(term.rest)]
                    if len(following) < len(term.rest) or any(
                        word_key(tok.text) != key
                        for tok, key in zip(following, term.rest, strict=True)
                    ):
                        continue
                    end = following[-1].end
                    last = position + len(term.rest)
                yield Hit(term.key, term.keyword, token.start, end, part, position, last)


def _clean(text: str) -> str:
    """Plain, single-line text: control and escape characters become spaces."""
    return "".join(" " if (unicodedata.category(c)[0] == "C") else c for c in text)


def quote(text: str, start: int, end: int, max_len: int = 40) -> str:
    """The user's own words around a match, as a short plain string.

    The matched words, plus a preceding "geen"/"mijn"/... and a following
    "van vastgoed"-like phrase when they fit in ``max_len`` and stay in the
    same clause: "geen budget", "collega's van vastgoed". Control
    characters are blanked; nothing is interpreted as markup.
    """
    end = max(end, start)
    window_start = max(0, start - 20)
    words = list(_RAW_WORD_RE.finditer(text, window_start, min(len(text), end + max_len)))
    before = [m for m in words if m.end() <= start]
    after = [m for m in words if m.start() >= end]

    def same_clause(a: int, b: int) -> bool:
        return not any(ch in _SENTENCE_END or ch == "," for ch in text[a:b])

    if (
        before
        and fold(before[-1].group()) in _LEAD_WORDS
        and same_clause(before[-1].end(), start)
        and end - before[-1].start() <= max_len
    ):
        start = before[-1].start()
    if (
        len(after) >= 2
        and fold(after[0].group()) in _LINK_WORDS
        and fold(after[1].group()) not in FUNCTION_WORDS
        and same_clause(end, after[1].start())
        and after[1].end() - start <= max_len
    ):
        end = after[1].end()
    snippet = " ".join(_clean(text[start:end]).split())
    if len(snippet) > max_len:
        snippet = snippet[: max_len - 1].rstrip() + "…"
    return snippet
