"""A tip that fits two chosen practices names them in one sentence (fresh-eyes finding).

Before: "Je koos de werkpraktijk 'X'. Je koos de werkpraktijk 'Y'." under one
tip; ticked barriers and helps were already grouped this way.
"""

from __future__ import annotations

from types import SimpleNamespace

from reflect_tui.core.coach.reasons import reason_gist, tip_reasons
from reflect_tui.core.coach.tips import ScorePart
from reflect_tui.core.content.loader import load_builtin


def test_two_chosen_practices_share_one_sentence() -> None:
    content = load_builtin()
    names = [content.practice(p).name for p in ("situatie", "relaties")]
    parts = [
        ScorePart("chosen_practice", "situatie", 1.0),
        ScorePart("chosen_practice", "relaties", 1.0),
    ]
    for about in ("", "wat er achter een vraag zit"):
        tip = SimpleNamespace(about=about, case_kinds=())
        lines = tip_reasons(content, tip, parts, limit=3)
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"Je koos de werkpraktijken '{names[0]}' en '{names[1]}'")
        assert reason_gist(lines[0]) == (f"Je koos de werkpraktijken '{names[0]}' en '{names[1]}'.")
