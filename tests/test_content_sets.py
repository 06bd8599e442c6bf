"""Named prompt sets (``sets:``) in a group's content folder: validated like all content."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import reflect_tui.core.content.loader as loader
from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.content.export import content_from_json, content_to_json
from reflect_tui.core.content.model import PromptSet

BASE = Path(__file__).parent / "content_fixtures" / "base"


@pytest.fixture(autouse=True)
def fixture_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: BASE)


def check(tmp_path: Path, text: str) -> list[ContentError]:
    path = tmp_path / "sets.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return loader.check_paths([path])


def test_a_valid_set_loads_with_its_prompts_and_methods(tmp_path: Path) -> None:
    text = """\
    sets:
      - id: onze-vragen
        name: Onze vragen
        description: Wat wij altijd vragen.
        methods: [incidentmethode]
        prompts: ["Wie ontbreekt er?", "Wat is de vraag achter de vraag?"]
    """
    assert check(tmp_path, text) == []
    result = loader.check_layers([tmp_path])
    (chosen,) = result.content.sets
    assert chosen == PromptSet(
        "onze-vragen",
        "Onze vragen",
        "Wat wij altijd vragen.",
        ("Wie ontbreekt er?", "Wat is de vraag achter de vraag?"),
        ("incidentmethode",),
    )
    # The cache's JSON shape round-trips the new collection.
    again = content_from_json(content_to_json(result.content))
    assert again.sets == result.content.sets


def test_unknown_method_is_reported_with_a_hint(tmp_path: Path) -> None:
    text = """\
    sets:
      - {id: a, name: A, description: A., methods: [incidentmetode], prompts: ["Vraag?"]}
    """
    (error,) = check(tmp_path, text)
    assert error.path == "sets.a.methods[0]"
    assert "bedoel je 'incidentmethode'?" in error.message


def test_a_set_needs_prompts(tmp_path: Path) -> None:
    text = """\
    sets:
      - {id: leeg, name: Leeg, description: Leeg., prompts: []}
      - {id: zonder, name: Zonder, description: Zonder.}
    """
    errors = check(tmp_path, text)
    assert [e.path for e in errors] == ["sets.leeg.prompts", "sets.zonder"]
