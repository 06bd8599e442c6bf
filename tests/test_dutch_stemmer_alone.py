"""The Dutch stemmer loaded on its own stems exactly as snowballstemmer's package does."""

from __future__ import annotations

import subprocess
import sys

import pytest
import snowballstemmer  # type: ignore[import-untyped]

from reflect_tui.core.text_analysis import dutch_porter_stemmer

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


def test_same_stems_as_the_package() -> None:
    alone, package = dutch_porter_stemmer(), snowballstemmer.stemmer("dutch_porter")
    assert [alone.stemWord(w) for w in WORDS] == [package.stemWord(w) for w in WORDS]
    assert alone.stemWord("vergaderingen") == "vergader"


@pytest.mark.slow  # a fresh interpreter (cf. test_core_no_textual)
def test_loads_without_the_other_languages() -> None:
    code = (
        "import sys\n"
        "from reflect_tui.core.text_analysis import dutch_porter_stemmer\n"
        "print(dutch_porter_stemmer().stemWord('bomen'))\n"
        "print(sorted(m for m in sys.modules if 'stemmer' in m and 'dutch' not in m"
        " and 'basestemmer' not in m))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["bom", "[]"]
