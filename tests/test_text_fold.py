"""``text_analysis.fold``'s ASCII fast path folds exactly as the per-character path."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect_tui.core.text_analysis import _fold_char, fold
from tests.quickloop import examples


def slow_fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def test_every_ascii_character_folds_as_before() -> None:
    for code in range(128):
        assert fold(chr(code)) == slow_fold(chr(code)), repr(chr(code))


@settings(max_examples=examples(300))
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_before(text: str) -> None:
    assert fold(text) == slow_fold(text)


def test_text_beyond_ascii_still_loses_its_accents() -> None:
    assert fold("Café’s ÉÉN") == "cafe's een"
    assert fold("Kastanjelaan`s") == "kastanjelaan's"
