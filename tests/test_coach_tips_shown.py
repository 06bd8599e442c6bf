"""How many tips the coach shows: every earned tip up to n, fill-ins only up to three.

Why: on the tuning sets, filling the list to five with tips that had no earned
evidence put more fill-ins than earned tips on screen, and fill-ins fit far
less often; filling to three raised the share of shown tips that fit by about
0.1 on each labelled set with the same cases getting a good tip (see
``tips.MIN_SHOWN``). The earned tips still lead.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import (
    CHOSEN_PRACTICE,
    KEYWORD,
    MIN_EARNED,
    MIN_SHOWN,
    ScorePart,
    earned,
    match_tips,
)
from reflect_tui.core.content.loader import load_builtin

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
# One clear situation (a promise made on a residents' evening), little else.
TEXT = "Op de bewonersavond heb ik beloofd dat we binnen een maand terugkomen met een antwoord."


def _earns(parts: list[ScorePart] | tuple[ScorePart, ...]) -> bool:
    return earned(parts) >= MIN_EARNED


def test_a_thin_case_gets_three_tips_with_the_earned_ones_first() -> None:
    matches = match_tips(load_builtin(), Signals(text=TEXT), n=5, now=NOW)
    assert MIN_SHOWN == 3
    assert len(matches) == 3  # was five: one earned tip and four fill-ins
    strengths = [_earns(m.parts) for m in matches]
    assert strengths[0], "the first tip must be one the text really speaks to"
    assert not all(strengths), "the case is thin: some of the three are fill-ins"
    # Earned tips are never ranked below a filler tip.
    assert strengths == sorted(strengths, reverse=True)


def test_every_earned_tip_is_shown_beyond_three() -> None:
    signals = Signals(text="Vandaag een gesprek gehad.", practices=("relaties",))
    matches = match_tips(load_builtin(), signals, n=5, now=NOW)
    assert len(matches) > MIN_SHOWN
    assert all(_earns(m.parts) for m in matches)


def test_a_chosen_practice_earns_only_with_a_word_of_the_tip_in_the_text() -> None:
    chosen = ScorePart(CHOSEN_PRACTICE, "relaties", 3.0)
    word = ScorePart(KEYWORD, "", 1.0, matches=(("gesprek", "gesprek"),))
    assert not _earns([chosen])
    assert _earns([chosen, word])
    # Without any text, a chosen practice pulls in no tip on its own strength:
    # every tip of that practice would otherwise fill the list to five.
    matches = match_tips(load_builtin(), Signals(text="", practices=("relaties",)), n=5, now=NOW)
    assert len(matches) == MIN_SHOWN
    assert not any(_earns(m.parts) for m in matches)


def test_n_still_caps_the_list() -> None:
    signals = Signals(text="Vandaag een gesprek gehad.", practices=("relaties",))
    assert len(match_tips(load_builtin(), signals, n=2, now=NOW)) == 2
