"""A ticked hindrance pulls only tips that help against it (issue 11, stop 12).

Blind readings found "Tijdgebrek" ticked bringing "Maak werk met werk" and
"Neem tijd om te leren", and "Formele processen" bringing "Bouw het stap
voor stap", each with "je vinkte ... aan" although the tip does nothing
about that hindrance. A tip's ``barriers`` now list only the hindrances it
helps against (docs/content-guide.md); phrases about someone else or a
wish are no hindrance of the user. Cases from tests/data/coach_cases_own.yaml.
"""

from __future__ import annotations

from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import match_tips
from reflect_tui.core.content.loader import load_builtin

CONTENT = load_builtin()


def _ticked_lines(signals: Signals, barrier_name: str) -> dict[str, list[str]]:
    return {
        m.tip.id: [r for r in m.reasons if r.startswith(f"Je vinkte '{barrier_name}'")]
        for m in match_tips(CONTENT, signals)
    }


def test_ticked_time_pressure_brings_only_tips_against_it() -> None:
    signals = Signals(
        text=(
            "Drie buren willen de groenstrook zelf onderhouden. Ik zit tot over mijn oren in de "
            "dossiers en kan er geen uren voor vrijmaken. Ze mailen me elke dag met vragen."
        ),
        case_kind="initiatief",
        barriers=("tijdgebrek",),
    )
    lines = _ticked_lines(signals, "Tijdgebrek en werkdruk")
    said = {tip for tip, found in lines.items() if found}
    assert said, lines  # the tick is still served
    assert not said & {"werk-met-werk-maken", "maak-tijd-om-te-leren", "begin-waar-de-energie-zit"}
    assert "vraag-om-tijd-budget-en-mandaat" in lines


def test_ticked_formal_processes_does_not_say_build_step_by_step() -> None:
    signals = Signals(
        text=(
            "De aanvraag voor de moestuin ligt al zeven weken bij vergunningen. De "
            "initiatiefnemers horen niks en haken bijna af."
        ),
        case_kind="initiatief",
        barriers=("formele-processen",),
    )
    lines = _ticked_lines(signals, "Formele processen en tijdspaden")
    assert not lines.get("bouw-het-stap-voor-stap")
    assert lines.get("help-door-de-procedure")


def test_someone_elses_lack_of_time_is_no_time_pressure_of_the_user() -> None:
    signals = Signals(
        text=(
            "Een bewoner klaagt dat de stoep al drie weken open ligt. De aannemer zegt dat hij "
            "geen tijd heeft om het af te maken. De bewoner is boos."
        ),
        case_kind="klacht",
    )
    for match in match_tips(CONTENT, signals):
        assert not any("geen tijd" in r for r in match.reasons), match.reasons


def test_not_knowing_where_the_alderman_stands_is_not_quoted_as_a_hindrance() -> None:
    signals = Signals(
        text=(
            "Een energiecoöperatie wil een zonneveld langs de snelweg. Ambtelijk zien we het wel "
            "zitten, maar ik weet niet hoe de wethouder en de fracties erin staan."
        ),
        case_kind="project",
    )
    matches = match_tips(CONTENT, signals)
    assert "peil-college-en-raad" in [m.tip.id for m in matches]
    for match in matches:
        assert not any("wijst op 'Politiek' als hindernis" in r for r in match.reasons)


def test_fill_ins_come_from_what_the_note_is_about() -> None:
    """A practice read from loose words weighs half for a fill-in when cues say otherwise."""
    from reflect_tui.core.coach.tips import INFERRED_PRACTICE, KEYWORD, ScorePart, _earning_places

    tips = CONTENT.by_id("tips")
    generic = tips["gebruik-participatie-instrumenten"]
    on_topic = tips["ga-erheen-en-maak-contact"]
    entries = [
        (
            5.0,
            generic,
            [ScorePart(INFERRED_PRACTICE, "praktisch", 4.0), ScorePart(KEYWORD, "", 1.0)],
            1.0,
        ),
        (4.0, on_topic, [ScorePart(INFERRED_PRACTICE, "situatie", 4.0)], 1.0),
    ]
    plain = _earning_places(list(entries))
    assert plain[0][1].id == generic.id  # without cues: the higher score
    about = _earning_places(list(entries), frozenset({"situatie"}))
    assert about[0][1].id == on_topic.id


def test_a_department_named_far_from_a_negation_is_not_quoted_as_a_hindrance() -> None:
    signals = Signals(
        text=(
            "Overlast van jongeren bij het winkelcentrum. Handhaving, jongerenwerk, het wijkteam "
            "en de afdeling openbare ruimte hebben allemaal een eigen aanpak en niemand weet wat "
            "de ander doet."
        ),
        case_kind="project",
    )
    lines = [r for m in match_tips(CONTENT, signals) for r in m.reasons]
    assert not any("'afdeling': dat wijst op" in r for r in lines), lines
    assert not any("'wijkteam': dat wijst op" in r for r in lines), lines


def _rests_on_tick_alone(parts: tuple, barrier_id: str) -> bool:
    """The tip's only evidence is the tick (plus the case kind or a practice guess)."""
    own = [p for p in parts if p.kind not in ("case_kind", "inferred_practice", "step")]
    return bool(own) and all(p.kind == "ticked_barrier" and p.item == barrier_id for p in own)


def test_a_tick_pulls_one_tip_further_ones_need_words_of_their_own() -> None:
    """Issue 11, stop 13: "Politiek" ticked brought five politics tips, three of
    them about nothing in the text (lobbying, where to bring an idea in). One tip
    answers the tick; a further tip filed under it is shown only on its own
    evidence from the text."""
    signals = Signals(
        text=(
            "De raad stemde gisteren tegen de pacht van de grond voor de buurtmoestuin. Ik moet "
            "het de initiatiefnemers vertellen, ze hebben er twee jaar aan gewerkt."
        ),
        case_kind="initiatief",
        barriers=("politiek",),
    )
    matches = match_tips(CONTENT, signals)
    served = [m for m in matches if "politiek" in m.tip.barriers]
    assert served  # the tick is still served
    pulled = [
        m for m in served if any(p.kind == "ticked_barrier" and p.weight > 0 for p in m.parts)
    ]
    assert len(pulled) == 1, [m.tip.id for m in pulled]
    for match in served:
        if match is not pulled[0]:
            assert not _rests_on_tick_alone(
                tuple(p for p in match.parts if p.weight > 0), "politiek"
            )
