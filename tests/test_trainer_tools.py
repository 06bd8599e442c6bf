"""Trainer tools (issue 15): content init, schema and coverage, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from reflect_tui.cli.main import main
from reflect_tui.core.content.examples import read_examples, read_examples_file
from reflect_tui.core.content.loader import check_layers, load_builtin
from reflect_tui.core.content.schema import content_schema, examples_schema
from reflect_tui.core.paths import builtin_content_dir
from reflect_tui.core.trainer.coverage import (
    EXAMPLES_ENOUGH,
    FEW_EXAMPLES_ADVICE,
    ExampleCount,
    coverage,
    example_counts,
)


def _as_json(path: Path) -> object:
    """A YAML file as an editor's JSON view of it (mapping keys become strings)."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_init_writes_a_layer_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "org"
    assert main(["content", "init", str(target)]) == 0
    names = sorted(p.relative_to(target).as_posix() for p in target.rglob("*.yaml"))
    assert names == [
        "examples/voorbeelden.yaml",
        "intervision.yaml",
        "prompts.yaml",
        "tips.yaml",
    ]
    capsys.readouterr()
    assert main(["content", "check", str(target)]) == 0
    assert capsys.readouterr().out.startswith("OK: inhoud is geldig")
    content = check_layers([target]).content
    tip_ids = {t.id for t in content.tips}
    builtin_ids = {t.id for t in load_builtin().tips}
    # The examples do what their comments say: add, replace, switch off.
    assert "voorbeeld-bel-de-wijkregisseur" in tip_ids
    assert "maak-er-een-feest-van" in builtin_ids and "maak-er-een-feest-van" not in tip_ids
    replaced = content.tip("doe-wat-je-belooft")
    assert replaced.title != load_builtin().tip("doe-wat-je-belooft").title
    assert "voorbeeld-korte-casusronde" in {m.id for m in content.intervision_methods}
    # The template's example note is read and counts for the template's own tip.
    own = read_examples([str(target)], [t.id for t in content.tips])
    assert own.problems == []
    assert [e.tips for e in own.examples] == [("voorbeeld-bel-de-wijkregisseur",)]
    assert own.examples[0].kind in {k.id for k in content.case_kinds}


def test_init_example_note_is_checked_like_any_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The comment's warning holds: without its tip, the template's example is an error."""
    target = tmp_path / "org"
    assert main(["content", "init", str(target)]) == 0
    tips = target / "tips.yaml"
    tips.write_text(
        tips.read_text(encoding="utf-8").replace("voorbeeld-bel-de-wijkregisseur", "andere-id"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["content", "check", str(target)]) == 1
    err = capsys.readouterr().err
    assert "voorbeelden.yaml" in err and "voorbeeld-bel-de-wijkregisseur" in err


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "org"
    target.mkdir()
    (target / "tips.yaml").write_text("tips: []\n", encoding="utf-8")
    assert main(["content", "init", str(target)]) == 1
    err = capsys.readouterr().err
    assert "tips.yaml" in err and "niets geschreven" in err
    assert (target / "tips.yaml").read_text(encoding="utf-8") == "tips: []\n"
    assert not (target / "prompts.yaml").exists()


def test_init_never_overwrites_an_examples_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "org"
    (target / "examples").mkdir(parents=True)
    (target / "examples" / "voorbeelden.yaml").write_text("examples: []\n", encoding="utf-8")
    assert main(["content", "init", str(target)]) == 1
    assert "examples/voorbeelden.yaml" in capsys.readouterr().err
    assert (target / "examples" / "voorbeelden.yaml").read_text(encoding="utf-8") == (
        "examples: []\n"
    )
    assert not (target / "tips.yaml").exists()


def test_schema_is_valid_and_accepts_builtin_and_template(tmp_path: Path) -> None:
    schema = content_schema(load_builtin())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(builtin_content_dir().glob("*.yaml"))
    main(["content", "init", str(tmp_path / "org")])
    files += sorted((tmp_path / "org").glob("*.yaml"))
    for path in files:
        errors = [e.message for e in validator.iter_errors(_as_json(path))]
        assert errors == [], path


@pytest.mark.parametrize(
    "document",
    [
        {"tipz": []},  # unknown collection
        {"tips": [{"id": "x", "title": "t", "text": "t"}]},  # source missing
        {"tips": [{"id": "Hoofdletter", "disabled": True}]},  # bad id
        {"tips": [{"id": "x", "title": "t", "text": "t", "source": "s", "kleur": "rood"}]},
        {"prompts": [{"id": "p", "step": "nadenken", "text": "?"}]},  # unknown step
        {
            "learning_suggestions": [
                {"id": "l", "title": "t", "text": "t", "source": "s", "trigger": {"kind": "ooit"}}
            ]
        },
        {
            "principles": [
                {
                    "id": "p",
                    "name": "n",
                    "description": "d",
                    "question": "q",
                    "anchors": {"1": "a", "2": "b"},
                }
            ]
        },  # anchors 3-5 missing
    ],
)
def test_schema_refuses_what_the_validator_refuses(document: dict[str, object]) -> None:
    validator = jsonschema.Draft202012Validator(content_schema(load_builtin()))
    assert list(validator.iter_errors(document))


def test_schema_command_writes_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "content.schema.json"
    assert main(["content", "schema", "-o", str(target)]) == 0
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert "doe-wat-je-belooft" in json.dumps(schema["properties"]["tips"])


def test_coverage_of_builtin_content() -> None:
    report = coverage(load_builtin())
    assert set(report.prompts_by_practice_step) == {p.id for p in load_builtin().practices}
    assert all(n > 0 for steps in report.prompts_by_practice_step.values() for n in steps.values())
    # A known near-duplicate pair of the built-in prompts (issue 11) is found.
    pairs = {(d.first, d.second) for d in report.near_duplicates}
    assert ("intake-belangen-1", "situatie-samenvatten-3") in pairs or not {
        "intake-belangen-1",
        "situatie-samenvatten-3",
    } <= {p.id for p in load_builtin().prompts}
    assert "collega's" in report.shared_keywords


def test_coverage_finds_gaps_duplicates_and_unreachable_tips(tmp_path: Path) -> None:
    layer = tmp_path / "org"
    layer.mkdir()
    (layer / "tips.yaml").write_text(
        """\
tips:
  - id: dubbel-een
    title: "Bel de bewoner terug binnen een week"
    text: "Bel de bewoner terug binnen een week, ook als je nog geen antwoord hebt."
    source: "Eigen"
    practices: [relaties]
    keywords: [terugbellen, terugbelverzoek, wachttijd]
  - id: dubbel-twee
    title: "Bel de bewoner terug binnen een week"
    text: "Bel de bewoner binnen een week terug, ook als je nog geen antwoord hebt."
    source: "Eigen"
    practices: [relaties]
  - id: zonder-haakjes
    title: "Een tip zonder trefwoorden of labels"
    text: "Niets verbindt deze tip aan een casus, dus de coach kan hem nooit kiezen."
    source: "Eigen"
""",
        encoding="utf-8",
    )
    (layer / "prompts.yaml").write_text(
        """\
prompts:
  - id: na-de-avond
    practice: situatie
    step: luisteren
    text: "Wie zei er iets op de bewonersavond dat je verraste?"
""",
        encoding="utf-8",
    )
    content = check_layers([layer]).content
    report = coverage(content)
    assert ("dubbel-een", "dubbel-twee") in {(d.first, d.second) for d in report.near_duplicates}
    assert "na-de-avond" in report.event_prompts_without_kinds
    assert "zonder-haakjes" in report.unreachable_tips
    assert "dubbel-een" not in report.unreachable_tips  # its own words put it on top


@pytest.mark.slow  # not in the quick loop: coverage of all built-in content twice (~2 s)
def test_coverage_json_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"prompts_by_practice_step", "unreachable_tips", "near_duplicates"} <= set(data)
    assert main(["content", "coverage"]) == 0
    out = capsys.readouterr().out
    assert "Vragen per werkpraktijk en LSD-stap" in out
    assert "Tips die de coach nooit in de top 5 zet" in out


def test_coverage_refuses_broken_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer = tmp_path / "kapot"
    layer.mkdir()
    (layer / "tips.yaml").write_text("tips:\n  - id: x\n    title: [\n", encoding="utf-8")
    assert main(["content", "coverage", str(layer)]) == 1
    err = capsys.readouterr().err
    assert "tips.yaml:" in err and "Traceback" not in err


UNKNOWN_TIP_NOTE = """\
  - tips: [bestaat-niet]
    text: "Dit voorbeeld noemt alleen een onbekende tip."
"""


def _layer_with_examples(tmp_path: Path, unknown_tip: bool = False) -> Path:
    """An own tip with two example notes, a redefined built-in tip (and an unknown tip)."""
    layer = tmp_path / "org"
    (layer / "examples").mkdir(parents=True)
    (layer / "tips.yaml").write_text(
        """\
tips:
  - id: eigen-tip
    title: "Bel de wijkregisseur"
    text: "Bel de wijkregisseur voor je iets toezegt over de straat."
    source: "Eigen"
    practices: [binnen-buiten]
    keywords: [wijkregisseur]
  - id: doe-wat-je-belooft
    title: "Kom terug op je toezegging"
    text: "Heb je iets beloofd, doe het dan."
    source: "Eigen"
    practices: [relaties]
""",
        encoding="utf-8",
    )
    (layer / "examples" / "eigen.yaml").write_text(
        """\
examples:
  - tips: [eigen-tip]
    text: "Ik beloofde een bewoner nieuwe tegels, de straat gaat volgend jaar open."
  - tips: [luister-zonder-oordeel, eigen-tip]
    text: "Een boze buurman aan de balie over de tegels voor zijn deur."
"""
        + (UNKNOWN_TIP_NOTE if unknown_tip else ""),
        encoding="utf-8",
    )
    return layer


def test_example_counts_first_and_total_as_the_coach_reads_them(tmp_path: Path) -> None:
    builtin = example_counts(load_builtin())
    content = check_layers([_layer_with_examples(tmp_path, unknown_tip=True)]).content
    counts = example_counts(content)
    assert list(counts) == [t.id for t in content.tips]
    assert counts["eigen-tip"] == ExampleCount(first=1, total=2)
    own_first = builtin["luister-zonder-oordeel"]
    assert counts["luister-zonder-oordeel"] == ExampleCount(
        own_first.first + 1, own_first.total + 1
    )
    # Redefined: the built-in notes were written for the old text and no longer count.
    assert builtin["doe-wat-je-belooft"].total >= EXAMPLES_ENOUGH
    assert counts["doe-wat-je-belooft"] == ExampleCount(0, 0)
    assert "bestaat-niet" not in counts
    report = coverage(content)
    assert report.examples_by_tip == counts
    assert set(report.tips_with_few_examples) == {"eigen-tip", "doe-wat-je-belooft"}


@pytest.mark.slow  # coverage of the built-in content plus a layer, twice (~2 s)
def test_coverage_reports_tips_with_few_examples_in_text_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer = _layer_with_examples(tmp_path)
    assert main(["content", "coverage", str(layer), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["examples_by_tip"]["eigen-tip"] == {"first": 1, "total": 2}
    assert set(data["tips_with_few_examples"]) == {"eigen-tip", "doe-wat-je-belooft"}
    assert main(["content", "coverage", str(layer)]) == 0
    out = capsys.readouterr().out
    assert "Voorbeeldverhalen per tip" in out
    section = out.split(f"Tips met minder dan {EXAMPLES_ENOUGH} voorbeeldverhalen")[1]
    assert "eigen-tip (2)" in section and "doe-wat-je-belooft (0)" in section
    assert FEW_EXAMPLES_ADVICE in section
    assert "luister-zonder-oordeel (" not in section


def test_examples_schema_accepts_builtin_and_template_notes(tmp_path: Path) -> None:
    schema = examples_schema(load_builtin())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    main(["content", "init", str(tmp_path / "org")])
    files = sorted((builtin_content_dir() / "examples").glob("*.yaml"))
    files += sorted((tmp_path / "org" / "examples").glob("*.yaml"))
    assert len(files) >= 2
    for path in files:
        errors = [e.message for e in validator.iter_errors(_as_json(path))]
        assert errors == [], path
    # A content file is no examples file, and the other way round.
    content_validator = jsonschema.Draft202012Validator(content_schema(load_builtin()))
    assert list(content_validator.iter_errors(_as_json(files[-1])))
    assert list(validator.iter_errors(_as_json(builtin_content_dir() / "tips.yaml")))


@pytest.mark.parametrize(
    "document",
    [
        {"examples": [{"text": "Een verhaal zonder tip."}]},
        {"examples": [{"tips": [], "text": "Een verhaal met een lege lijst tips."}]},
        {"examples": [{"tips": ["doe-wat-je-belooft"]}]},  # no text
        {"examples": [{"tips": ["doe-wat-je-belooft"], "text": "   "}]},  # blank text
        {"examples": [{"tips": ["Hoofdletter"], "text": "Een verhaal."}]},  # bad id
        {"examples": "geen lijst"},
        {"voorbeelden": []},
    ],
)
def test_examples_schema_refuses_what_the_reader_refuses(
    tmp_path: Path, document: dict[str, object]
) -> None:
    validator = jsonschema.Draft202012Validator(examples_schema(load_builtin()))
    assert list(validator.iter_errors(document))
    if "Hoofdletter" in json.dumps(document):
        return  # an unknown id is the reader's business (with the tips it knows)
    path = tmp_path / "voorbeelden.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert read_examples_file(path).problems


def test_schema_command_writes_the_examples_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "examples.schema.json"
    assert main(["content", "schema", "--examples", "-o", str(target)]) == 0
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert schema["required"] == ["examples"]
    assert "doe-wat-je-belooft" in json.dumps(schema["properties"]["examples"])
