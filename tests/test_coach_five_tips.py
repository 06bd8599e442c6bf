"""The coach fills its list to five, strongest evidence first (stop 10 decision).

Blind readings of both held-out halves showed that keeping only the tips with
strong evidence halved the cases that got a well-fitting tip at all, without
raising the share of shown tips that fit. So the earned tips lead and the best
others fill the list to five.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import MIN_EARNED, earned, match_tips
from reflect_tui.core.content.loader import load_builtin

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
# One clear situation (a promise made on a residents' evening), little else.
TEXT = "Op de bewonersavond heb ik beloofd dat we binnen een maand terugkomen met een antwoord."


def test_a_thin_case_still_gets_five_tips_with_the_earned_ones_first() -> None:
    matches = match_tips(load_builtin(), Signals(text=TEXT), n=5, now=NOW)
    assert len(matches) == 5
    strengths = [earned(m.parts) >= MIN_EARNED for m in matches]
    assert strengths[0], "the first tip must be one the text really speaks to"
    # Earned tips are never ranked below a filler tip.
    assert strengths == sorted(strengths, reverse=True)
