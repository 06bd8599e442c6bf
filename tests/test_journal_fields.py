"""The field table: one declaration drives the schema check, the search index and the formats."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.journal import fields
from reflect_tui.core.journal.interchange import reflection_to_dict
from reflect_tui.core.journal.model import (
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
    ShownTip,
)


def _columns(store: object, table: str) -> list[str]:
    conn = store._conn  # type: ignore[attr-defined]
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_every_declared_field_has_a_column_in_the_migrated_schema(tmp_path: Path) -> None:
    # A field added to the model without its migration step fails here.
    with open_store(tmp_path) as store:
        assert sorted(_columns(store, "reflections")) == sorted(
            ["seq", *(f.column for f in fields.SCALARS)]
        )
        for child in fields.CHILDREN:
            assert sorted(_columns(store, child.table)) == sorted(
                ["reflection_seq", "position", *(f.column for f in child.fields)]
            )


def test_the_table_follows_the_model_and_the_interchange_key_order() -> None:
    names = [f.name for f in dataclasses.fields(Reflection)]
    assert [f.name for f in fields.REFLECTION] == names
    r = sample_reflection()
    # ``tips`` is optional in the interchange format: left out while empty.
    assert list(reflection_to_dict(r)) == [n for n in names if n != "tips"]
    r.tips = [ShownTip("t", 1, ["omdat"])]
    assert list(reflection_to_dict(r)) == names
    assert {c.item for c in fields.CHILDREN} == {Answer, PrincipleRating, NextStep, ShownTip}


def test_every_searchable_field_is_indexed_from_the_reflection_in_memory(tmp_path: Path) -> None:
    words: dict[str, str] = {}

    def word(label: str) -> str:
        words[label] = f"zoekwoord{len(words)}x"
        return words[label]

    r = sample_reflection()
    for f in fields.SEARCHED:
        current = getattr(r, f.name)
        setattr(r, f.name, [word(f.name)] if isinstance(current, list) else word(f.name))
    r.answers = [Answer("situatie", "luisteren", "", word("answer"))]
    r.principles = [PrincipleRating("p", 3, word("principle note"))]
    r.next_steps = [NextStep(word("next step"))]
    with open_store(tmp_path) as store:
        store.import_reflections([r])
        for label, w in words.items():
            assert [h.id for h in store.search(w)] == [r.id], label
        r.notes = "vervangen"
        store.save(r)
        assert store.search(words["notes"]) == []


def test_the_exports_copy_of_the_table_is_the_models() -> None:
    """``field_table`` (read by the streamed export, no model import) equals ``fields``."""
    from reflect_tui.core.journal import field_table

    expected = fields.export_table_source()
    assert fields.export_view() == field_table.REFLECTION, (
        "field_table.REFLECTION differs from the model's fields; put these lines in it:\n"
        + expected
    )
    # The printed lines are the table itself (so pasting them is always right).
    namespace = {"Field": field_table.Field, "ChildTable": field_table.ChildTable}
    namespace["kinds"] = field_table.kinds  # type: ignore[assignment]
    assert eval("(\n" + expected + "\n)", namespace) == field_table.REFLECTION
    assert field_table.SCALARS == fields.SCALARS
    assert [c.name for c in field_table.CHILDREN] == [c.name for c in fields.CHILDREN]
