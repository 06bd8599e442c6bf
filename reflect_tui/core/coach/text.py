"""Dutch text handling for the coach: folding, word forms, compounds, keyword search.

Why not a real stemmer: the coach only has to decide whether a user's word
and a content keyword are "the same word" (``collega's`` / ``collega``,
``straten`` / ``straat``, ``gewerkt`` / ``werken``, ``kapvergunning`` /
``vergunning``). Instead of one canonical stem per word (which Dutch vowel
and consonant alternations make brittle) each word gets a small set of
plausible base forms; two words match when their sets meet. Short derived
forms are dropped so that ``weten`` does not turn into the keyword ``wet``.

Everything here is pure and deterministic; results for a token are cached
per index because user texts repeat the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

# Apostrophe look-alikes people type (smart quotes, accents, modifier letters).
_APOSTROPHES = frozenset("'’‘`´ʼ′")
_VOWELS = frozenset("aeiouy")
# A word: letters/digits, optionally with one apostrophe part (collega's, zo'n).
_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
# Endings of the apostrophe part that mark a plural or diminutive of the head.
_APOSTROPHE_TAILS = frozenset({"s", "tje", "tjes", "je", "jes"})
# Suffixes tried on every word, longest first within each family. Several
# may apply; every result is a candidate base form.
_SUFFIXES: tuple[str, ...] = (
    "etjes",
    "etje",
    "tjes",
    "pjes",
    "kjes",
    "tje",
    "pje",
    "kje",
    "jes",
    "je",
    "heden",
    "heid",
    "ende",
    "den",
    "ten",
    "ens",
    "en",
    "de",
    "te",
    "es",
    "s",
    "e",
    "t",
)
# Suffixes after which an open syllable means a long vowel (bomen -> boom).
_OPEN_SYLLABLE_SUFFIXES = frozenset({"en", "e", "ens", "es"})
MIN_FORM = 4  # derived forms shorter than this are too ambiguous to match on
MIN_COMPONENT = 4  # a compound part must be at least this long to count
MIN_REST = 3  # ... and leave at least this much of the word as the other part
_SENTENCE_END = frozenset(".!?;:\n")
# Where in a token a keyword was found: the whole word, or the head (last
# part: "kapvergunning" is a vergunning) or modifier (first part:
# "buurttuin" is about the buurt) of a compound.
WHOLE = "whole"
HEAD = "head"
MODIFIER = "modifier"
# Function words never count as a base form of another word ("niets" is
# not "niet"); they also end a quoted phrase.
FUNCTION_WORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "den",
        "der",
        "des",
        "die",
        "dit",
        "doe",
        "doen",
        "door",
        "dus",
        "een",
        "en",
        "er",
        "geen",
        "had",
        "heb",
        "hebben",
        "heeft",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "kon",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "moet",
        "na",
        "naar",
        "niet",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uit",
        "van",
        "veel",
        "voor",
        "waar",
        "wat",
        "we",
        "wel",
        "werd",
        "wie",
        "wij",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zei",
        "zij",
        "zich",
        "zijn",
        "zo",
        "zou",
    ]
)
# Words that may open a quote ("geen budget") or link a following noun
# into it ("collega's van vastgoed").
_LEAD_WORDS = frozenset({"geen", "mijn", "onze", "ons", "hun", "haar", "jullie", "te"})
_LINK_WORDS = frozenset({"van", "voor", "met", "bij", "uit", "over", "aan", "op"})
# Words in the original (unfolded) text, for quoting.
_RAW_WORD_RE = re.compile(r"[^\W_]+(?:['’‘`´ʼ′][^\W_]+)?")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Casefold, drop diacritics (é -> e, ë -> e) and unify apostrophes."""
    return "".join(_fold_char(ch) for ch in text)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its folded form and where it sits in the original."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into folded words, keeping offsets into the original.

    Offsets let the coach quote the user's own words back, unchanged.
    """
    if text.isascii():  # fast path: folding keeps every offset
        folded = text.lower().replace("`", "'")
        return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(folded)]
    pieces = [_fold_char(ch) for ch in text]
    folded = "".join(pieces)
    if len(folded) == len(text):
        return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(folded)]
    # Some character folded to several (ß -> ss): map folded offsets back.
    origin: list[int] = []
    for index, piece in enumerate(pieces):
        origin.extend([index] * len(piece))
    origin.append(len(text))
    tokens = []
    for m in _TOKEN_RE.finditer(folded):
        start = origin[m.start()]
        end = origin[m.end() - 1] + 1 if m.end() > m.start() else start
        tokens.append(Token(m.group(), start, end))
    return tokens


def _base_variants(stem: str, suffix: str) -> list[str]:
    """Spelling repairs after cutting a suffix: bomm->bom, huiz->huis, bom->boom."""
    variants = [stem]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        variants.append(stem[:-1])  # kappen -> kap, wetten -> wet
    last = stem[-1]
    if last in "vz":
        stem = stem[:-1] + ("f" if last == "v" else "s")  # geven -> gef, huizen -> huis
        variants.append(stem)
    if (
        suffix in _OPEN_SYLLABLE_SUFFIXES
        and 3 <= len(stem) <= 6
        and stem[-1] not in _VOWELS
        and stem[-2] in "aeou"
        and stem[-3] not in _VOWELS
    ):
        variants.append(stem[:-1] + stem[-2] + stem[-1])  # straten -> straat, bomen -> boom
    return variants


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """Plausible base forms of one folded word, the word itself included.

    ``collega's`` -> {collegas, collega}; ``bewoners`` -> {bewoners,
    bewoner}; ``gehoord`` -> {gehoord, hoor}; ``straten`` -> {straten,
    straat, ...}. Forms shorter than ``MIN_FORM`` are kept only when they
    come from undoubling (``wetten`` -> ``wet``) or are the word itself.
    """
    forms: set[str] = set()
    words = [word.replace("'", "")]
    head, sep, tail = word.partition("'")
    if sep and tail in _APOSTROPHE_TAILS and head:
        words.append(head)
    for whole in words:
        forms.add(whole)
        stems = [whole]
        if whole.startswith("ge") and len(whole) >= 6 and whole[-1] in "dt":
            stems.append(whole[2:-1])  # gewerkt -> werk, geluisterd -> luister
            if len(whole) - 3 >= MIN_FORM:
                forms.add(whole[2:-1])
        for stem in stems:
            for suffix in _SUFFIXES:
                if not stem.endswith(suffix) or len(stem) - len(suffix) < 3:
                    continue
                cut = stem[: -len(suffix)]
                for index, variant in enumerate(_base_variants(cut, suffix)):
                    undoubled = index == 1 and cut[-1] == cut[-2]
                    long_enough = len(variant) >= MIN_FORM or (undoubled and len(variant) >= 3)
                    if long_enough and variant not in FUNCTION_WORDS:
                        forms.add(variant)
    return frozenset(forms)


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


@dataclass(frozen=True, slots=True)
class _Term(Generic[K]):
    key: K
    keyword: str
    rest: tuple[frozenset[str], ...]  # forms of the 2nd, 3rd... word of a phrase


class KeywordIndex(Generic[K]):
    """All keywords of a content, prepared once, searchable in one pass.

    ``key`` is whatever the caller uses to tell owners apart (e.g.
    ``("barrier", "collegas")``). A single-word keyword also matches as a
    component of a compound (``buurttuin`` contains ``tuin`` and
    ``buurt``); a phrase keyword must appear word by word.
    """

    def __init__(self, terms: Iterable[tuple[K, str]]) -> None:
        self._by_form: dict[str, list[_Term[K]]] = {}
        # Single-word keywords by their own spelling: a compound part must
        # contain the keyword itself ("buurttuinen" -> tuin), not merely share
        # a derived form with it ("escaleert" is not "leren").
        self._whole: dict[str, list[_Term[K]]] = {}
        seen: set[tuple[K, str]] = set()
        for key, keyword in terms:
            words = [t.text for t in tokenize(keyword)]
            if not words or (key, " ".join(words)) in seen:
                continue
            seen.add((key, " ".join(words)))
            term = _Term(key, keyword.strip(), tuple(word_forms(w) for w in words[1:]))
            for form in word_forms(words[0]):
                self._by_form.setdefault(form, []).append(term)
            if len(words) == 1:
                self._whole.setdefault(words[0].replace("'", ""), []).append(term)
        self._token_cache: dict[str, tuple[tuple[_Term[K], str], ...]] = {}

    def _terms_for(self, token: str) -> tuple[tuple[_Term[K], str], ...]:
        """Terms whose first word matches ``token`` directly or as a compound part."""
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        found: dict[int, tuple[_Term[K], str]] = {}
        for form in word_forms(token):
            for term in self._by_form.get(form, ()):
                found.setdefault(id(term), (term, WHOLE))
        plain = token.replace("'", "")
        for cut in range(MIN_REST, len(plain) - MIN_REST + 1):
            for part, role in ((plain[cut:], HEAD), (plain[:cut], MODIFIER)):
                if len(part) < MIN_COMPONENT or len(plain) - len(part) < MIN_REST:
                    continue
                for form in word_forms(part):
                    for term in self._whole.get(form, ()):
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
                if term.rest:
                    following = tokens[position + 1 : position + 1 + len(term.rest)]
                    if len(following) < len(term.rest) or any(
                        not (word_forms(tok.text) & forms)
                        for tok, forms in zip(following, term.rest, strict=True)
                    ):
                        continue
                    end = following[-1].end
                yield Hit(term.key, term.keyword, token.start, end, part, position)


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
