"""The one sanitiser for every string that reaches a terminal, ids included.

Why one home: journal text, imported ids, content written by an
organisation and file names can all hold escape codes (``\\x1b[2J`` clears
the screen, ``\\x1b]0;...\\x07`` retitles the window), bidi overrides
(U+202E turns text around, hiding what it says) or lone surrogates (which
make printing itself fail). The CLI and the TUI both call these functions,
so a character that is unsafe in one front end is unsafe in the other.

Tab and newline are kept by ``clean_block``; every other C0 control, DEL,
the C1 range, the Unicode line/paragraph separators, the bidi embeddings,
overrides and isolates, and lone surrogates are replaced.
"""

from __future__ import annotations

import re

# C0 except tab/newline, DEL and C1, line/paragraph separators, bidi
# embeddings/overrides/isolates, and lone surrogates (from undecodable argv bytes).
UNSAFE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f"
    "\u061c\ud800-\udfff"
)
REPLACEMENT = "\ufffd"

# Compiled on first need. Why not at import: compiling these two classes
# (the surrogate range) costs about as much as the rest of this module's
# users together on a ``reflect list``, and most text never needs them:
# every unsafe character (and ``\r``, ``\t``, ``\n``) is one that
# ``str.isprintable`` rejects (a test checks each), so printable text is
# safe as it is.
_patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def _unsafe() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The unsafe class, and the same with tab and newline (for one-line text)."""
    global _patterns
    if _patterns is None:  # two threads may both compile: same result
        _patterns = (
            re.compile(f"[{UNSAFE_CHARS}]"),
            re.compile(f"[{UNSAFE_CHARS}\t\n]"),
        )
    return _patterns


def _printable_block(text: str) -> bool:
    """True when ``text`` holds nothing but printable characters, spaces, tabs and newlines."""
    return text.isprintable() or text.replace("\n", " ").replace("\t", " ").isprintable()


def _printable_line(text: str) -> bool:
    """True when ``text`` is printable once ``\n``, ``\r`` and ``\t`` are spaces."""
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ").isprintable()


def clean_block(text: str) -> str:
    """Text for the terminal with line breaks and tabs kept, anything unsafe replaced.

    ``\\r\\n`` and a lone ``\\r`` become ``\\n`` first: a carriage return on its
    own would let later text overwrite what came before it on the screen.
    """
    if _printable_block(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _unsafe()[0].sub(REPLACEMENT, text)


def clean_line(text: str) -> str:
    """Text for one terminal line: unsafe characters and line breaks become spaces.

    Text whose only unprintable characters are line breaks and tabs (a search
    excerpt of a multi-line answer) needs no pattern: ``split`` takes them as
    spaces. Compiling the unsafe classes was ~9 M instructions of a
    ``reflect search`` process.
    """
    if text.isprintable() or _printable_line(text):
        return " ".join(text.split())
    return " ".join(_unsafe()[1].sub(" ", text.replace("\r", " ")).split())


def strip_unsafe(text: str) -> str:
    """Like ``clean_block`` but dropping the characters (for widgets that show text)."""
    if _printable_block(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _unsafe()[0].sub("", text)


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds anything ``clean_block`` would replace (or a ``\\r``)."""
    if _printable_block(text):
        return False
    return "\r" in text or _unsafe()[0].search(text) is not None


def display_id(reflection_id: str) -> str:
    """An id as it may be shown: one line, nothing unsafe, never empty."""
    return clean_line(reflection_id) or REPLACEMENT


def encodable(text: str) -> bool:
    """Can ``text`` be stored or printed as UTF-8 (no lone surrogates)?"""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
