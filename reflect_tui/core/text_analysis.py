"""Dutch words for matching and search: folding, tokens, match keys, compound parts.

One home for "are these the same Dutch word?", used by the coach (keywords
against a user's text) and by journal search. Why these libraries (measured
in ``benchmarks/stemmer_choice.py``):

- ``simplemma``'s Dutch dictionary gives the lemma of irregular and
  inflected forms (``hielp``/``geholpen`` -> ``helpen``, ``boze`` -> ``boos``,
  ``kastje`` -> ``kast``) and, as a lexicon, tells real compound parts from
  accidental ones (``rond|sturen`` is a split, ``rondst|uren`` is not);
- the classic Snowball Dutch (Porter) stemmer (``snowballstemmer``'s
  ``dutch_porter``; the newer ``dutch`` one strips "ge" even inside words:
  gemeente -> meen, eigenlijk -> einlijk) then folds what is left
  (``toezegging`` and ``toezeggen`` -> ``toezegg``), so the key is
  ``stem(lemma(word))``, computed the same way for keywords and for text.

Whole words match on their key. A compound matches a keyword only at a real
part boundary: the first part must be a dictionary lemma (optionally with a
linking ``s``/``e``/``en``), the rest a known word. The dictionary is read on
first use, never at import time: from a sorted table in the cache folder
(``lemma_table.py``), built once per machine.
"""

from __future__ import annotations

import _thread  # not threading: see core/journal/store.py
import re
from collections.abc import Iterator
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

__all__ = [
    "Token",
    "compound_splits",
    "fold",
    "is_known_word",
    "is_stop_word",
    "sentence_numbers",
    "text_keys",
    "tokenize",
    "warm_up",
    "word_forms",
    "word_key",
]

# Apostrophe look-alikes people type (smart quotes, accents, modifier letters).
_APOSTROPHES = frozenset("'’‘`´ʼ′")
# A word: letters/digits, optionally with one apostrophe part (collega's, zo'n).
# Compiled by ``re`` on first use (and cached there): ``reflect search`` imports this
# module for ``word_key`` and never tokenizes.
_TOKEN = r"[^\W_]+(?:'[^\W_]+)?"
_APOSTROPHE_TAILS = frozenset({"s", "tje", "tjes", "je", "jes"})
_LINKING = ("s", "en", "e")  # bewoner|s|avond, boek|en|kast, ...
_DIMINUTIVE_TAILS = ("etjes", "etje", "tjes", "tje", "jes", "je")
MIN_PART = 3  # compound parts shorter than this are never split off
_SENTENCE_BREAKS = frozenset(".!?\n;")

# Lemmas the dictionary gets wrong for our purpose, or words where lemma and
# stem together merge two meanings. Kept tiny and explained: each one was a
# misreading seen on real text.
_KEY_OVERRIDES: dict[str, str] = {
    "verkeerd": "verkeerd",  # wrong, not traffic (verkeer)
    "verkeerde": "verkeerd",
    "verkeerden": "verkeerd",
    "weten": "weten",  # to know, never the law (wet)
    "weet": "weten",
    "wist": "weten",
    "wisten": "weten",
    "geweten": "weten",
    "regelen": "regelen",  # arranging, not rules (regel/regels)
    "geregeld": "regelen",
    "regelt": "regelen",
    "regelde": "regelen",
    "regelden": "regelen",
    "bestuurlijk": "bestuurlijk",  # of the council's administration, not any board
    "bestuurlijke": "bestuurlijk",
    "jongeren": "jongeren",  # youth, not young (jonge gezinnen)
    "jongere": "jongeren",
    "gevolg": "gevolg",  # consequence(s), not following (volgen/volgende)
    "gevolgen": "gevolg",
    "sturing": "sturing",  # management; "stuur"/"sturen" is mostly sending
    "boos": "boos",  # angry: the stemmer makes it "bos" (a wood)
    "boze": "boos",
    "bozen": "boos",
    "kap": "kappen",  # felling: "kap" and "kappen" stem apart (kapp / kap)
    "kappen": "kappen",
    "gekapt": "kappen",
    "kapt": "kappen",
    "aansturing": "aansturing",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    import unicodedata  # only for text beyond ASCII (see ``fold``)

    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Casefold, drop diacritics (é -> e, ë -> e) and unify apostrophes.

    ASCII text folds to its lower case with the backquote as an apostrophe
    (what ``_fold_char`` gives every ASCII character, a test checks), without
    a call per character or ``unicodedata``: the words of a ``reflect
    search`` and of the search index are mostly ASCII.
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(_fold_char(ch) for ch in text)


class Token(NamedTuple):
    """One word of a text: its folded form and where it sits in the original.

    A NamedTuple, not a dataclass: this module is imported by ``reflect
    search``, which otherwise needs no ``dataclasses`` (and its ``inspect``,
    ``ast``, ``tokenize``: several milliseconds of every search).
    """

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into folded words, keeping offsets into the original.

    Offsets let the coach quote the user's own words back, unchanged.
    """
    if text.isascii():  # fast path: folding keeps every offset
        folded = text.lower().replace("`", "'")
        return [Token(m.group(), m.start(), m.end()) for m in re.finditer(_TOKEN, folded)]
    pieces = [_fold_char(ch) for ch in text]
    folded = "".join(pieces)
    if len(folded) == len(text):
        return [Token(m.group(), m.start(), m.end()) for m in re.finditer(_TOKEN, folded)]
    # Some character folded to several (ß -> ss): map folded offsets back.
    origin: list[int] = []
    for index, piece in enumerate(pieces):
        origin.extend([index] * len(piece))
    origin.append(len(text))
    tokens = []
    for m in re.finditer(_TOKEN, folded):
        start = origin[m.start()]
        end = origin[m.end() - 1] + 1 if m.end() > m.start() else start
        tokens.append(Token(m.group(), start, end))
    return tokens


class _Lexicon:
    """The Dutch form -> lemma table and the Snowball stemmer, loaded once per process.

    Why a table file: simplemma keeps its Dutch dictionary (370,000 forms) in
    a compressed format that takes about a second to decode, which every
    ``reflect search`` and every first coaching would pay. The first use on a
    machine writes the forms, sorted, to a plain file in the cache folder
    (``lemma_table.LemmaTable``); later processes look words up in it by
    binary search, without loading it. When the cache cannot be written the
    decoded dictionary is used in memory, as before.
    """

    def __init__(self) -> None:
        from reflect_tui.core.lemma_table import open_lemma_table

        self.forms: Any = open_lemma_table()
        self.stemmer: Any = dutch_porter_stemmer()

    def lemma(self, word: str) -> str | None:
        value = self.forms.get(word)
        return str(value) if value is not None else None


_SNOWBALL_ALIAS = "_reflect_tui_snowball"


def dutch_porter_stemmer() -> Any:
    """The classic Dutch (Porter) Snowball stemmer: PyStemmer's, else snowballstemmer's.

    Why PyStemmer first: it is the same Snowball algorithm compiled to C,
    about 40 times faster per word, and it gave the same stem for all
    370,000 forms and lemmas of simplemma's Dutch dictionary when this was
    written (``tests/test_dutch_stemmer_alone.py`` compares a sample). A
    ``reflect search`` stems every indexed word that shares the first two
    letters of a searched word's key (``journal/search.py``): at 1,000
    reflections the pure-Python stemmer was ~9 M of a search's ~111 M
    instructions, and importing it another ~3 M.

    Without PyStemmer (or an old one without ``dutch_porter``),
    snowballstemmer's Dutch module is loaded without its other 33
    languages: ``import snowballstemmer`` imports every language's stemmer
    module (about 15 ms) when PyStemmer is absent. The Dutch module needs
    only ``basestemmer`` and ``among`` beside it, so it is loaded as a
    submodule of a private alias of the package's folder whose ``__init__``
    is never run: nobody else sees a half-loaded ``snowballstemmer``. When
    the alias cannot be made, the package's Dutch module is imported as it is.
    """
    try:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]  # PyStemmer

        return Stemmer.Stemmer("dutch_porter")
    except (ImportError, KeyError):  # not installed, or a version without dutch_porter
        return snowball_dutch_porter_stemmer()


def snowball_dutch_porter_stemmer() -> Any:
    """snowballstemmer's pure-Python Dutch (Porter) stemmer, loaded without the other languages.

    The fallback of ``dutch_porter_stemmer`` and what the tests hold
    PyStemmer to (see there).
    """
    import sys
    import types

    try:
        package = sys.modules.get(_SNOWBALL_ALIAS)
        if package is None:
            from reflect_tui.core.lemma_table import find_spec

            spec = find_spec("snowballstemmer")
            folders = spec.submodule_search_locations if spec is not None else None
            if folders:
                package = types.ModuleType(_SNOWBALL_ALIAS)
                package.__path__ = list(folders)
                sys.modules[_SNOWBALL_ALIAS] = package
        if package is not None:
            name = f"{_SNOWBALL_ALIAS}.dutch_porter_stemmer"
            __import__(name)
            return sys.modules[name].DutchPorterStemmer()
    except (ImportError, AttributeError):
        pass
    from snowballstemmer.dutch_porter_stemmer import (  # type: ignore[import-untyped]
        DutchPorterStemmer,
    )

    return DutchPorterStemmer()


_lexicon: _Lexicon | None = None
_lexicon_lock = _thread.allocate_lock()
_stem_lock = _thread.allocate_lock()


def _lex() -> _Lexicon:
    global _lexicon
    if _lexicon is None:
        with _lexicon_lock:  # a warm-up thread and a first match may race
            if _lexicon is None:
                _lexicon = _Lexicon()
    return _lexicon


def warm_up() -> None:
    """Load the dictionary now (e.g. in a worker) instead of on the first match."""
    _lex()


def _plain(word: str) -> str:
    """collega's -> collega; zo'n -> zon (apostrophes out, plural/diminutive tail off)."""
    head, sep, tail = word.partition("'")
    if sep and tail in _APOSTROPHE_TAILS and head:
        return head
    return word.replace("'", "")


@lru_cache(maxsize=131072)
def word_key(word: str) -> str:
    """The match key of one word: ``stem(lemma(word))``, folded first.

    Two words are "the same word" for the coach and for search when their
    keys are equal: ``bomen``/``boom``, ``collega's``/``collega``,
    ``hielp``/``geholpen``/``helpen``, ``uren``/``uur``; but not
    ``weten``/``wet`` or ``verkeerde``/``verkeer``.
    """
    folded = _plain(fold(word))
    if not folded:
        return ""
    override = _KEY_OVERRIDES.get(folded)
    if override is not None:
        return override
    lex = _lex()
    lemma = lex.lemma(folded)
    if lemma is None and len(folded) > 4 and folded.endswith("s"):
        lemma = lex.lemma(folded[:-1])  # "collegas": a plural typed without apostrophe
    if lemma is None:
        for tail in _DIMINUTIVE_TAILS:  # "dingetjes", "straatje": the word without it
            if folded.endswith(tail) and len(folded) - len(tail) >= 3:
                lemma = lex.lemma(folded[: -len(tail)])
                if lemma is not None:
                    break
    lemma = lemma or folded
    if lemma.endswith(_DIMINUTIVE_TAILS):  # "dingetjes" -> "dingetje" -> "ding"
        lemma = lex.lemma(lemma) or lemma
    if "_" in lemma:  # simplemma marks separable prefixes (her_inrichting)
        lemma = lemma.replace("_", "")
    override = _KEY_OVERRIDES.get(lemma)
    if override is not None:
        return override
    # One stemmer object per process, and Snowball stemmers keep their state
    # in the object: the UI thread (coach) and the draft writer (search index)
    # stemming at once corrupted each other's word (IndexError, wrong keys).
    with _stem_lock:
        return str(lex.stemmer.stemWord(lemma))


def text_keys(text: str) -> list[str]:
    """The match key of every word in ``text``, in order (for search indexes)."""
    return [word_key(token.text) for token in tokenize(text)]


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """Whether the Dutch dictionary knows this folded form."""
    return _lex().forms.get(word) is not None


# Dutch function words: articles, pronouns, prepositions, conjunctions and
# auxiliaries. The coach ends a quoted phrase at one and never takes one for
# a keyword; ``is_stop_word`` counts them among the fillers below.
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


# Dutch words that say nothing about what a case is about: function words
# (articles, pronouns, prepositions, conjunctions), auxiliaries and the
# everyday verbs, adverbs and adjectives that fit any case ("omdat", "hebben",
# "willen", "vraagt", "nieuwe"). Compared as folded forms; the verbs in
# ``_STOP_LEMMAS`` also by match key, so each of their forms is covered
# ("vraagt", "vroegen", "gevraagd"). Used where a text's telling words are
# chosen (earlier similar cases); search still finds any word typed.
_STOP_FORMS = FUNCTION_WORDS | frozenset(
    [
        "alle",
        "alleen",
        "allemaal",
        "alles",
        "altijd",
        "ander",
        "andere",
        "anders",
        "beide",
        "ben",
        "bijna",
        "binnen",
        "boven",
        "daar",
        "daarin",
        "daarmee",
        "daarna",
        "daarom",
        "daarover",
        "deze",
        "echt",
        "echter",
        "eens",
        "eerder",
        "eerst",
        "eerste",
        "eigen",
        "eigenlijk",
        "elk",
        "elke",
        "enkele",
        "erg",
        "ergens",
        "even",
        "gewoon",
        "graag",
        "haar",
        "hare",
        "heel",
        "hem",
        "hen",
        "hierover",
        "hoewel",
        "iedereen",
        "iemand",
        "iets",
        "ja",
        "jaar",
        "jij",
        "jou",
        "jouw",
        "jullie",
        "kort",
        "laatst",
        "laatste",
        "lang",
        "later",
        "meest",
        "minder",
        "misschien",
        "mogelijk",
        "naast",
        "natuurlijk",
        "nee",
        "niemand",
        "nieuw",
        "nieuwe",
        "nogal",
        "nooit",
        "ofwel",
        "onder",
        "ons",
        "onze",
        "pas",
        "per",
        "precies",
        "rond",
        "samen",
        "sinds",
        "snel",
        "soms",
        "steeds",
        "tegen",
        "ten",
        "ter",
        "terug",
        "terwijl",
        "toch",
        "toe",
        "toen",
        "tussen",
        "twee",
        "vaak",
        "vanaf",
        "vandaag",
        "verder",
        "vervolgens",
        "via",
        "vooraf",
        "vooral",
        "voordat",
        "vorig",
        "vorige",
        "waardoor",
        "waarin",
        "waarom",
        "wanneer",
        "want",
        "waren",
        "was",
        "weer",
        "weinig",
        "welk",
        "welke",
        "zeer",
        "zelf",
        "zelfs",
        "zoals",
        "zonder",
        "zouden",
        "zulke",
    ]
)
_STOP_LEMMAS = [
    "hebben",
    "zijn",
    "worden",
    "kunnen",
    "moeten",
    "mogen",
    "willen",
    "zullen",
    "gaan",
    "komen",
    "doen",
    "maken",
    "zeggen",
    "vragen",
    "vinden",
    "krijgen",
    "geven",
    "laten",
    "staan",
    "zitten",
    "liggen",
    "houden",
    "weten",
    "denken",
    "zien",
    "lijken",
    "blijken",
    "blijven",
    "raken",
    "halen",
    "brengen",
    "nemen",
    "proberen",
    "beginnen",
]
_stop_keys: frozenset[str] | None = None


def is_stop_word(word: str) -> bool:
    """Whether ``word`` is a filler word that tells nothing about a case."""
    global _stop_keys
    folded = _plain(fold(word))
    if folded in _STOP_FORMS or folded.isdigit():
        return True
    if _stop_keys is None:
        _stop_keys = frozenset(word_key(w) for w in _STOP_LEMMAS)
    return word_key(folded) in _stop_keys


_LONG_VOWELS = ("aa", "ee", "oo", "uu")
_VOWELS = frozenset("aeiou")


def _inflections(base: str) -> list[str]:
    """Regular Dutch forms around ``base``: plural/singular, adjective -e, verb -t/-en.

    Candidates only: the caller keeps those the dictionary knows with the same key.
    """
    out = [base + "en", base + "s", base + "e", base + "n", base + "t"]
    if len(base) > 3 and base[-1] not in _VOWELS:
        if base[-3:-1] in _LONG_VOWELS:  # boom -> bomen, straat -> straten
            out.append(base[:-3] + base[-2:] + "en")
        elif base[-2] in _VOWELS and base[-3] not in _VOWELS:  # plan -> plannen
            out.append(base + base[-1] + "en")
    for tail in ("en", "s", "e", "n", "t"):
        if base.endswith(tail) and len(base) - len(tail) >= 3:
            stem = base[: -len(tail)]
            out.append(stem)
            if tail == "en" and len(stem) >= 3 and stem[-1] not in _VOWELS:
                if stem[-2] in _VOWELS and stem[-3] not in _VOWELS:  # bomen -> boom
                    out.append(stem[:-1] + stem[-2] + stem[-1])
                if stem[-1] == stem[-2]:  # plannen -> plan
                    out.append(stem[:-1])
    return out


@lru_cache(maxsize=8192)
def word_forms(word: str) -> tuple[str, ...]:
    """The folded forms of ``word`` that share its key: the word, its lemma and
    the regular inflections the dictionary knows (``bomen`` -> boom, bomen).

    Why not every indexed word with the key (as search does): that reads the
    index's whole vocabulary around the word, tens of milliseconds per word
    on a big journal; a handful of dictionary lookups is bounded.
    """
    folded = _plain(fold(word))
    if not folded:
        return ()
    key = word_key(folded)
    lemma = _lex().lemma(folded)
    bases = [folded] + ([lemma] if lemma and lemma != folded and "_" not in lemma else [])
    forms = list(bases)
    for base in bases:
        for candidate in _inflections(base):
            if candidate not in forms and is_known_word(candidate) and word_key(candidate) == key:
                forms.append(candidate)
    return tuple(forms)


@lru_cache(maxsize=65536)
def _is_first_part(part: str) -> bool:
    """A real first part of a compound: a lemma, or a lemma plus a linking letter(s).

    ``wijk``, ``kap`` (lemma ``kappen`` starts with it), ``bewoners``
    (``bewoner`` + s); not ``rondst`` (a verb form) or ``herin``.
    """
    if len(part) < MIN_PART:
        return False
    candidates = [part]
    candidates += [part[: -len(s)] for s in _LINKING if part.endswith(s)]
    lex = _lex()
    for candidate in candidates:
        if len(candidate) < MIN_PART:
            continue
        lemma = lex.lemma(candidate)
        if lemma is not None and (lemma == candidate or lemma.startswith(candidate)):
            return True
    return False


@lru_cache(maxsize=65536)
def compound_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Every (first part, rest) split of a folded word at a real part boundary.

    ``rondsturen`` -> (("rond", "sturen"),); ``wijkagenda`` -> (("wijk",
    "agenda"),); a dictionary word like ``muurvast`` can still split
    (("muur", "vast")): callers decide whether a part may count.
    """
    plain = _plain(word)
    splits = []
    for cut in range(MIN_PART, len(plain) - MIN_PART + 1):
        first, rest = plain[:cut], plain[cut:]
        if _is_first_part(first) and (is_known_word(rest) or _is_compound(rest)):
            splits.append((first, rest))
    return tuple(splits)


def _is_compound(word: str) -> bool:
    """A rest that is itself a compound of known parts (buurt|moes|tuin)."""
    return len(word) >= 2 * MIN_PART and any(
        _is_first_part(word[:cut]) and is_known_word(word[cut:])
        for cut in range(MIN_PART, len(word) - MIN_PART + 1)
    )


def sentence_numbers(text: str, tokens: list[Token]) -> list[int]:
    """Sentence number of each token (breaks: . ! ? ; and newlines)."""
    numbers: list[int] = []
    sentence = 0
    previous_end = 0
    for token in tokens:
        if any(ch in _SENTENCE_BREAKS for ch in text[previous_end : token.start]):
            sentence += 1
        numbers.append(sentence)
        previous_end = token.end
    return numbers


def iter_keys(tokens: list[Token]) -> Iterator[str]:
    """Keys of already tokenised words."""
    for token in tokens:
        yield word_key(token.text)
