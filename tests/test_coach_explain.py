"""``reflect coach --explain`` and the scoring rules a trainer relies on (issues 11, 15.5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflect_tui.cli.main import main
from reflect_tui.core.coach.signals import Signals
from reflect_tui.core.coach.tips import for_audience, match_tips
from reflect_tui.core.content.loader import load_builtin

TRAINER_TIP = """
tips:
  - id: toezeggen-met-mandaat
    title: Zeg alleen toe waarvoor je mandaat hebt
    text: Vraag vooraf aan je wethouder wat je mag toezeggen, en zeg dat eerlijk.
    source: "Eigen tip van de organisatie"
    practices: [relaties]
    keywords: [toezeggen, mandaat, wethouder]
"""
TEXT = "Ik wist niet wat ik mocht toezeggen, want ik had geen mandaat van de wethouder."


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_trainers_tip_with_exactly_these_words_comes_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "org.yaml").write_text(TRAINER_TIP, encoding="utf-8")
    out = run_json(capsys, "--content", str(tmp_path), "coach", "--text", TEXT, "--json")
    assert out["tips"][0]["id"] == "toezeggen-met-mandaat"


def test_explain_shows_words_keywords_parts_and_adjustments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "org.yaml").write_text(TRAINER_TIP, encoding="utf-8")
    out = run_json(
        capsys, "--content", str(tmp_path), "coach", "--text", TEXT, "--explain", "--json"
    )
    first = out["tips"][0]["explain"]
    keyword = next(p for p in first["parts"] if p["kind"] == "keyword")
    assert {m["keyword"] for m in keyword["matches"]} == {"toezeggen", "mandaat", "wethouder"}
    assert any(m["word"] == "toezeggen" for m in keyword["matches"])
    assert first["base"] == pytest.approx(sum(p["weight"] for p in first["parts"]), abs=0.01)
    assert first["score"] == pytest.approx(
        first["base"] * first["recency"] * first["variety"], abs=0.01
    )
    later = [t["explain"] for t in out["tips"][1:]]
    assert any(e["variety"] < 1.0 for e in later)  # similar tips pay for variety


def test_explain_text_output_is_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "org.yaml").write_text(TRAINER_TIP, encoding="utf-8")
    argv = ["--content", str(tmp_path), "coach", "--text", TEXT, "--barrier", "politiek"]
    assert main([*argv, "--explain", "-n", "5"]) == 0
    out = capsys.readouterr().out
    assert "Score " in out and "aangevinkt: wat hinderde Politiek" in out
    assert "'toezeggen' -> toezeggen" in out


def test_every_ticked_barrier_is_served_in_the_top_five() -> None:
    content = load_builtin()
    text = "Bewonersavond over de bomen aan de Parklaan. Mensen waren boos en bang."
    for barrier in content.barriers:
        tips = match_tips(content, Signals(text=text, barriers=(barrier.id,)), n=5)
        assert any(barrier.id in m.tip.barriers for m in tips), barrier.id


def test_ticked_barrier_does_not_fill_the_whole_top() -> None:
    content = load_builtin()
    signals = Signals(text="Mensen waren boos over de bomen.", barriers=("politiek",))
    tips = match_tips(content, signals, n=5)
    assert 1 <= sum("politiek" in m.tip.barriers for m in tips) < 5
    assert any(m.tip.id == "ruimte-voor-emoties" for m in tips)


def test_organisation_only_tips_are_not_served_to_the_boundary_worker() -> None:
    content = load_builtin()
    org_only = [t for t in content.tips if not for_audience(t)]
    assert org_only  # the built-in content has some
    signals = Signals(text=" ".join(k for t in org_only for k in t.keywords))
    shown = {m.tip.id for m in match_tips(content, signals, n=20)}
    assert not shown & {t.id for t in org_only}
