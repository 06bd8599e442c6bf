"""Which Dutch normaliser should decide "same word"? Measured on pairs that must and must not match.

Run:  .venv/bin/python benchmarks/stemmer_choice.py   (PyStemmer is in the `bench` extra)

Candidates: the old hand-written suffix stripper (recorded figures, it is gone),
snowballstemmer's Dutch stemmer, PyStemmer (the same Snowball algorithm in C),
simplemma's lemmatiser, and simplemma + Snowball (what core/text_analysis.py uses).
For each: share of MUST pairs that get equal keys (recall), share of MUST-NOT pairs
that stay apart (precision of identity), and microseconds per word.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MUST = [
    ("bomen", "boom"),
    ("straten", "straat"),
    ("collega's", "collega"),
    ("collegas", "collega"),
    ("bewoners", "bewoner"),
    ("vergunningen", "vergunning"),
    ("uren", "uur"),
    ("huizen", "huis"),
    ("boze", "boos"),
    ("hielp", "helpen"),
    ("geholpen", "helpt"),
    ("toegezegd", "toezeggen"),
    ("toezegging", "toezeggen"),
    ("beloofd", "beloven"),
    ("emoties", "emotie"),
    ("kastje", "kast"),
    ("gesprekken", "gesprek"),
    ("processen", "proces"),
    ("wetten", "wet"),
    ("gewerkt", "werken"),
    ("geluisterd", "luisteren"),
    ("hoorde", "horen"),
    ("wethouders", "wethouder"),
    ("afspraken", "afspraak"),
    ("initiatieven", "initiatief"),
    ("weigerde", "weigeren"),
    ("steunde", "steunen"),
    ("regels", "regel"),
    ("politieke", "politiek"),
    ("kinderen", "kind"),
]
MUST_NOT = [
    ("weten", "wet"),
    ("verkeerde", "verkeer"),
    ("geregeld", "regels"),
    ("sturen", "sturing"),
    ("rondsturen", "uren"),
    ("wijkagenda", "agenda"),
    ("bewonersbeheer", "beheer"),
    ("herinrichting", "richting"),
    ("tuin", "tijd"),
    ("bos", "boom"),
    ("muurvast", "muur"),
    ("omgevingsmanager", "manager"),
    ("binnen", "bin"),
    ("buiten", "buit"),
    ("kosten", "kust"),
    ("raden", "raad"),
    ("regelen", "regel"),
    ("leren", "leer"),
    ("beleid", "leiden"),
]


def measure(name: str, key: Callable[[str], str]) -> None:
    start = time.perf_counter()
    recall = sum(key(a) == key(b) for a, b in MUST) / len(MUST)
    apart = sum(key(a) != key(b) for a, b in MUST_NOT) / len(MUST_NOT)
    words = [w for pair in MUST + MUST_NOT for w in pair] * 20
    start = time.perf_counter()
    for word in words:
        key(word)
    micro = (time.perf_counter() - start) / len(words) * 1e6
    missed = [f"{a}/{b}" for a, b in MUST if key(a) != key(b)]
    merged = [f"{a}/{b}" for a, b in MUST_NOT if key(a) == key(b)]
    print(
        f"{name:<26} must-match {recall:5.2f}  must-stay-apart {apart:5.2f}  {micro:7.1f} us/word"
    )
    print(f"{'':<26} missed: {', '.join(missed) or '-'}")
    print(f"{'':<26} merged: {', '.join(merged) or '-'}")


def main() -> int:
    import simplemma
    import snowballstemmer

    from reflect_tui.core.text_analysis import fold, warm_up, word_key

    sb = snowballstemmer.stemmer("dutch")
    measure("snowballstemmer", lambda w: sb.stemWord(fold(w).replace("'", "")))
    try:
        import Stemmer

        ps = Stemmer.Stemmer("dutch")
        measure("PyStemmer", lambda w: ps.stemWord(fold(w).replace("'", "")))
    except ImportError:
        print("PyStemmer not installed (a dependency: pip install -e .)")
    measure("simplemma", lambda w: simplemma.lemmatize(fold(w), lang="nl"))
    start = time.perf_counter()
    warm_up()
    print(f"(dictionary load for text_analysis: {(time.perf_counter() - start) * 1000:.0f} ms)")
    word_key.cache_clear()
    # Compound-aware identity is what the coach uses: a whole word matches on its key,
    # a compound only at a real part boundary (KeywordIndex); emulate "same word" here.
    measure("simplemma+snowball (ours)", lambda w: word_key(fold(w)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
