"""Turning what a user types into a safe FTS5 query, with Dutch stemming.

Why not pass the text through: FTS5 has its own query language (``AND``,
``NEAR``, ``"``, ``*``, ``col:``), so ``reflect search 'wat?'`` or a stray
quote would be a syntax error. Every word is quoted, and words are ANDed.

Why other forms are looked up in the index: the index keeps words as
written (``unicode61 remove_diacritics 2``, so ``cafe`` finds ``café`` on
both sides), while a user types any form of a word, and a Dutch stem is not
always a prefix of the other forms (``boom`` and ``bomen`` share the key
``boom``). So each word is searched as itself and its key, both as
prefixes (results appear while the last word is still being typed), *or* as
any indexed word with the same key (``"boom"* OR "bomen"*``). The key is
``text_analysis.word_key``, the coach's, so the app's search, ``reflect
search`` and the coach agree on what counts as the same word.
"""

from __future__ import annotations

import re

from reflect_tui.core.journal.summary import ReflectionSummary

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import NamedTuple, TypeAlias

    Terms: TypeAlias = Callable[[str], Sequence[str]]
    """``terms(prefix)``: the words in the search index that start with ``prefix``
    (a type only: built at run time it cost ``reflect search`` 0.2 M instructions)."""
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

# A word: letters and digits in any script, optionally with one apostrophe
# part (collega's), of which only the head is searched (the tokenizer splits there).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
MIN_WORD = 2  # shorter words are not searched
MIN_STEM = 3  # a shorter stem as a prefix would match half the journal


def _stem(word: str) -> str:
    """The Dutch match key of one word (``text_analysis.word_key``, shared with the coach)."""
    from reflect_tui.core.text_analysis import word_key

    return word_key(word)


MAX_FORMS = 40  # other forms of one word taken from the index


def word_alternatives(word: str, terms: Terms | None = None) -> tuple[str, ...]:
    """The forms one typed word is searched as, each as a prefix.

    The word itself, its match key (``vergadering`` -> ``vergader``) and,
    given the index's words (``terms``), every indexed word with the same
    key that those prefixes miss (``boom`` -> ``bomen``).
    """
    head = word.split("'", 1)[0].split("’", 1)[0]  # before the first apostrophe
    forms = [head.lower()]
    key = _stem(word)
    if len(key) >= MIN_STEM and key.isalnum():
        forms.append(key)
        if terms is not None:
            extra = [
                term
                for term in terms(key[:2])
                if not any(term.startswith(f) for f in forms) and _stem(term) == key
            ]
            forms.extend(extra[:MAX_FORMS])
    # A form that another form is a prefix of adds nothing to a prefix query.
    kept = [f for f in forms if not any(o != f and f.startswith(o) for o in forms)]
    return tuple(dict.fromkeys(kept))


def match_expression(query: str, terms: Terms | None = None) -> str | None:
    """The FTS5 MATCH string for ``query``, or None when it has no words.

    One-letter words are left out: as a prefix they match nearly every
    reflection (and make each keystroke slow on a big journal).
    """
    words = [w for w in _WORD.findall(query) if len(w) >= MIN_WORD]
    if not words:
        return None
    parts = []
    for word in words:
        forms = word_alternatives(word, terms)
        quoted = " OR ".join(f'"{f}"*' for f in forms)
        parts.append(f"({quoted})" if len(forms) > 1 else quoted)
    return " AND ".join(parts)


class SearchHit(NamedTuple):
    """A search result: the summary plus a short excerpt around the match.

    A NamedTuple, not a dataclass: ``reflect search`` would import
    ``dataclasses`` (with ``inspect``, ``ast``, ``tokenize``) for this alone.
    """

    summary: ReflectionSummary
    snippet: str
