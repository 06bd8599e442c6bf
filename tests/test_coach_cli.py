"""``reflect coach`` and ``reflect suggest``: JSON contract, errors, journal use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from coach_fixtures.helpers import reflection

from reflect_tui.cli.main import main
from reflect_tui.core.clock import SystemClock
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.paths import resolve_locations

VASTGOED = "Mijn collega's van vastgoed willen de grond liever verkopen."
TIP_KEYS = {
    "id",
    "title",
    "text",
    "practices",
    "principles",
    "lsd_steps",
    "barriers",
    "helps",
    "score",
    "reasons",
}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def journal_path() -> Path:
    return resolve_locations().journal_path


def test_coach_text_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "coach", "--text", VASTGOED, "--kind", "initiatief", "--json")
    assert isinstance(out, dict)
    assert set(out) == {"tips", "suggested_practices"}
    assert 1 <= len(out["tips"]) <= 5
    for item in out["tips"]:
        assert set(item) >= TIP_KEYS
        assert isinstance(item["score"], float)
        assert all(isinstance(r, str) and r for r in item["reasons"])
    assert any("collega's van vastgoed" in r for t in out["tips"] for r in t["reasons"])
    assert any("collegas" in t["barriers"] for t in out["tips"])
    for item in out["suggested_practices"]:
        assert {"id", "score", "reasons"} <= set(item)
    assert out["suggested_practices"][0]["id"] == "binnen-buiten"
    assert not journal_path().exists()  # coach --text never creates a journal


def test_coach_options_and_n(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(
        capsys,
        "coach",
        "--text",
        "klacht over een kapvergunning",
        "--practice",
        "situatie",
        "--barrier",
        "politiek",
        "--help-factor",
        "rugdekking",
        "--kind",
        "klacht",
        "--step",
        "doorvragen",
        "-n",
        "3",
        "--json",
    )
    assert len(out["tips"]) == 3
    reasons = [r for t in out["tips"] for r in t["reasons"]]
    # The ticked hindrance is said plainly, with what the tip is about.
    assert any(
        r.startswith("Je vinkte 'Politiek' aan als wat je hinderde; deze tip gaat over ")
        for r in reasons
    )


def test_coach_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coach", "--text", VASTGOED]) == 0
    out = capsys.readouterr().out
    assert "Tips bij je casus" in out
    assert "Waarom deze tip:" in out
    assert "collega's van vastgoed" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["coach", "--text", "x", "--practice", "situatei"], "Bedoel je 'situatie'?"),
        (["coach", "--text", "x", "--barrier", "colegas"], "Bedoel je 'collegas'?"),
        (["coach", "--text", "x", "--kind", "klachten"], "Bedoel je 'klacht'?"),
        (["coach", "--text", "x", "-n", "0"], "-n moet 1 of meer zijn"),
        (["coach"], "geef --text"),
    ],
)
def test_coach_bad_input_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def save_reflections(*reflections: object) -> None:
    store = JournalStore.open(journal_path(), SystemClock())
    try:
        for r in reflections:
            store.add(r)  # type: ignore[arg-type]
    finally:
        store.close()


def test_coach_reflection_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    r = reflection(
        1,
        practices=["relaties"],
        barriers=["collegas"],
        ratings={"open": 2},
        text="De bewoner was woedend over de kapvergunning.",
        case_kind="klacht",
    )
    save_reflections(r)
    out = run_json(capsys, "coach", "--reflection", r.id[:6], "--json", "--explain")
    reasons = [reason for t in out["tips"] for reason in t["reasons"]]
    assert any(
        r.startswith("Je vinkte 'Collega's' aan als wat je hinderde; deze tip gaat over ")
        for r in reasons
    )
    parts = {(p["kind"], p["id"]) for t in out["tips"] for p in t["explain"]["parts"]}
    assert ("chosen_practice", "relaties") in parts
    assert ("low_principle", "open") in parts


def test_coach_unknown_reflection(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coach", "--reflection", "abc"]) == 1
    assert "nog geen dagboek" in capsys.readouterr().err
    save_reflections(reflection(1))
    assert main(["coach", "--reflection", "zzz"]) == 1
    assert "zzz" in capsys.readouterr().err


def test_coach_uses_tips_shown_history(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["coach", "--text", VASTGOED, "--json"]
    first = run_json(capsys, *argv)
    top = first["tips"][0]
    save_reflections(reflection(1))
    store = JournalStore.open(journal_path(), SystemClock())
    store.record_tips_shown([top["id"]])
    store.close()
    again = run_json(capsys, *argv)
    scores = {t["id"]: t["score"] for t in again["tips"]}
    assert scores.get(top["id"], 0.0) < top["score"]


def test_suggest_fresh_install(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "suggest", "--json") == []
    assert main(["suggest"]) == 0
    assert "Nog geen afgeronde reflecties" in capsys.readouterr().out
    assert not journal_path().exists()


def test_suggest_json_names_the_reflections(capsys: pytest.CaptureFixture[str]) -> None:
    journal = [
        reflection(i, days_ago=60 + i, practices=["relaties"], barriers=["collegas"])
        for i in range(6)
    ]
    save_reflections(*journal)
    out = run_json(capsys, "suggest", "--json")
    assert isinstance(out, list) and out
    ids = {r.id for r in journal}
    for item in out:
        assert {"id", "title", "text", "reasons", "reflection_ids"} <= set(item)
        assert item["reasons"] and set(item["reflection_ids"]) <= ids
    reasons = [r for item in out for r in item["reasons"]]
    assert any("Collega's hinderden je in 5 van je laatste 5 reflecties" in r for r in reasons)
    assert main(["suggest"]) == 0
    assert "Leersuggesties" in capsys.readouterr().out


@pytest.mark.slow  # not in the quick loop: fresh interpreter (cf. test_core_no_textual)
def test_coach_and_suggest_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from reflect_tui.cli.main import main; "
        "main(['coach', '--text', 'collega', '--json']); main(['suggest', '--json']); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    env = {"REFLECT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_coach_text_survives_a_corrupt_journal(capsys: pytest.CaptureFixture[str]) -> None:
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"dit is geen database" * 100)
    assert main(["coach", "--text", VASTGOED, "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["tips"]
    assert captured.err.startswith("reflect: eerder getoonde tips niet gelezen")
    assert path.read_bytes() == b"dit is geen database" * 100  # never modified
    assert main(["coach", "--reflection", "abc"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
