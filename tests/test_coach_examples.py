"""Example notes (``examples/*.yaml``): the coach finds a situation worded otherwise.

The reproduction: a note about initiators who take on far more than the two
of them can carry names none of the words of the tip about letting go
(``laat-los-wat-zij-kunnen-dragen``); before the examples it was not in the
five. Its examples describe that situation in many other words.
"""

from __future__ import annotations

from pathlib import Path

from reflect_tui.core.coach import tips as coach_tips
from reflect_tui.core.coach.examples import build_model, example_model
from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import EXAMPLES, match_tips
from reflect_tui.core.content.examples import Example, read_examples, read_examples_file
from reflect_tui.core.content.loader import check_layers, load_builtin, load_content
from reflect_tui.core.paths import builtin_content_dir, resolve_locations

OVERREACH = (
    "De initiatiefnemers van de moestuin willen nu ook een kas, een kippenhok en een "
    "buurtkeuken. Ze zijn met z'n tweeën en werken allebei fulltime. Ik zie het over een "
    "half jaar stilvallen."
)


def test_a_situation_in_other_words_is_found_by_its_examples() -> None:
    content = load_builtin()
    shown = match_tips(content, Signals(text=OVERREACH))
    by_id = {m.tip.id: m for m in shown}
    assert "laat-los-wat-zij-kunnen-dragen" in by_id
    kinds = {p.kind for p in by_id["laat-los-wat-zij-kunnen-dragen"].parts}
    assert EXAMPLES in kinds


def test_every_builtin_tip_has_examples_and_the_file_is_clean() -> None:
    content = load_builtin()
    known = [t.id for t in content.tips]
    found = read_examples([str(builtin_content_dir())], known)
    assert found.problems == []
    counts = example_model(content).counts
    assert {t.id for t in content.tips if counts.get(t.id, 0) < 8} == set()


def test_a_short_note_earns_no_place_by_resemblance() -> None:
    content = load_builtin()
    for text in ("Mijn teamleider vroeg hoe het ging.", "boze buren", "ok"):
        for match in match_tips(content, Signals(text=text), n=10):
            assert not any(p.kind == EXAMPLES and p.sure for p in match.parts), (text, match)


def test_without_examples_the_coach_is_as_before(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    content = load_builtin()
    monkeypatch.setattr(coach_tips, "example_resemblance", lambda content, text: {})
    shown = [m.tip.id for m in match_tips(content, Signals(text=OVERREACH))]
    assert "laat-los-wat-zij-kunnen-dragen" not in shown  # what the examples add


BROKEN = """\
examples:
  - tips: [ruimte-voor-emoties]
    text: Een bewoner begon te huilen op de avond.
  - tips: [bestaat-niet, ruimte-voor-emoties]
    text: Boze zaal.
  - tips: [ruimte-voor-emoties]
  - text: Geen tip genoemd.
  - gewoon tekst
"""


def test_problems_in_an_examples_file_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "eigen.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    found = read_examples_file(path, ["ruimte-voor-emoties"])
    assert [(p.line, p.message) for p in found.problems] == [
        (4, "onbekende tip 'bestaat-niet' in 'tips'"),
        (6, "dit voorbeeld heeft geen 'text'"),
        (7, "dit voorbeeld noemt geen tip"),
        (8, "een voorbeeld moet 'tips' en 'text' hebben"),
    ]
    assert [e.tips for e in found.examples] == [
        ("ruimte-voor-emoties",),
        ("ruimte-voor-emoties",),
    ]


def test_broken_yaml_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("examples:\n  - tips: [a\n    text: x\n", encoding="utf-8")
    found = read_examples_file(path)
    assert len(found.problems) == 1 and found.problems[0].message == "geen geldige YAML"
    assert found.examples == []


def test_content_check_reports_example_problems(tmp_path: Path) -> None:
    layer = tmp_path / "org"
    (layer / "examples").mkdir(parents=True)
    (layer / "tips.yaml").write_text(
        "tips:\n  - id: eigen-tip\n    title: Eigen\n    text: Een eigen tip.\n"
        "    source: Eigen\n    practices: [relaties]\n",
        encoding="utf-8",
    )
    (layer / "examples" / "eigen.yaml").write_text(
        "examples:\n  - tips: [eigen-tip]\n    text: Iets.\n"
        "  - tips: [geen-tip]\n    text: Iets.\n",
        encoding="utf-8",
    )
    result = check_layers([layer])
    messages = [(e.line, e.path, e.message) for e in result.errors]
    assert messages == [(4, "examples", "onbekende tip 'geen-tip' in 'tips'")]
    assert result.errors[0].file.endswith("eigen.yaml")


def test_a_redefined_tip_loses_the_examples_written_for_the_builtin_one(tmp_path: Path) -> None:
    layer = tmp_path / "org"
    layer.mkdir()
    (layer / "tips.yaml").write_text(
        "tips:\n  - id: doe-wat-je-belooft\n    title: Eigen versie\n    text: Anders.\n"
        "    source: Eigen\n    practices: [relaties]\n",
        encoding="utf-8",
    )
    builtin = str(builtin_content_dir())
    alone = read_examples([builtin])
    stacked = read_examples([builtin, str(layer)])
    assert any("doe-wat-je-belooft" in e.tips for e in alone.examples)
    assert not any("doe-wat-je-belooft" in e.tips for e in stacked.examples)
    # Examples that named it among others keep their other tips.
    assert len(stacked.examples) == len(alone.examples) - sum(
        e.tips == ("doe-wat-je-belooft",) for e in alone.examples
    )


def test_an_own_layer_adds_examples_for_its_own_tip(tmp_path: Path) -> None:
    layer = tmp_path / "org"
    (layer / "examples").mkdir(parents=True)
    (layer / "examples" / "eigen.yaml").write_text(
        "examples:\n  - tips: [eigen-tip]\n"
        "    text: De kermis op het plein geeft elk jaar ruzie.\n",
        encoding="utf-8",
    )
    found = read_examples([str(builtin_content_dir()), str(layer)], None)
    model = build_model(found.examples)
    scores = model.scores("Ook dit jaar ruzie over de kermis op het plein.")
    assert max(scores, key=lambda t: scores[t]) == "eigen-tip"


def test_hostile_text_gives_plain_quotes() -> None:
    content = load_builtin()
    sentence = (
        "De initiatiefnemers \x1b[31mwillen\x1b[0m een kas en een buurtkeuken [bold]erbij[/bold] 🌱"
    )
    text = " ".join([sentence + "."] * 2000)  # about 150 KB
    shown = match_tips(content, Signals(text=text))
    assert shown
    for match in shown:
        for line in match.reasons:
            assert line.isprintable()


def test_examples_of_a_switched_off_tip_are_no_error(tmp_path: Path) -> None:
    """Reproduction: ``reflect content init`` writes a layer that switches off a built-in tip;
    ``reflect content check`` then reported every built-in example naming it as unknown."""
    layer = tmp_path / "org"
    layer.mkdir()
    (layer / "tips.yaml").write_text(
        "tips:\n  - id: maak-er-een-feest-van\n    disabled: true\n", encoding="utf-8"
    )
    assert check_layers([layer]).errors == ()


def test_a_named_pipe_in_a_layer_does_not_block_the_coach(tmp_path: Path) -> None:
    """Reproduction (review): ``mkfifo L/tips.yaml`` (or ``L/examples/x.yaml``) made the first
    coaching hang on reading it; the content loader skips what is not a regular file."""
    import os

    layer = tmp_path / "org"
    (layer / "examples").mkdir(parents=True)
    os.mkfifo(layer / "tips.yaml")
    os.mkfifo(layer / "examples" / "pipe.yaml")
    builtin = str(builtin_content_dir())
    assert len(read_examples([builtin, str(layer)]).examples) == len(
        read_examples([builtin]).examples
    )


def test_hidden_files_do_not_redefine_tips(tmp_path: Path) -> None:
    """A hidden ``.oud.yaml`` is no content (the loader skips it): its tips keep their examples."""
    layer = tmp_path / "org"
    layer.mkdir()
    (layer / ".oud.yaml").write_text(
        "tips:\n  - id: doe-wat-je-belooft\n    disabled: true\n", encoding="utf-8"
    )
    stacked = read_examples([str(builtin_content_dir()), str(layer)])
    assert any("doe-wat-je-belooft" in e.tips for e in stacked.examples)


def test_unknown_fields_kinds_and_empty_text_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "eigen.yaml"
    path.write_text(
        "examples:\n"
        "  - tips: [ruimte-voor-emoties]\n    soort: klacht\n    text: Boze buren.\n"
        "  - tips: [ruimte-voor-emoties]\n    kind: ruzie\n    text: Boze buren.\n"
        "  - tips: [ruimte-voor-emoties]\n    text: ~\n",
        encoding="utf-8",
    )
    found = read_examples_file(path, ["ruimte-voor-emoties"], (), ["klacht"])
    assert [(p.line, p.message) for p in found.problems] == [
        (2, "onbekend veld 'soort' (wel: tips, text, kind)"),
        (5, "onbekende soort casus 'ruzie' in 'kind'"),
        (8, "dit voorbeeld heeft geen 'text'"),
    ]
    assert [e.kind for e in found.examples] == [None, None]


def test_a_bad_character_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("examples:\n  - tips: [a]\n    text: Een \x07 bel.\n", encoding="utf-8")
    found = read_examples_file(path)
    assert [(p.line, p.message) for p in found.problems] == [(3, "geen geldige YAML")]


def test_quotes_of_hostile_text_are_plain() -> None:
    """The quote path itself: escape codes, markup and emoji in the closest sentence."""
    note = "De kermis op het plein geeft elk jaar ruzie met de buren."
    model = build_model([Example(("eigen-tip",), note)])
    text = "Gisteren weer. De \x1b[31mkermis\x1b[0m op het [bold]plein[/bold] 🎡 gaf ruzie."
    sentence = model.closest_sentence(text, "eigen-tip")
    assert sentence and sentence.isprintable() and "\x1b" not in sentence
    assert "kermis" in sentence


BETRAYED = "De bewoners voelen zich verraden door de gemeente. Ze waren heel boos op de avond."


def _emotions_reasons(monkeypatch, resemblance: dict[str, float]) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(coach_tips, "example_resemblance", lambda content, text: resemblance)
    shown = {m.tip.id: m for m in match_tips(load_builtin(), Signals(text=BETRAYED))}
    match = shown["ruimte-voor-emoties"]
    assert any(p.kind == "cue" for p in match.parts)  # the cue still counts for the score
    return match.reasons


def test_a_cue_is_quoted_only_when_the_note_resembles_the_tips_examples(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Readers marked lines that hang on one phrase meant otherwise ('zaal vol').

    When the note as a whole does not resemble the tip's example notes, the
    line says what the tip is about instead of quoting the phrase.
    """
    confirmed = _emotions_reasons(monkeypatch, {"ruimte-voor-emoties": 1.0})
    assert any("'voelen zich verraden'" in line for line in confirmed), confirmed
    unconfirmed = _emotions_reasons(monkeypatch, {"ruimte-voor-emoties": 0.1})
    assert not any("Je schreef" in line for line in unconfirmed), unconfirmed
    assert any("boosheid, angst of verdriet" in line for line in unconfirmed), unconfirmed


def test_an_own_tip_without_examples_keeps_its_quotes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    layer = tmp_path / "org"
    layer.mkdir()
    (layer / "tips.yaml").write_text(
        "tips:\n"
        "  - id: eigen-kermis\n"
        "    title: Kermis zonder ruzie\n"
        "    text: Spreek voor de kermis met de buren af wie ze kunnen bellen.\n"
        "    about: afspraken met de buren voor de kermis\n"
        "    practices: [praktisch]\n"
        "    keywords: [kermis op het plein, standwerkers, geluidsoverlast]\n"
        "    source: eigen organisatie\n",
        encoding="utf-8",
    )
    locations = resolve_locations(env={"REFLECT_HOME": str(tmp_path / "home")})
    content = load_content(locations, extra=[layer], env={}).content
    monkeypatch.setattr(coach_tips, "example_resemblance", lambda content, text: {})
    text = "Weer gedoe over de kermis op het plein: standwerkers en buren in de clinch."
    shown = {m.tip.id: m for m in match_tips(content, Signals(text=text))}
    assert any("'kermis op het plein'" in line for line in shown["eigen-kermis"].reasons)
