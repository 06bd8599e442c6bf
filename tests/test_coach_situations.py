"""Situations (``Tip.situations``): groups of words said together make the case (issue 11).

The matcher fires only when every group has a word within a sentence and the
next, never on one group alone, never on a negated word, never across a
longer stretch; the content checker explains a badly written situation; a
matched situation ranks its tip in the five and names the situation in the
reason line.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import reflect_tui.core.content.loader as loader
from reflect_tui.core.coach.signals import Signals, read_text
from reflect_tui.core.coach.situations import SituationIndex
from reflect_tui.core.coach.tips import SITUATION, match_tips
from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.content.export import content_from_json, content_to_json
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import Situation, Tip
from reflect_tui.core.text_analysis import sentence_numbers, tokenize, word_key

NEGATIONS = frozenset(word_key(w) for w in ("niet", "geen", "niemand", "nooit"))
POLITICAL_NO = Situation(
    when=(("raad", "wethouder"), ("afgewezen", "stemde tegen", "gaat niet door")),
    reason="Je beschrijft dat de politiek nee zei",
)
TIP = Tip(id="na-nee", title="t", text="t", source="s", situations=(POLITICAL_NO,))


def found(text: str, tip: Tip = TIP) -> list[str]:
    """The reasons of the situations found in ``text`` (clauses = sentences here)."""
    tokens = tokenize(text)
    sentences = sentence_numbers(text, tokens)
    hits = SituationIndex([tip]).find(text, tokens, sentences, sentences, frozenset(), NEGATIONS)
    return [h.reason for hs in hits.values() for h in hs]


def test_fires_when_every_group_has_a_word_in_one_sentence() -> None:
    assert found("De raad heeft het plan gisteren afgewezen.") == [POLITICAL_NO.reason]
    # inflected forms count (match keys), and a phrase may have a small gap
    assert found("De wethouders stemden gisteren tegen.") == [POLITICAL_NO.reason]


def test_fires_within_one_sentence_only() -> None:
    # words from two sentences may be about different things (blind readers, stop 14)
    assert found("De raad heeft het plan dinsdag afgewezen.") == [POLITICAL_NO.reason]
    assert found("De raad vergaderde dinsdag. Het plan is afgewezen.") == []
    assert found("De raad vergaderde. Het regende. Het plan is afgewezen.") == []


def test_one_group_alone_never_fires() -> None:
    assert found("De raad vergaderde over de begroting.") == []
    assert found("Mijn aanvraag is afgewezen.") == []


def test_a_negated_word_does_not_count_unless_the_phrase_holds_the_negation() -> None:
    assert found("De raad heeft het plan niet afgewezen.") == []
    assert found("Niemand in de raad stemde tegen.") == []
    assert found("De raad besloot: het buurtplan gaat niet door.") == [POLITICAL_NO.reason]


def test_one_word_cannot_serve_two_groups() -> None:
    same = Situation(when=(("raad",), ("raad", "college")), reason="Je beschrijft de raad")
    tip = Tip(id="x", title="t", text="t", source="s", situations=(same,))
    assert found("De raad vergaderde.", tip) == []
    assert found("De raad en het college vergaderden.", tip) == ["Je beschrijft de raad"]


def test_the_builtin_content_finds_the_core_move_and_names_the_situation() -> None:
    content = load_builtin()
    text = (
        "Een bewoner is al weken bezig met een vraag over zijn stoep. Hij wordt steeds "
        "doorgestuurd van de ene afdeling naar de andere."
    )
    evidence = read_text(content, text)
    assert "zet-de-loketten-samen-aan-tafel" in evidence.situations
    tips = match_tips(content, Signals(text=text, case_kind="vraag"))
    first = tips[0]
    assert first.tip.id == "zet-de-loketten-samen-aan-tafel"
    assert any(p.kind == SITUATION for p in first.parts)
    assert first.reasons[0].startswith("Je beschrijft dat iemand van afdeling naar afdeling")


def test_good_news_does_not_make_a_situation() -> None:
    """'..., maar de sfeer was goed': the worry did not come about, no situation to handle."""
    content = load_builtin()
    assert "ruimte-voor-emoties" in read_text(content, "De bewoners waren boos.").situations
    text = "De bewoners waren eerst boos, maar de sfeer was daarna goed."
    assert "ruimte-voor-emoties" not in read_text(content, text).situations


def test_situations_survive_the_content_cache_shape() -> None:
    content = load_builtin()
    again = content_from_json(content_to_json(content))
    assert again.tips == content.tips
    assert any(t.situations for t in again.tips)


# --- the content checker -------------------------------------------------------

BASE = Path(__file__).parent / "content_fixtures" / "base"
TIP_YAML = """\
tips:
  - id: nieuwe-tip
    title: Een titel
    text: Een tekst
    source: Eigen
    situations:
"""


def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tail: str) -> list[ContentError]:
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: BASE)
    path = tmp_path / "tips.yaml"
    path.write_text(TIP_YAML + textwrap.indent(textwrap.dedent(tail), "      "), encoding="utf-8")
    return loader.check_paths([path])


def test_a_well_formed_situation_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tail = """\
    - when: [[raad, wethouder], nee]
      reason: "Je beschrijft dat de politiek nee zei"
    """
    assert check(tmp_path, monkeypatch, tail) == []


def test_one_group_is_refused_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tail = """\
    - when: [[raad, wethouder]]
      reason: "Je beschrijft de raad"
    """
    [error] = check(tmp_path, monkeypatch, tail)
    assert error.path == "tips.nieuwe-tip.situations[0].when"
    assert error.message == (
        "een situatie heeft minstens twee groepen woorden nodig, bijvoorbeeld "
        "[[wethouder, raad], [beloofd, toegezegd]]; voor een los woord of zinsdeel "
        "gebruik je keywords of cues"
    )


def test_an_empty_group_and_a_missing_reason_are_both_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tail = """\
    - when: [[raad], []]
    """
    errors = check(tmp_path, monkeypatch, tail)
    assert sorted(e.message for e in errors) == [
        "een groep woorden mag niet leeg zijn",
        "verplicht veld 'reason' ontbreekt",
    ]
    assert {e.path for e in errors} == {
        "tips.nieuwe-tip.situations[0].when[1]",
        "tips.nieuwe-tip.situations[0]",
    }


def test_a_loose_function_word_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tail = """\
    - when: [[materiaal, ruimte], [over, "geen geld"]]
      reason: "Je beschrijft iets"
    """
    [error] = check(tmp_path, monkeypatch, tail)
    assert error.path == "tips.nieuwe-tip.situations[0].when[1]"
    assert error.message.startswith("het losse woord 'over' zegt niets over een situatie")


def test_an_unknown_field_gets_a_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tail = """\
    - when: [[raad], [nee]]
      reasons: "Je beschrijft de raad"
    """
    messages = [e.message for e in check(tmp_path, monkeypatch, tail)]
    assert "onbekend veld 'reasons'; bedoel je 'reason'?" in messages
