"""Tip matching: reasons in Dutch with the user's words, determinism, variety, freshness."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coach_fixtures.helpers import make_content, reflection, tip

from reflect_tui.core.coach.signals import Signals, read_text
from reflect_tui.core.coach.tips import match_tips, recency_factor

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
VASTGOED = "Mijn collega's van vastgoed willen de grond liever verkopen."


def test_text_implies_barrier_and_reason_quotes_the_user() -> None:
    content = make_content()
    matches = match_tips(content, Signals(text=VASTGOED), n=3, now=NOW)
    assert matches[0].tip.id == "collegas-meenemen"
    reasons = matches[0].reasons
    assert "Je schreef 'Mijn collega's van vastgoed': dat wijst op 'Collega's' als hindernis." in (
        reasons
    )
    assert all(isinstance(r, str) and r for r in reasons)


def test_read_text_infers_barrier_and_practice() -> None:
    evidence = read_text(make_content(), "De afdeling en collega's van vastgoed werken niet mee.")
    assert "collegas" in evidence.barriers
    assert "binnen-buiten" in evidence.practices
    assert "collegas" not in evidence.helps  # no positive cue: a hindrance, not a help


def test_shared_keyword_with_positive_cue_is_a_help() -> None:
    evidence = read_text(make_content(), "Dankzij mijn collega kwam het goed.")
    assert "collegas" in evidence.helps
    assert "collegas" not in evidence.barriers


def test_negated_help_is_not_a_help() -> None:
    evidence = read_text(make_content(), "Er is geen budget voor.")
    assert "ruimte" not in evidence.helps
    assert "ruimte" in read_text(make_content(), "Er was budget voor.").helps


def test_explicit_choices_give_dutch_reasons() -> None:
    content = make_content()
    signals = Signals(
        practices=("situatie",),
        case_kind="klacht",
        step="doorvragen",
        low_principles=("open",),
        ratings=(("open", 2),),
        barriers=("politiek",),
    )
    by_id = {m.tip.id: m for m in match_tips(content, signals, n=6, now=NOW)}
    reasons = by_id["vraag-achter-de-vraag"].reasons
    assert reasons == (
        "Je gaf jezelf een 2 voor Open; deze tip helpt je daarin.",
        "Je koos de werkpraktijk 'De situatie in kaart brengen'; deze tip hoort daarbij.",
    )
    kinds = {p.kind for p in by_id["vraag-achter-de-vraag"].parts}
    assert {"chosen_practice", "low_principle", "step", "case_kind"} <= kinds
    assert (
        "Je vinkte 'Politiek' aan als wat je hinderde; deze tip gaat daarover."
        in by_id["wethouder-meenemen"].reasons
    )


def test_signals_from_reflection() -> None:
    r = reflection(
        1,
        practices=["relaties", "relaties"],
        barriers=["collegas"],
        helps=["rugdekking"],
        ratings={"open": 2, "verbindend": 4},
        text="De bewoner was boos.",
        case_kind="klacht",
    )
    signals = Signals.from_reflection(r, step="luisteren")
    assert signals.practices == ("relaties",)
    assert signals.low_principles == ("open",)
    assert signals.rating_of("verbindend") == 4
    assert signals.step == "luisteren"
    assert "boos" in signals.text
    matches = match_tips(make_content(), signals, n=5, now=NOW)
    by_id = {m.tip.id: m for m in matches}
    # One word alone ("boos") counts for the tip but is not quoted back: a lone
    # word may be meant in another sense (blind readings, stop 10).
    assert not any("'boos'" in reason for reason in by_id["ruimte-voor-emotie"].reasons)
    # the ticked barrier is served even when other tips score higher
    assert any("collegas" in m.tip.barriers for m in match_tips(make_content(), signals, n=1))


def test_matching_is_deterministic() -> None:
    content = make_content()
    signals = Signals(text=VASTGOED + " Er is geen tijd en de wethouder is boos.")
    first = match_tips(content, signals, n=5, now=NOW)
    for _ in range(3):
        again = match_tips(make_content(), signals, n=5, now=NOW)
        assert [(m.tip.id, m.score, m.reasons) for m in again] == [
            (m.tip.id, m.score, m.reasons) for m in first
        ]


def test_ties_are_broken_by_id() -> None:
    twins = [tip(t, "Zelfde", practices=["relaties"]) for t in ("b-tip", "a-tip", "c-tip")]
    content = make_content(tips=twins)
    matches = match_tips(content, Signals(practices=("relaties",)), n=1, now=NOW)
    assert matches[0].tip.id == "a-tip"


def test_top_tips_are_varied() -> None:
    near_duplicates = [
        tip(
            f"collega-{i}",
            "Betrek je collega's",
            practices=["binnen-buiten"],
            barriers=["collegas"],
            keywords=["collega", "vastgoed"],
        )
        for i in range(4)
    ]
    different = tip(
        "relatie-houden",
        "Houd contact met de initiatiefnemers",
        practices=["relaties"],
        keywords=["grond", "verkopen", "liever"],  # three own words: it earns a place
    )
    content = make_content(tips=[*near_duplicates, different])
    # The ticked barrier lets the near duplicates earn a place too (MIN_EARNED).
    signals = Signals(text=VASTGOED, barriers=("collegas",))
    matches = match_tips(content, signals, n=2, now=NOW)
    assert sorted(m.tip.id for m in matches) == ["collega-0", "relatie-houden"]


def test_recently_shown_tip_is_pushed_down_and_recovers() -> None:
    content = make_content()
    signals = Signals(text="De bewoner was boos over de vergunning, een klacht.")
    fresh = match_tips(content, signals, n=3, now=NOW)
    top = fresh[0].tip.id
    shown = {top: NOW - timedelta(hours=1)}
    later = match_tips(content, signals, n=3, recently_shown=shown, now=NOW)
    assert later[0].tip.id != top
    long_ago = {top: NOW - timedelta(days=120)}
    recovered = match_tips(content, signals, n=3, recently_shown=long_ago, now=NOW)
    assert recovered[0].tip.id == top


def test_recency_factor_decays_with_age() -> None:
    assert recency_factor(None, NOW) == 1.0
    just_now = recency_factor(NOW, NOW)
    week = recency_factor(NOW - timedelta(days=7), NOW)
    month = recency_factor(NOW - timedelta(days=30), NOW)
    assert just_now < week < month < 1.0
    naive = datetime(2026, 3, 1, 12, 0)  # naive timestamps are read as UTC
    assert recency_factor(naive, NOW) == recency_factor(NOW - timedelta(days=1), NOW)


def test_no_signal_no_tips_and_n_is_respected() -> None:
    content = make_content()
    assert match_tips(content, Signals(), now=NOW) == []
    assert match_tips(content, Signals(text=VASTGOED), n=0, now=NOW) == []
    assert len(match_tips(content, Signals(practices=("binnen-buiten",)), n=2, now=NOW)) == 2


def test_markup_and_escape_codes_in_text_stay_plain() -> None:
    # Three of the barrier's words, so the line may quote them (one or two loose
    # words are never quoted back since stop 13).
    text = "[bold]collega's[/bold] van vastgoed en een collega werken niet mee \x1b[2J"
    matches = match_tips(make_content(), Signals(text=text), n=1, now=NOW)
    joined = " ".join(matches[0].reasons)
    assert "\x1b" not in joined
    assert "'collega's'" in joined
