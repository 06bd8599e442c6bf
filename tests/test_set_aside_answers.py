"""Answers of an unticked practice (set aside in a draft) travel like any answer.

They stay in the draft's ``answers`` (``SessionFlow.set_practices``), so the
export carries them, an import brings them back as set aside, and erasing the
reflection removes them with the rest.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from journal_fixtures.helpers import open_store, run_cli, sample_reflection

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.journal.model import Answer
from reflect_tui.core.session.flow import SessionFlow

ASIDE = "Ik luisterde naar de klager (apart gezet)"


def _draft_with_an_answer_set_aside():
    return sample_reflection(
        status="draft",
        practices=["relaties"],
        answers=[
            Answer("relaties", "luisteren", "Wie?", "gekozen antwoord"),
            Answer("situatie", "luisteren", "Wat hoorde je?", ASIDE),
        ],
    )


def test_export_and_import_keep_answers_set_aside(tmp_path: Path) -> None:
    source, target = tmp_path / "bron", tmp_path / "doel"
    draft = _draft_with_an_answer_set_aside()
    with open_store(source) as store:
        store.add(draft)
    out_file = tmp_path / "export.json"
    code, _, err = run_cli(source, "export", "-o", str(out_file))
    assert code == 0, err
    exported = json.loads(out_file.read_text(encoding="utf-8"))["reflections"][0]
    assert exported["practices"] == ["relaties"]
    assert [a["text"] for a in exported["answers"]] == ["gekozen antwoord", ASIDE]
    code, _, err = run_cli(target, "import", str(out_file))
    assert code == 0, err
    with open_store(target) as store:
        back = store.get(draft.id)
    flow = SessionFlow(back, load_builtin())
    assert flow.set_aside_practices() == ["situatie"]
    assert [a.text for a in flow.reflection.chosen_answers()] == ["gekozen antwoord"]
    flow.set_practices(["situatie", "relaties"])
    assert flow.answer_text(flow.go_to("lsd:situatie:luisteren")) == ASIDE


def test_erasing_a_draft_removes_its_answers_set_aside(tmp_path: Path) -> None:
    draft = _draft_with_an_answer_set_aside()
    with open_store(tmp_path) as store:
        store.add(draft)
        store.delete(draft.id)
    raw = (tmp_path / "journal.sqlite3").read_bytes()
    assert ASIDE.encode() not in raw
    with sqlite3.connect(tmp_path / "journal.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM answers").fetchone() == (0,)


def test_show_marks_answers_set_aside(tmp_path: Path) -> None:
    draft = _draft_with_an_answer_set_aside()
    with open_store(tmp_path) as store:
        store.add(draft)
    code, out, err = run_cli(tmp_path, "show", draft.id[:8])
    assert code == 0, err
    aside = out.index("Praktijk: De situatie in kaart brengen")
    assert "uitgevinkt" in out[aside:] and "uitgevinkt" not in out[:aside]
    assert ASIDE.replace("(", "").split()[0] in out[aside:]


def test_answers_set_aside_steer_no_tips_in_the_cli_either(tmp_path: Path) -> None:
    """One rule for the app's summary and ``reflect coach --reflection``: the coach
    reads only the ticked practices' answers (the summary filtered them itself,
    the CLI read every answer of a draft)."""
    import dataclasses

    from reflect_tui.core.coach.signals import Signals

    angry = "De bewoners waren woedend en schreeuwden over de gekapte bomen en de beloftes."
    draft = dataclasses.replace(
        _draft_with_an_answer_set_aside(),
        answers=[
            Answer("relaties", "luisteren", "Wie?", "gekozen antwoord"),
            Answer("situatie", "luisteren", "Wat hoorde je?", angry),
        ],
    )
    assert angry not in Signals.from_reflection(draft).text
    without = dataclasses.replace(draft, answers=draft.answers[:1])
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    outputs = []
    for home, reflection in ((home_a, draft), (home_b, without)):
        with open_store(home) as store:
            store.add(reflection)
        code, out, err = run_cli(home, "coach", "--reflection", reflection.id, "--json")
        assert code == 0, err
        outputs.append(json.loads(out))
    assert outputs[0] == outputs[1]
    assert "woedend" not in json.dumps(outputs[0], ensure_ascii=False)
