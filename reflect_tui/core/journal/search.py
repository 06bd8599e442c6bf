"""Turning what a user types into a safe FTS5 query.

Why not pass the text through: FTS5 has its own query language (``AND``,
``NEAR``, ``"``, ``*``, ``col:``), so ``reflect search 'wat?'`` or a stray
quote would be a syntax error. Every word is quoted as a phrase, words are
ANDed, and the last word also matches as a prefix so results appear while
typing. Diacritics are folded by the tokenizer (``remove_diacritics 2``)
on both sides, so ``cafe`` finds ``café``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reflect_tui.core.journal.model import ReflectionSummary

# Letters and digits in any script: what the unicode61 tokenizer keeps.
_WORD = re.compile(r"[^\W_]+")


def match_expression(query: str, prefix_last: bool = True) -> str | None:
    """The FTS5 MATCH string for ``query``, or None when it has no words."""
    words = _WORD.findall(query)
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if prefix_last:
        terms[-1] += "*"
    return " ".join(terms)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the summary plus a short excerpt around the match."""

    summary: ReflectionSummary
    snippet: str
