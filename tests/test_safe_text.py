"""``core/safe_text``: the printable shortcut gives exactly what the full clean-up gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from quickloop import examples

from reflect_tui.core import safe_text
from reflect_tui.core.safe_text import UNSAFE_CHARS, clean_block, clean_line, has_unsafe

_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_UNSAFE_OR_BREAK = re.compile(f"[{UNSAFE_CHARS}\t\n]")


def _unsafe_code_points() -> list[str]:
    return [chr(c) for c in range(0x110000) if _UNSAFE.match(chr(c))]


def test_every_unsafe_character_is_one_isprintable_rejects() -> None:
    """The shortcut's premise: printable text holds nothing to replace."""
    unsafe = _unsafe_code_points()
    assert len(unsafe) > 2000  # the surrogates are in
    assert not [ch for ch in unsafe if ch.isprintable()]
    assert not [ch for ch in "\r\t\n" if ch.isprintable()]


def _reference_block(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(safe_text.REPLACEMENT, text)


def _reference_line(text: str) -> str:
    return " ".join(_UNSAFE_OR_BREAK.sub(" ", text.replace("\r", " ")).split())


TEXTS = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from("\r\n\t \x1b\x7f\x85\u2028\u202e\u00a0\ud800 abc"),
    )
)


@settings(max_examples=examples(500))
@given(TEXTS)
def test_clean_functions_equal_the_full_clean_up(text: str) -> None:
    assert clean_block(text) == _reference_block(text)
    assert clean_line(text) == _reference_line(text)
    assert has_unsafe(text) == ("\r" in text or _UNSAFE.search(text) is not None)


def test_a_multi_line_excerpt_is_cleaned_without_the_patterns(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Line breaks and tabs alone need no pattern (``reflect search`` prints such excerpts)."""
    monkeypatch.setattr(safe_text, "_patterns", None)
    text = "Eerste regel\nmet\ttab\r\nen een tweede …  regel"
    assert clean_line(text) == _reference_line(text) == "Eerste regel met tab en een tweede … regel"
    assert safe_text._patterns is None
    assert clean_line("a\x1bb\nc") == _reference_line("a\x1bb\nc")  # unsafe: the pattern
    assert safe_text._patterns is not None
