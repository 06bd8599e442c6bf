"""Round trips: what goes into the journal comes back identical, whatever the text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import (
    CLOCK,
    TickingClock,
    open_store,
    reflections,
    sample_reflection,
    save_answer,
)
from quickloop import examples

from reflect_tui.core.journal.interchange import dump_journal, parse_journal
from reflect_tui.core.journal.model import Answer

SETTINGS = settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(reflection=reflections)
def test_save_then_reopen_gives_identical_reflection(reflection) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp)) as store:
            store.add(reflection)  # stamps updated_at on the object too
        with open_store(Path(tmp)) as store:
            assert store.get(reflection.id) == reflection
            assert store.all() == [reflection]


@SETTINGS
@given(items=st.lists(reflections, max_size=5, unique_by=lambda r: r.id))
def test_export_then_import_into_empty_journal_is_identical(items) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "a", Path(tmp) / "b"
        with open_store(first) as store:
            store.import_reflections(items)
            original = store.all()
            exported = dump_journal(original)
        with open_store(second) as store:
            result = store.import_reflections(parse_journal(exported))
            assert result.added == len(items)
            assert store.all() == original
            assert dump_journal(store.all()) == exported


def test_large_answers_with_emoji_crlf_and_nul_survive_everything(tmp_path: Path) -> None:
    big = ("Regel met café en 😀\r\n" * 5000)[:100_000] + "\x00eind"
    reflection = sample_reflection(
        answers=[
            Answer("situatie", "luisteren", "Wie?", big),
            Answer("relaties", "luisteren", "", big[::-1]),
        ],
        notes=big,
    )
    with open_store(tmp_path / "one") as store:
        store.import_reflections([reflection])
        save_answer(store, reflection.id, Answer("oplossingen", "doorvragen", "Nog?", big + "!"))
        stored = store.get(reflection.id)
        assert stored.answers[0].text == big
        assert stored.answers[2].text == big + "!"
        assert len(stored.notes) == len(big)
        exported = dump_journal([stored])
    with open_store(tmp_path / "two") as store:
        store.import_reflections(parse_journal(exported))
        assert store.get(reflection.id) == stored
        assert [h.id for h in store.search("eind")] == [reflection.id]


def test_save_answer_updates_in_place_and_keeps_order(tmp_path: Path) -> None:
    with open_store(tmp_path, clock=TickingClock()) as store:
        draft = store.create_draft("Overleg", content_version="v9")
        save_answer(store, draft.id, Answer("situatie", "luisteren", "P1", "eerste"))
        save_answer(store, draft.id, Answer("situatie", "samenvatten", "P2", "tweede"))
        before = store.get(draft.id).updated_at
        save_answer(
            store, draft.id, Answer("situatie", "luisteren", "P1b", "eerste, herzien", "id-1")
        )
        got = store.get(draft.id)
        assert [(a.step, a.prompt, a.text) for a in got.answers] == [
            ("luisteren", "P1b", "eerste, herzien"),
            ("samenvatten", "P2", "tweede"),
        ]
        assert got.answers[0].prompt_id == "id-1"
        assert got.updated_at > before
        assert got.content_version == "v9"
        assert [s.id for s in store.drafts()] == [draft.id]
    assert CLOCK.now().tzinfo is not None


@SETTINGS
@given(items=st.lists(reflections, max_size=4, unique_by=lambda r: r.id))
def test_fast_export_is_byte_identical_to_the_model_path(items) -> None:
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp)) as store:
        store.import_reflections(items)
        assert store.export_json() == dump_journal(store.all())
