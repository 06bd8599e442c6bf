"""Dutch text handling: folding, inflections, compounds, quoting."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect_tui.core.coach.text import (
    HEAD,
    MODIFIER,
    WHOLE,
    KeywordIndex,
    fold,
    quote,
    tokenize,
    word_key,
)
from reflect_tui.core.text_analysis import compound_splits


def test_fold_casefolds_and_strips_diacritics() -> None:
    assert fold("Één Café, coöperatie, ideeën") == "een cafe, cooperatie, ideeen"
    assert fold("Collega’s") == "collega's"  # curly apostrophe unified


def test_tokenize_keeps_offsets_into_original_text() -> None:
    text = "Straße en Collega’s!"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["strasse", "en", "collega's"]
    assert [text[t.start : t.end] for t in tokens] == ["Straße", "en", "Collega’s"]


def same_word(a: str, b: str) -> bool:
    return word_key(fold(a)) == word_key(fold(b))


@pytest.mark.parametrize(
    ("word", "keyword"),
    [
        ("collega's", "collega"),
        ("collegas", "collega"),
        ("Collega’s", "collega's"),
        ("bewoners", "bewoner"),
        ("vergunningen", "vergunning"),
        ("straten", "straat"),
        ("bomen", "boom"),
        ("huizen", "huis"),
        ("boze", "boos"),
        ("straatje", "straat"),
        ("dingetjes", "ding"),
        ("gewerkt", "werken"),
        ("hielp", "helpen"),
        ("geholpen", "helpt"),
        ("toegezegd", "toezeggen"),
        ("uren", "uur"),
        ("geluisterd", "luisteren"),
        ("hoorde", "horen"),
        ("processen", "proces"),
        ("wetten", "wet"),
        ("café", "cafe"),
        ("kappen", "kap"),  # felling: "kap" and "kappen" once stemmed apart
        ("gekapt", "kap"),
    ],
)
def test_inflections_match(word: str, keyword: str) -> None:
    assert same_word(word, keyword)


@pytest.mark.parametrize(
    ("word", "keyword"),
    [
        ("weten", "wet"),  # to know is not the law
        ("verkeerde", "verkeer"),  # wrong is not traffic
        ("geregeld", "regels"),  # arranged is not rules
        ("sturen", "sturing"),  # sending is not management
        ("tuin", "tijd"),
        ("bos", "boom"),
        ("boze", "bos"),  # angry is not a wood (the stemmer made both "bos")
        ("boos", "bos"),
    ],
)
def test_unrelated_words_do_not_match(word: str, keyword: str) -> None:
    assert not same_word(word, keyword)


def test_compounds_match_their_parts() -> None:
    index = KeywordIndex(
        [
            ("tuin", "tuin"),
            ("buurt", "buurt"),
            ("bewoner", "bewoners"),
            ("avond", "avond"),
            ("vergunning", "vergunning"),
        ]
    )
    hits = index.search("Een buurttuin, de bewonersavond en een kapvergunning.")
    found = {(h.key, h.part) for h in hits}
    assert ("tuin", HEAD) in found
    assert ("avond", HEAD) in found
    # first parts are often names (Parklaan, Kerkweg): never matched
    assert all(part != MODIFIER for _, part in found)
    assert ("vergunning", HEAD) in found


def test_short_parts_do_not_make_compounds() -> None:
    # "wethouder" must not match the keyword "wet": "houder" is a word, but
    # the split must also be the only reading; a keyword is never a substring.
    index = KeywordIndex([("uren", "uren"), ("agenda", "agenda")], lambda key, _w: key != "agenda")
    assert index.search("Het verslag rondsturen naar iedereen.") == []
    assert index.search("Het staat op de wijkagenda.") == []  # whole words only for this owner
    assert [h.key for h in index.search("Twee uren vergaderen.")] == ["uren"]


def test_compounds_split_only_at_real_boundaries() -> None:
    assert ("rond", "sturen") in compound_splits("rondsturen")
    assert all(rest != "uren" for _, rest in compound_splits("rondsturen"))
    assert ("wijk", "agenda") in compound_splits("wijkagenda")
    assert ("kap", "vergunning") in compound_splits("kapvergunning")
    assert not any(first == "herin" for first, _ in compound_splits("herinrichting"))


def test_whole_word_hit_and_phrase_keyword() -> None:
    index = KeywordIndex([("vadv", "vraag achter de vraag"), ("collega", "collega's")])
    text = "Ik zocht de vragen achter de vraag met mijn collega."
    hits = index.search(text)
    phrase = next(h for h in hits if h.key == "vadv")
    assert text[phrase.start : phrase.end] == "vragen achter de vraag"
    assert next(h for h in hits if h.key == "collega").part == WHOLE
    assert all(h.key != "vadv" for h in index.search("een vraag en nog een vraag"))


def test_quote_uses_the_users_words_with_a_short_phrase() -> None:
    text = "Mijn collega's van vastgoed willen de grond liever verkopen."
    start = text.index("collega's")
    assert quote(text, start, start + len("collega's")) == "Mijn collega's van vastgoed"
    text = "Er is geen budget meer voor de avond."
    start = text.index("budget")
    assert quote(text, start, start + 6) == "geen budget"


def test_quote_is_short_and_plain() -> None:
    text = "\x1b[31m[bold]" + "a" * 100 + "[/bold]"
    snippet = quote(text, 0, len(text))
    assert len(snippet) <= 40
    assert "\x1b" not in snippet
    assert snippet.startswith("[31m[bold]")  # markup is left as literal text


def test_emoji_and_huge_text_do_not_break_tokenising() -> None:
    text = "🙂 bewonersavond 🙂 " * 5000
    tokens = tokenize(text)
    assert len(tokens) == 5000
    assert tokens[0].text == "bewonersavond"


def test_compound_part_must_contain_the_keyword_itself() -> None:
    index = KeywordIndex([("leren", "leren"), ("tuin", "tuin")])
    assert index.search("Voordat het escaleert.") == []  # "leert" is no part of it
    assert [h.key for h in index.search("twee buurttuinen")] == ["tuin"]


@given(st.text(max_size=300), st.integers(0, 300), st.integers(0, 60))
def test_quote_never_fails_and_stays_plain(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    snippet = quote(text, start, min(len(text), start + length))
    assert len(snippet) <= 40
    assert not any(unicodedata.category(c)[0] == "C" for c in snippet)


@given(st.text(max_size=300))
def test_any_text_can_be_searched(text: str) -> None:
    index = KeywordIndex([("a", "collega"), ("b", "vraag achter de vraag"), ("c", "tuin")])
    for hit in index.search(text):
        assert 0 <= hit.start < hit.end <= len(text)
