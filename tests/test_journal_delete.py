"""Deleting a reflection erases its text from every file under the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from journal_fixtures.helpers import (
    FIXTURES,
    open_store,
    sample_reflection,
    save_answer,
    update_fields,
)

from reflect_tui.core.journal.model import Answer, NextStep

MARKER = "Zwaluwstaartmarker7Q"


def _files_containing(root: Path, needle: str) -> list[str]:
    encodings = {needle.encode("utf-8"), needle.encode("utf-16-le"), needle.lower().encode()}
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(e in data for e in encodings):
                hits.append(str(path.relative_to(root)))
    return hits


def test_deleted_reflection_text_is_in_no_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        keep = [sample_reflection(f"{n:08x}-keep", title=f"Bewaar {n}") for n in range(30)]
        store.import_reflections(keep)
        draft = store.create_draft(f"Titel {MARKER}")
        for i in range(12):  # many versions of the index row and pages in the WAL
            save_answer(
                store, draft.id, Answer("situatie", f"s{i}", "", f"antwoord {MARKER} {i}" * 40)
            )
        update_fields(
            store, draft.id, insight=MARKER, notes=MARKER * 3000, next_steps=[NextStep(MARKER)]
        )
        store.record_tips_shown(["tip-a"], draft.id)
        assert _files_containing(data, MARKER)  # the scan can find it
        store.delete(draft.id)
        assert _files_containing(data, MARKER) == []
        assert store.search(MARKER) == []
        assert store.count() == 30
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _files_containing(data, MARKER) == []
    with open_store(data) as store:
        assert store.count() == 30
        assert store.search("Bewaar")


def test_delete_also_scrubs_pre_migration_backups(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "v1_journal.sqlite3", data / "journal.sqlite3")
    with open_store(data) as store:
        assert _files_containing(data / "backups", "ZWAANMARKER")
        store.delete("0b9f6c1e-1111-4d4e-9a51-000000000001")
        assert store.count() == 1
    assert _files_containing(data, "ZWAANMARKER") == []
    assert _files_containing(data, "Kastanjelaan") == []
