"""Reason lines under a tip read as Dutch: no '.;' between two sentences (tester, stop 10)."""

from __future__ import annotations

from reflect_tui.tui.widgets.tip_card import join_reasons


def test_sentences_follow_each_other() -> None:
    joined = join_reasons(["Dat vraagt ruimte voor boosheid.", "Je koos de werkpraktijk X."])
    assert joined == "Dat vraagt ruimte voor boosheid. Je koos de werkpraktijk X."
    assert ".;" not in joined


def test_phrases_take_a_semicolon_and_mixed_lines_stay_readable() -> None:
    assert join_reasons(["je schreef 'a'", "je vinkte 'b'"]) == "Je schreef 'a'; je vinkte 'b'"
    assert join_reasons(["Een zin.", "een frase", "nog een"]) == "Een zin. een frase; nog een"
    assert join_reasons([]) == ""
