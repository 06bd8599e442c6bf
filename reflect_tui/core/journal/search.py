"""Turning what a user types into a safe FTS5 query, with Dutch stemming.

Why not pass the text through: FTS5 has its own query language (``AND``,
``NEAR``, ``"``, ``*``, ``col:``), so ``reflect search 'wat?'`` or a stray
quote would be a syntax error. Every word is quoted, and words are ANDed.

Why stems as prefixes: the index keeps words as written (``unicode61
remove_diacritics 2``, so ``cafe`` finds ``café`` on both sides), while a
user types any form of a word. Each word is looked up as itself *or* as its
Dutch stem, both as prefixes: ``boom`` -> ``"boom"* OR "bom"*``, which finds
``bomen``, and results appear while the last word is still being typed.
The stem comes from the coach's stemmer, so the app's search, ``reflect
search`` and the coach agree on what counts as the same word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reflect_tui.core.journal.summary import ReflectionSummary

# A word: letters and digits in any script, optionally with one apostrophe
# part (collega's), of which only the head is searched (the tokenizer splits there).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
MIN_WORD = 2  # shorter words are not searched
MIN_STEM = 3  # a shorter stem as a prefix would match half the journal


def _stem(word: str) -> str:
    """The Dutch match key of one word (``text_analysis.word_key``, shared with the coach)."""
    try:  # landing in parallel with this module; until then the word itself
        from reflect_tui.core.text_analysis import word_key  # type: ignore[import-not-found]
    except ImportError:
        return word.lower()
    return str(word_key(word))


def word_alternatives(word: str) -> tuple[str, ...]:
    """The forms one typed word is searched as (each as a prefix): itself and its stem."""
    head = re.split(r"['’]", word, maxsplit=1)[0]
    forms = [head.lower()]
    stem = _stem(word)
    if len(stem) >= MIN_STEM and stem.isalnum():
        forms.append(stem)
    # A form that another form is a prefix of adds nothing to a prefix query.
    kept = [f for f in forms if not any(o != f and f.startswith(o) for o in forms)]
    return tuple(dict.fromkeys(kept))


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH string for ``query``, or None when it has no words.

    One-letter words are left out: as a prefix they match nearly every
    reflection (and make each keystroke slow on a big journal).
    """
    words = [w for w in _WORD.findall(query) if len(w) >= MIN_WORD]
    if not words:
        return None
    terms = []
    for word in words:
        forms = word_alternatives(word)
        quoted = " OR ".join(f'"{f}"*' for f in forms)
        terms.append(f"({quoted})" if len(forms) > 1 else quoted)
    return " AND ".join(terms)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the summary plus a short excerpt around the match."""

    summary: ReflectionSummary
    snippet: str
