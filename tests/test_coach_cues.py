"""Situation cues (``Tip.cues``): phrases that say what a case is about (issue 11)."""

from __future__ import annotations

from reflect_tui.core.coach.cues import CueIndex
from reflect_tui.core.coach.evaluate import Case, coach_case
from reflect_tui.core.coach.signals import read_text
from reflect_tui.core.coach.tips import CUE
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.text_analysis import tokenize, word_key

NEGATIONS = frozenset(word_key(w) for w in ("niet", "geen", "niemand"))


def _hits(cues: list[tuple[str, str]], text: str) -> list[str]:
    tokens = tokenize(text)
    clauses = [0] * len(tokens)
    for i in range(1, len(tokens)):
        gap = text[tokens[i - 1].end : tokens[i].start]
        clauses[i] = clauses[i - 1] + any(ch in ".,;!?" for ch in gap)
    return [h.cue for h in CueIndex(cues).hits(tokens, clauses, frozenset(), NEGATIONS)]


def test_cue_words_match_in_order_with_small_gaps_and_inflection() -> None:
    cues = [("t", "boos en bang"), ("t", "wethouder wil")]
    assert _hits(cues, "Ze waren boos, verdrietig en bang") == []  # comma: other clause
    assert _hits(cues, "Ze waren boos en heel erg bang") == ["boos en bang"]
    assert _hits(cues, "De wethouder wilde snel een besluit") == ["wethouder wil"]
    assert _hits(cues, "wil de wethouder dat?") == []  # order counts


def test_a_participle_at_the_clause_end_completes_an_auxiliary_cue() -> None:
    """Dutch puts the participle last: the cue held with four words between (r2 case)."""
    cues = [("t", "wethouder heeft beloofd"), ("o", "hebben niemand")]
    text = "De wethouder heeft op de wijkschouw bankjes beloofd aan de ouderen."
    assert _hits(cues, text) == ["wethouder heeft beloofd"]
    assert _hits(cues, "De wethouder heeft op de wijkschouw, bankjes beloofd") == []  # clause
    # Only a participle after an auxiliary waits for the clause end: "hebben" with
    # its object is no auxiliary, so "hebben niemand" keeps the small gap.
    assert _hits(cues, "Ze hebben allemaal een eigen aanpak en niemand weet het") == []
    assert _hits(cues, "Ze hebben verder niemand") == ["hebben niemand"]


def test_a_negation_before_a_cue_cancels_it_unless_the_cue_holds_one() -> None:
    cues = [("t", "boos"), ("t", "geen geld")]
    assert _hits(cues, "Niemand was boos") == []
    assert _hits(cues, "Er is geen geld") == ["geen geld"]


def test_read_text_reports_cues_per_tip_with_the_users_words() -> None:
    content = load_builtin()
    evidence = read_text(content, "Zaal vol, veel boosheid en angst.")
    assert "ruimte-voor-emoties" in evidence.cues
    assert evidence.cues["ruimte-voor-emoties"][0].word == "boosheid"


def test_the_core_move_for_an_angry_evening_comes_first() -> None:
    """The issue's case: angry residents, trees cut, not knowing what one may promise."""
    content = load_builtin()
    case = Case(
        id="boze-avond",
        text=(
            "Informatieavond over de kap van de bomen langs de singel. Veel boze bewoners, "
            "er werd geschreeuwd. Ik wist niet wat ik mocht toezeggen over herplant."
        ),
        kind="bijeenkomst",
        expected_practices=("relaties",),
        expected_barriers=(),
    )
    top = [m.tip.id for m in coach_case(content, case)]
    assert "ruimte-voor-emoties" in top[:2]
    assert {"doe-wat-je-belooft", "zeg-vooraf-waarover-mensen-meepraten"} & set(top)
    first = coach_case(content, case)[0]
    assert any(p.kind == CUE for p in first.parts)


def test_a_worry_that_did_not_come_about_is_no_situation_to_handle() -> None:
    """Issue 11, stop 13: "X, maar het ging goed" names X only to say it was no
    problem (blind readers saw a full, friendly room get advice for a crowded
    evening). Only what comes before the "maar" is overcome; good news first
    and a problem after it keeps the problem."""
    content = load_builtin()
    calm = read_text(content, "De zaal zat vol maar de sfeer was goed, mensen waren positief.")
    assert "kies-een-luisterstrategie" not in calm.cues
    tense = read_text(content, "De sfeer was goed, maar de zaal zat vol en het werd onrustig.")
    assert "kies-een-luisterstrategie" in tense.cues
    plain = read_text(content, "De zaal zat vol en de sfeer was grimmig.")
    assert "kies-een-luisterstrategie" in plain.cues
