"""Two app instances on one journal: an edit must not bring back a reflection erased
elsewhere, nor undo a step ticked done elsewhere (fresh-eyes user test, two
reproductions). Two ``JournalStore`` connections on one file play the windows;
the clock is fixed, so every write happens "at the same moment" (the revision
must still move on, see ``JournalStore._stamp``).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quickloop import examples

from reflect_tui.core.errors import ReflectionChanged, ReflectionGone
from reflect_tui.core.journal.fields import CHILDREN, SCALARS
from reflect_tui.core.journal.merge import three_way
from reflect_tui.core.journal.model import Answer, NextStep, Reflection
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.session.autosave import DraftSaver
from tests.journal_fixtures.helpers import open_store, reflections

SECRET = "GEHEIM-gewist-verhaal"


def _journal_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _assert_nowhere(folder: Path, text: str) -> None:
    for path in _journal_files(folder):
        assert text.encode() not in path.read_bytes(), path


def _old_reflection(store: JournalStore) -> Reflection:
    r = store.create_draft("old-0")
    r.answers.append(Answer("situatie", "luisteren", "Wat hoorde je?", f"{SECRET} eerste versie"))
    r.next_steps = [NextStep("Team beheer vragen", None), NextStep("Wethouder bellen", None)]
    r.status = "complete"
    store.save(r)
    return r


# --- reproduction 1: a deleted reflection comes back ------------------------------------


def test_an_edit_of_a_reflection_deleted_elsewhere_is_refused_and_leaves_no_trace(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path) as window_a, open_store(tmp_path) as shell:
        rid = _old_reflection(window_a).id
        editing = window_a.get(rid)  # Enter on the journal screen
        base = copy.deepcopy(editing)
        shell.delete(rid)  # reflect delete --yes old-0
        editing.title = f"{SECRET} getypt in A"
        with pytest.raises(ReflectionGone):
            window_a.save(editing, base=base)
        with pytest.raises(ReflectionGone):  # the plain form (no base) refuses too
            window_a.save(editing)
        assert shell.list() == []
        assert window_a.count() == 0
    _assert_nowhere(tmp_path, SECRET)


def test_the_draft_writer_drops_a_reflection_deleted_elsewhere_and_says_so_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    with open_store(tmp_path) as window_a, open_store(tmp_path) as shell:
        rid = _old_reflection(window_a).id
        editing = window_a.get(rid)
        gone: list[str] = []
        errors: list[Exception] = []
        saver = DraftSaver(
            lambda: JournalStore.open(path, window_a._clock),
            on_gone=gone.append,
            on_error=errors.append,
        )
        saver.track(editing)
        try:
            shell.delete(rid)
            for i in range(3):
                editing.title = f"{SECRET} {i}"
                saver.submit(editing)
                assert saver.flush()
            assert gone == [rid]
            assert errors == []
            assert saver.is_gone(rid)
            assert not saver.pending
        finally:
            assert saver.close()
        assert shell.list() == []
    _assert_nowhere(tmp_path, SECRET)


def test_add_never_overwrites_and_save_never_creates(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        r = store.create_draft("een")
        twin = copy.deepcopy(r)
        with pytest.raises(ReflectionGone):
            store.save(Reflection("nieuw-id", "x", r.occurred_on, r.created_at, r.updated_at))
        with pytest.raises(Exception, match="al een reflectie"):
            store.add(twin)
        store.delete(r.id)
        store.add(twin)  # only an explicit add brings an id in again
        assert [s.id for s in store.list()] == [r.id]


# --- reproduction 2: a step ticked done is silently undone ------------------------------


def test_finishing_an_edit_keeps_a_step_ticked_done_elsewhere(tmp_path: Path) -> None:
    with open_store(tmp_path) as window_a, open_store(tmp_path) as window_b:
        rid = _old_reflection(window_a).id
        editing = window_b.get(rid)  # B opens the tree reflection to edit
        base = copy.deepcopy(editing)
        window_a.set_next_step_done(rid, 0, True)  # A: `d` on the home screen
        editing.title = "Bomenkap, nieuwe titel"  # B changes the title and finishes
        saved = window_b.save(editing, base=base)
        stored = window_a.get(rid)
        assert stored.title == "Bomenkap, nieuwe titel"
        assert [s.done for s in stored.next_steps] == [True, False]
        assert saved.kept == ("next_steps",) and saved.overridden == ()
        # B types on: the next saves keep the tick too (merged against B's own last copy)
        editing.insight = "Eerst het team vragen."
        saved = window_b.save(editing, base=saved.base)
        editing.next_steps[1].text = "Wethouder mailen"
        window_b.save(editing, base=saved.base)
        stored = window_a.get(rid)
        assert [(s.text, s.done) for s in stored.next_steps] == [
            ("Team beheer vragen", True),
            ("Wethouder mailen", False),
        ]
        assert stored.insight == "Eerst het team vragen."


def test_a_whole_save_without_base_over_a_changed_row_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path) as window_a, open_store(tmp_path) as window_b:
        rid = _old_reflection(window_a).id
        editing = window_b.get(rid)
        window_a.set_next_step_done(rid, 0, True)
        editing.title = "andere titel"
        before = editing.updated_at
        with pytest.raises(ReflectionChanged):
            window_b.save(editing)
        assert editing.updated_at == before  # a retry still names what it read
        assert window_a.get(rid).next_steps[0].done
        assert window_a.get(rid).title == "old-0"


def test_the_draft_writer_merges_and_reports_a_change_made_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with open_store(tmp_path) as window_a, open_store(tmp_path) as reader:
        rid = _old_reflection(window_a).id
        editing = reader.get(rid)
        merged: list[tuple[str, tuple[str, ...]]] = []
        saver = DraftSaver(
            lambda: JournalStore.open(path, window_a._clock),
            on_merged=lambda r, saved: merged.append((r, saved.kept)),
        )
        saver.track(editing)
        try:
            editing.title = "titel 1"
            saver.submit(editing)
            assert saver.flush()
            window_a.set_next_step_done(rid, 1, True)
            for i in (2, 3):
                editing.title = f"titel {i}"
                saver.submit(editing)
                assert saver.flush()
        finally:
            assert saver.close()
        stored = reader.get(rid)
        assert stored.title == "titel 3"
        assert [s.done for s in stored.next_steps] == [False, True]
        assert merged == [(rid, ("next_steps",))]  # told once, not on every save


def test_both_windows_changing_one_value_keeps_the_editors_and_reports_it(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path) as window_a, open_store(tmp_path) as window_b:
        rid = _old_reflection(window_a).id
        editing = window_b.get(rid)
        base = copy.deepcopy(editing)
        elsewhere = window_a.get(rid)
        elsewhere.title = "titel van A"
        elsewhere.notes = "notitie van A"
        window_a.save(elsewhere)
        editing.title = "titel van B"
        saved = window_b.save(editing, base=base)
        stored = window_a.get(rid)
        assert (stored.title, stored.notes) == ("titel van B", "notitie van A")
        assert saved.overridden == ("title",) and saved.kept == ("notes",)


def test_every_change_moves_the_revision_even_within_one_clock_tick(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        r = _old_reflection(store)
        seen = [store.get(r.id).updated_at]
        store.set_next_step_done(r.id, 0, True)
        seen.append(store.get(r.id).updated_at)
        store.set_next_step_due(r.id, 0, None)
        seen.append(store.get(r.id).updated_at)
        again = store.get(r.id)
        store.save(again)
        seen.append(store.get(r.id).updated_at)
        assert seen == sorted(set(seen))


# --- the merge itself ---------------------------------------------------------------------

_MERGED_FIELDS = [f.name for f in SCALARS if f.name not in ("id", "created_at", "updated_at")]
_MERGED_FIELDS += [c.name for c in CHILDREN]


@settings(max_examples=examples(200), deadline=None)
@given(
    base=reflections,
    here=reflections,
    there=reflections,
    split=st.lists(st.sampled_from(["base", "mine", "theirs"]), min_size=len(_MERGED_FIELDS)),
)
def test_a_merge_keeps_every_change_made_on_one_side_only(
    base: Reflection, here: Reflection, there: Reflection, split: list[str]
) -> None:
    """Each field changed in at most one place: the merge has every change, reports no
    conflict, and leaves the three inputs untouched."""
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    for name, side in zip(_MERGED_FIELDS, split, strict=False):
        if side == "mine":
            setattr(mine, name, copy.deepcopy(getattr(here, name)))
        elif side == "theirs":
            setattr(theirs, name, copy.deepcopy(getattr(there, name)))
    before = copy.deepcopy((base, mine, theirs))
    merged = three_way(base, mine, theirs)
    assert merged.overridden == ()
    for name, side in zip(_MERGED_FIELDS, split, strict=False):
        expected = {"base": base, "mine": mine, "theirs": theirs}[side]
        assert getattr(merged.reflection, name) == getattr(expected, name), name
    assert (merged.reflection.id, merged.reflection.created_at) == (mine.id, mine.created_at)
    assert (base, mine, theirs) == before
