"""Dutch idioms whose literal words must not count as evidence.

Why a list: "kastje naar de muur" is about being sent around, not
about a wall (a barrier keyword once); "door de bomen het bos niet meer
zien" is not about trees. An idiom is matched word by word on match keys,
so inflected forms count too ("stuurden ... van het kastje naar de muur").
The words of a matched idiom are masked for every keyword, nothing more:
the idiom's meaning is left to the rest of the text.
"""

from __future__ import annotations

from functools import lru_cache

from reflect_tui.core.text_analysis import Token, tokenize, word_key

IDIOMS: tuple[str, ...] = (
    "kastje naar de muur",
    "tegen een muur praten",
    "door de bomen het bos",
    "de kat uit de boom",
    "over de brug komen",
    "met de deur in huis vallen",
    "om de tuin leiden",
    "water bij de wijn",
    "boter bij de vis",
    "op de lange baan",
    "aan de bel trekken",
    "buiten de boot vallen",
    "buiten spel",
    "binnen de perken",
    "in de wind slaan",
    "op de agenda",
    "de tijd nemen",
    "tijd genomen",
    "de tijd genomen",
    "het heft in eigen hand",
    "op een lijn",
    "op poten zetten",
    "voor de bakker",
    "onder de pet",
    "de neuzen dezelfde kant op",
    "de handen ineen",
    "een brug slaan",
    "uit de hand lopen",
    "uit de hand gelopen",
    "in de kou staan",
    "in de wacht",
    "op de rem",
    "het laatste woord",
    "ten koste van",
    "kosten wat het kost",
    "geen blad voor de mond",
    "door de mand vallen",
    "aan het kortste eind",
    "eerlijk gezegd",
    "volgens afspraak",
    "aan het eind",
    "brede school",
)


@lru_cache(maxsize=1)
def _idiom_keys() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Idioms as key sequences, indexed by their first key."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for idiom in IDIOMS:
        keys = tuple(word_key(t.text) for t in tokenize(idiom))
        by_first.setdefault(keys[0], []).append(keys)
    return {first: tuple(seqs) for first, seqs in by_first.items()}


def idiom_positions(tokens: list[Token]) -> frozenset[int]:
    """Indexes of the tokens that belong to a known idiom."""
    idioms = _idiom_keys()
    masked: set[int] = set()
    keys: list[str] | None = None
    for position, token in enumerate(tokens):
        first = word_key(token.text)
        candidates = idioms.get(first)
        if not candidates:
            continue
        if keys is None:
            keys = [word_key(t.text) for t in tokens]
        for seq in candidates:
            if tuple(keys[position : position + len(seq)]) == seq:
                masked.update(range(position, position + len(seq)))
    return frozenset(masked)
