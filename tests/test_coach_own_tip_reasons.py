"""An organisation's own tips (no ``about:``) get reasons from their own words.

Reproduction (tester, stop 14): a layer with a new tip and an override, both
without ``about``; ``reflect coach --text`` printed "Waarom deze tip:" with
nothing under it and ``--json`` gave "reasons": [] although the tips' keywords
were in the text.
"""

from __future__ import annotations

import json
from pathlib import Path

from journal_fixtures.helpers import run_cli

LAYER = """\
tips:
  - id: wijkstad-stoep-melding
    title: "Geef een klacht over de stoep door aan beheer"
    text: "Een klacht over de stoep hoort bij het team beheer. Zet hem op de wijkagenda."
    source: "Eigen werkwijze"
    practices: [binnen-buiten]
    keywords: [stoep, wijkagenda, trottoir]
  - id: doe-wat-je-belooft
    title: "Kom terug op wat je hebt toegezegd"
    text: "Heb je iemand beloofd terug te bellen? Doe dat ook als het antwoord tegenvalt."
    source: "Eigen"
    practices: [relaties]
    keywords: [beloofd, terugbellen]
"""
TEXT = (
    "Een klacht over de stoep bij de school. Een bewoner belde boos. "
    "Ik heb beloofd het op de wijkagenda te zetten."
)


# Own tips need examples of their own to compete with the built-in tips, whose
# example notes (content/examples/) lift them; a redefined built-in tip loses
# the built-in examples (they were written for the built-in text).
EXAMPLES = """\
examples:
  - tips: [wijkstad-stoep-melding]
    text: Weer een klacht over een kapotte stoep. Ik zet het op de wijkagenda voor beheer.
  - tips: [wijkstad-stoep-melding]
    text: Bewoner meldt losse stoeptegels bij de school, ik geef het door aan beheer.
  - tips: [doe-wat-je-belooft]
    text: Ik had beloofd terug te bellen over de klacht, en dat ben ik vergeten.
  - tips: [doe-wat-je-belooft]
    text: De bewoner wacht nog op mijn terugbelletje dat ik vorige week beloofd heb.
"""


def _coach(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    layer = tmp_path / "org"
    layer.mkdir(exist_ok=True)
    (layer / "tips.yaml").write_text(LAYER, encoding="utf-8")
    (layer / "examples").mkdir(exist_ok=True)
    (layer / "examples" / "eigen.yaml").write_text(EXAMPLES, encoding="utf-8")
    return run_cli(tmp_path / "home", "--content", str(layer), "coach", *extra, "--text", TEXT)


def test_own_tips_without_about_are_explained_by_their_words(tmp_path: Path) -> None:
    code, out, err = _coach(tmp_path, "--json", "-n", "10")
    assert code == 0, err
    tips = {t["id"]: t for t in json.loads(out)["tips"]}
    assert tips["doe-wat-je-belooft"]["reasons"][0] == (
        "Je schreef 'beloofd': een woord dat bij deze tip hoort."
    )
    # The note resembles its examples: the line quotes the user's own sentence
    # closest to them (a whole sentence of the text, never a lone word).
    first = tips["wijkstad-stoep-melding"]["reasons"][0]
    assert first.endswith("': dat lijkt op de voorbeelden bij deze tip."), first
    quoted = first.removeprefix("Je schreef '").split("': ")[0]
    assert quoted in [s.strip() for s in TEXT.split(".")], quoted


def test_no_why_heading_without_reasons(tmp_path: Path) -> None:
    code, out, err = _coach(tmp_path, "-n", "10")
    assert code == 0, err
    lines = out.splitlines()
    for at, line in enumerate(lines):
        if line.strip() == "Waarom deze tip:":
            assert lines[at + 1].startswith("   - "), lines[at : at + 2]
