"""``reflect content check|show`` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reflect_tui.core.content.loader as loader
from reflect_tui.cli.main import main
from reflect_tui.core.content.model import COLLECTIONS

FIXTURES = Path(__file__).parent / "content_fixtures"

BROKEN_TIPS = """\
tips:
  - id: kapot
    title: no
    text: Tekst
    source: Eigen
    practices: [situatei]
"""


@pytest.fixture
def fixture_builtin(monkeypatch: pytest.MonkeyPatch) -> Path:
    base = FIXTURES / "base"
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: base)
    return base


def test_check_builtin_content_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    """The real built-in content (whatever its size today) must pass."""
    code = main(["content", "check"])
    out, err = capsys.readouterr()
    assert err == ""
    assert code == 0
    assert out.startswith("OK: inhoud is geldig (")
    assert out.count("\n") == 1


def test_check_broken_tips_file_lists_every_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tips.yaml").write_text(BROKEN_TIPS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["content", "check", "tips.yaml"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith("tips.yaml:3:12: tips.kapot.title: ")
    assert lines[1].startswith("tips.yaml:6:17: tips.kapot.practices[0]: ")
    assert "bedoel je 'situatie'?" in lines[1]
    assert lines[-1] == "2 fouten gevonden in de inhoud"
    assert "Traceback" not in err


def test_check_folder_on_top_of_builtin(
    fixture_builtin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "check", str(FIXTURES / "org")]) == 0
    out = capsys.readouterr().out
    assert "2 tips" in out  # base has 2, org adds 1 and disables 1


def test_check_without_path_uses_every_layer(
    fixture_builtin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--content", str(FIXTURES / "broken"), "content", "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1] == "4 fouten gevonden in de inhoud"


def test_check_missing_path_is_an_error_line(
    tmp_path: Path, fixture_builtin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["content", "check", str(tmp_path / "nergens")])
    err = capsys.readouterr().err
    assert code == 1
    assert "bestaat niet" in err.splitlines()[0]


def test_check_many_hostile_files_never_tracebacks(
    tmp_path: Path,
    fixture_builtin: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = {
        "a.yaml": b"\xff\xfe\x00t",
        "b.yaml": b"",
        "c.yaml": b"- 1\n- 2\n",
        "d.yaml": b"tips: !!python/object/apply:os.system [echo]\n",
        "e.yaml": b"a: &x 1\nb: *x\n",
        "f.yaml": b"tips: [\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    code = main(["content", "check", "."])
    err = capsys.readouterr().err
    assert code == 1
    reported = {line.split(":")[0] for line in err.splitlines()[:-1]}
    assert reported == set(files)


def test_show_json_contract(fixture_builtin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == list(COLLECTIONS)
    for items in data.values():
        assert all(isinstance(item["id"], str) for item in items)
    prompts = {p["id"]: p for p in data["prompts"]}
    assert prompts["intake-gebeurd"]["practice"] is None
    assert prompts["intake-gebeurd"]["step"] == "intake"
    assert prompts["situatie-luisteren-1"]["practice"] == "situatie"
    assert prompts["situatie-luisteren-1"]["text"] == "Wie heb je gehoord?"
    tip = data["tips"][0]
    for key in (
        "title",
        "text",
        "practices",
        "principles",
        "lsd_steps",
        "activities",
        "barriers",
        "helps",
        "keywords",
        "case_kinds",
        "source",
    ):
        assert key in tip
    assert tip["practices"] == ["situatie"]
    method = data["intervision_methods"][0]
    assert method["name"] == "Incidentmethode"
    assert set(method["rounds"][0]) >= {"name", "role", "minutes", "purpose", "prompts"}
    assert method["rounds"][0]["prompts"] == ["Wat gebeurde er?", "Wat is je vraag?"]
    assert method["rounds"][1]["prompts"] == []
    principle = data["principles"][0]
    assert sorted(principle["anchors"]) == ["1", "2", "3", "4", "5"]
    trigger = data["learning_suggestions"][0]["trigger"]
    assert trigger["kind"] == "barrier_recurring" and trigger["ids"] == ["collegas"]


def test_show_json_of_real_builtin_has_the_contract_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["content", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == list(COLLECTIONS)


def test_show_overview_is_readable_dutch(
    fixture_builtin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "show"]) == 0
    out = capsys.readouterr().out
    assert "Werkpraktijken (5)" in out
    assert "  situatie: De situatie in kaart brengen" in out
    assert "[situatie/luisteren] Wie heb je gehoord?" in out
    assert "Incidentmethode (3 rondes, 25 minuten)"  # closing round included in out


def test_show_warns_about_a_skipped_layer_and_still_works(
    fixture_builtin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--content", str(FIXTURES / "broken"), "content", "show", "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert err.startswith("reflect: De inhoud van je organisatie in ")
    assert "kon niet worden geladen" in err and "reflect content check" in err
    assert json.loads(out)["tips"]


def test_show_with_broken_builtin_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tips.yaml").write_text("tips: [\n", encoding="utf-8")
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: tmp_path)
    code = main(["content", "show"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.splitlines()) == 1
    assert err.startswith("reflect: de ingebouwde inhoud is ongeldig")


def test_content_without_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content"]) == 2
    assert capsys.readouterr().err.startswith("reflect: ")


def test_show_names_the_builtin_layer_and_gives_other_layers_absolute(
    fixture_builtin: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tester saw 'Lagen: tester/.venv/lib/.../_builtin_content': a path
    relative to wherever they stood, which says nothing about the layer."""
    monkeypatch.chdir(FIXTURES.parent.parent)
    assert main(["--content", str(FIXTURES / "org"), "content", "show"]) == 0
    layers_line = next(
        line for line in capsys.readouterr().out.splitlines() if line.startswith("Lagen:")
    )
    assert layers_line == f"Lagen: ingebouwde inhoud, {(FIXTURES / 'org').absolute()}"
