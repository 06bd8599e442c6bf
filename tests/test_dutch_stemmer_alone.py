"""One Dutch (Porter) stemmer, however it is loaded: PyStemmer's C, snowballstemmer's Python.

``text_analysis.dutch_porter_stemmer`` hands out PyStemmer's (a dependency:
~40x faster per word, ~8 % of a ``reflect search``) and falls back to
snowballstemmer's Dutch module loaded without its other languages. Word
keys, and so the forms a search looks for, must not depend on which one ran.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from snowballstemmer.dutch_porter_stemmer import (  # type: ignore[import-untyped]
    DutchPorterStemmer,
)

from reflect_tui.core import lemma_table, text_analysis
from reflect_tui.core.journal.search import match_expression
from reflect_tui.core.text_analysis import dutch_porter_stemmer, snowball_dutch_porter_stemmer

WORDS = [
    "vergadering",
    "vergaderingen",
    "bomen",
    "boom",
    "toezegging",
    "toezeggen",
    "gemeente",
    "eigenlijk",
    "bewonersavond",
    "collega's",
    "ouderen",
    "kapvergunning",
    "afspraken",
    "nakomen",
    "betrouwbaar",
    "geholpen",
    "hielp",
    "kastje",
    "straatjes",
    "uitvoering",
    "beleidsmedewerker",
    "participatie",
    "initiatieven",
    "oversteekplaats",
    "ondernemers",
    "café",
    "één",
    "ijsje",
    "zeeën",
]


def dictionary_sample(step: int = 1000) -> list[str]:
    """Every ``step``-th form of simplemma's Dutch dictionary with its lemma (~740 words)."""
    forms = lemma_table._decoded()
    sample = sorted(forms)[::step]
    lemmas = [str(forms[form]).replace("_", "") for form in sample]
    return sorted(set(sample + lemmas + WORDS))


def test_the_alias_stems_as_the_package_module() -> None:
    alone, package = snowball_dutch_porter_stemmer(), DutchPorterStemmer()
    assert [alone.stemWord(w) for w in WORDS] == [package.stemWord(w) for w in WORDS]
    assert alone.stemWord("vergaderingen") == "vergader"


def test_pystemmer_is_the_stemmer_handed_out() -> None:
    """PyStemmer is a dependency: the fast stemmer is the one in use."""
    assert type(dutch_porter_stemmer()).__module__ == "Stemmer"


def test_pystemmer_stems_as_snowball_on_dictionary_words() -> None:
    words = dictionary_sample()
    assert len(words) > 500
    fast, pure = dutch_porter_stemmer(), snowball_dutch_porter_stemmer()
    assert [fast.stemWord(w) for w in words] == [pure.stemWord(w) for w in words]


def test_search_word_forms_are_the_same_with_either_stemmer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``match_expression`` (word keys, other forms from an index) with the C and the Python
    stemmer, for a few hundred words against a vocabulary of the same words."""
    words = [w for w in dictionary_sample() if w.isalpha() and len(w) >= 2]
    vocabulary = sorted({text_analysis.fold(w) for w in words})

    def terms(prefix: str) -> list[str]:
        return [t for t in vocabulary if t.startswith(prefix)]

    def expressions() -> list[str | None]:
        text_analysis.word_key.cache_clear()
        return [match_expression(w, terms) for w in words]

    lexicon = text_analysis._lex()
    assert type(lexicon.stemmer).__module__ == "Stemmer"
    fast = expressions()
    monkeypatch.setattr(lexicon, "stemmer", snowball_dutch_porter_stemmer())
    pure = expressions()
    text_analysis.word_key.cache_clear()  # no pure-stemmer keys left for later tests
    assert fast == pure
    assert sum(" OR " in (e or "") for e in fast) > 20  # other forms were found, and compared


@pytest.mark.slow  # a fresh interpreter (cf. test_core_no_textual)
def test_loads_without_the_other_languages() -> None:
    code = (
        "import sys\n"
        "from reflect_tui.core.text_analysis import snowball_dutch_porter_stemmer\n"
        "print(snowball_dutch_porter_stemmer().stemWord('bomen'))\n"
        "print(sorted(m for m in sys.modules if 'stemmer' in m and 'dutch' not in m"
        " and 'basestemmer' not in m))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["bom", "[]"]
