"""The import's helper process: the same rows and messages as reading in-process,
and it never outlives the import, whatever stops it."""

from __future__ import annotations

import io
import itertools
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import import_helper
from reflect_tui.core.journal.interchange import (
    dump_journal,
    iter_journal_batches,
    iter_journal_rows,
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the helper process is used on Linux only"
)


def _items(n: int) -> list[Any]:
    items = [sample_reflection(f"id-{i:04d}") for i in range(n)]
    items[1].tags = ["wijk", "zorg"]
    items[2].case_kind = "melding"
    return items


def _file(text: str) -> io.TextIOWrapper:
    """A real file: the helper reads the stream after ``fork``."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the wrapper)
    handle.write(text.encode("utf-8"))
    handle.seek(0)
    return io.TextIOWrapper(handle, encoding="utf-8")


def _children() -> set[int]:
    """Child processes of this one that have not been reaped."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == os.getpid():
                found.add(int(entry.name))
    return found


def test_the_helper_sends_exactly_the_rows_read_in_process() -> None:
    text = dump_journal(_items(600))  # several frames
    local = [tuple(p)[:5] for p in iter_journal_rows(io.StringIO(text))]
    with import_helper.prepared_rows(_file(text), "in.json") as rows:
        sent = list(rows)
    # Small batches first (the writer waits for the first), then 250 at a time.
    assert [b.first for b in sent] == [0, 15, 45, 105, 225, 465]
    assert [tuple(p)[:5] for b in sent for p in b.items()] == local
    # The file's ratings sums come with the last frame only.
    whole = list(iter_journal_batches(io.StringIO(text), size=1000))[-1]
    assert [b.sums is None for b in sent] == [True] * 5 + [False]
    assert sent[-1].sums == whole.sums and whole.sums
    # An update needs the model object: read back from the rows, it is the original.
    assert [p.reflection() for p in sent[0].items()[:3]] == _items(3)


def test_a_flaw_found_by_the_helper_imports_nothing(tmp_path: Path) -> None:
    doc = json.loads(dump_journal(_items(700)))
    doc["reflections"][650]["status"] = "kapot"
    text = json.dumps(doc)
    with pytest.raises(ReflectError) as local:
        list(iter_journal_rows(io.StringIO(text), "in.json"))
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection("before")])
        with (
            pytest.raises(ReflectError) as helped,
            import_helper.prepared_rows(_file(text), "in.json") as rows,
        ):
            store.import_stream(rows, batch=100)
        assert str(helped.value) == str(local.value)
        assert "reflections[650].status" in str(helped.value)
        assert store.count() == 1
    assert not _children()


def test_a_writer_that_stops_early_leaves_no_helper_behind() -> None:
    text = dump_journal(_items(2000))  # more than the pipe holds
    with pytest.raises(RuntimeError), import_helper.prepared_rows(_file(text), "in.json") as rows:
        next(rows)
        raise RuntimeError("schijf vol")
    assert not _children()


def test_a_helper_that_dies_is_a_clear_error_not_a_partial_import(tmp_path: Path) -> None:
    text = dump_journal(_items(5000))  # far more than the pipe holds: the helper waits
    with open_store(tmp_path) as store:
        with (
            pytest.raises(ReflectError, match="stopte onverwacht"),
            import_helper.prepared_rows(_file(text), "in.json") as rows,
        ):
            first = next(rows)
            for pid in _children():
                os.kill(pid, 9)
            store.import_stream(itertools.chain([first], rows), batch=100)
        assert store.count() == 0


def test_no_room_for_a_helper_reads_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    text = dump_journal(_items(3))
    with import_helper.prepared_rows(_file(text), "in.json") as rows:
        assert [rid for batch in rows for rid in batch.ids] == ["id-0000", "id-0001", "id-0002"]
