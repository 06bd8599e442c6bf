"""Stop words and word forms: what similar cases are matched on (text_analysis)."""

from __future__ import annotations

import pytest

from reflect_tui.core.text_analysis import is_stop_word, word_forms, word_key


@pytest.mark.parametrize(
    "word", ["omdat", "hebben", "heeft", "willen", "wilde", "vraagt", "gevraagd", "Daarna", "2026"]
)
def test_filler_words_are_stop_words(word: str) -> None:
    assert is_stop_word(word)


@pytest.mark.parametrize("word", ["Marktplein", "kermis", "bomen", "wethouder", "subsidie"])
def test_telling_words_are_not(word: str) -> None:
    assert not is_stop_word(word)


@pytest.mark.parametrize(
    ("word", "other"),
    [("bomen", "boom"), ("boom", "bomen"), ("straat", "straten"), ("bewoners", "bewoner")],
)
def test_word_forms_hold_the_other_form_with_the_same_key(word: str, other: str) -> None:
    forms = word_forms(word)
    assert forms[0] == word and other in forms
    assert all(word_key(f) == word_key(word) for f in forms)


def test_word_forms_never_a_longer_compound() -> None:
    assert not any(f.startswith("parkeer") for f in word_forms("parken"))
