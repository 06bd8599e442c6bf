"""Markdown and filtered exports are streamed (flat memory) and byte-identical to before.

Two references for "what the export wrote before streaming":
- files written by the release's own code (main at e6a5139, whose
  ``export_set.export_text`` built the whole text in memory) from
  ``v5_journal.sqlite3`` (drafts, emoji, markup-like text, empty fields):
  ``reflect export --format md`` and the filtered ``--status concept`` as
  Markdown and JSON (the Markdown files later regenerated once, when ids
  the content does not know got the note "(niet in de huidige inhoud)");
- ``_release_export_text``, that release's function, kept here word for word
  over its building blocks, for generated journals.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import FIXTURES, open_store, reflections, sample_reflection
from quickloop import examples

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import export_set, records
from reflect_tui.core.journal.exports import marked_ids, with_markers
from reflect_tui.core.journal.interchange import dump_journal
from reflect_tui.core.journal.markdown import Namer, render_reflection
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.journal.query import JournalQuery, matching_ids
from reflect_tui.core.journal.store import JournalStore


def _release_render_journal(items: Iterable[Reflection], namer: Namer | None = None) -> str:
    """``markdown.render_journal`` as the release had it (one string)."""
    parts = ["# Reflectiedagboek", ""]
    for r in items:
        parts.extend([render_reflection(r, namer, level=2), "---", ""])
    return "\n".join(parts).rstrip() + "\n"


def _release_export_text(
    store: JournalStore, fmt: str, namer: Namer | None, query: JournalQuery | None
) -> str:
    """``export_set.export_text`` as the release had it: everything in memory."""
    whole = query is None or not query.is_filtered
    if whole and fmt == "json":
        return store.export_json()
    if whole:
        items = store.all()
    else:
        assert query is not None
        items = store.get_many(matching_ids(store, query))
    if fmt == "json":
        return dump_journal(items)
    text = _release_render_journal(items, namer if items else None)
    return with_markers(text, [r.id for r in items])


def _namer(collection: str, item_id: str) -> str:
    return f"[{collection}] {item_id} 🙂"  # markup-like and emoji, as content names may be


QUERIES = [
    None,
    JournalQuery(),
    JournalQuery(status="draft"),
    JournalQuery(status="complete", sort="oldest"),
    JournalQuery(tags=("geen-label",)),
]


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(reflections, max_size=9, unique_by=lambda r: r.id),
    batch=st.integers(1, 4),
    namer=st.sampled_from([None, _namer]),
)
def test_streamed_exports_equal_the_release_on_generated_journals(items, batch, namer) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp)) as store:
        store.import_reflections(items)
        old, export_set.BATCH = export_set.BATCH, batch  # several pages from a few items
        try:
            for query in QUERIES:
                for fmt in ("md", "json"):
                    counted: list[int] = []
                    pieces = list(export_set.export_chunks(store, fmt, namer, query, counted))
                    assert "".join(pieces) == _release_export_text(store, fmt, namer, query)
                    if fmt == "md":  # line-wise clean_block per piece == on the whole
                        assert all(piece.endswith("\n") for piece in pieces)
                    if query is None or not query.is_filtered:
                        assert counted == [len(items)]
        finally:
            export_set.BATCH = old


def _v5(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "v5_journal.sqlite3", data / "journal.sqlite3")
    return data


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--format", "md"], "v5_export.md"),
        (["--format", "md", "--status", "concept"], "v5_export_drafts.md"),
        (["--format", "json", "--status", "concept"], "v5_export_drafts.json"),
    ],
)
def test_cli_export_is_byte_identical_to_the_release(
    tmp_path: Path, options: list[str], expected: str
) -> None:
    data = _v5(tmp_path)
    command = [sys.executable, "-m", "reflect_tui", "--data-dir", str(data), "export", *options]
    target = tmp_path / "out"
    to_file = subprocess.run([*command, "-o", str(target)], capture_output=True, check=True)
    assert target.read_bytes() == (FIXTURES / expected).read_bytes()
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert "reflecties geëxporteerd".encode() in to_file.stderr
    to_pipe = subprocess.run(command, capture_output=True, check=True)
    assert to_pipe.stdout == (FIXTURES / expected).read_bytes()


def test_markdown_export_memory_does_not_hold_the_whole_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reflections are read a page at a time and each page is written before the next is read."""
    loaded: list[int] = []
    load = records.load_reflections

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = load(*args, **kwargs)
        loaded.append(len(found))
        return found

    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection(f"id-{n:03d}") for n in range(7)])
        monkeypatch.setattr(export_set, "BATCH", 3)
        monkeypatch.setattr(records, "load_reflections", counting)
        pieces = export_set.export_chunks(store, "md", None, JournalQuery(status="complete"))
        title = next(pieces)
        assert title == "# Reflectiedagboek\n\n" and loaded == []
        first = next(pieces)
        assert first.count("\n---\n") == 3 and loaded == [3]  # the rest is not read yet
        rest = list(pieces)
    assert loaded == [3, 3, 1]
    assert [piece.count("\n---\n") for piece in rest[:2]] == [3, 1]
    assert sum(piece.count("<!-- reflect-id:") for piece in rest[2:]) == 7


def test_a_markdown_export_reads_each_page_once(tmp_path: Path) -> None:
    """The id markers at the end come from the pages already read, not from a second query."""
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection(f"id-{n:03d}") for n in range(5)])
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        old, export_set.BATCH = export_set.BATCH, 2
        try:
            text = export_set.export_text(store, "md", None, JournalQuery(status="complete")).text
        finally:
            export_set.BATCH = old
            store._conn.set_trace_callback(None)
    assert marked_ids(text) == {f"id-{n:03d}" for n in range(5)}
    by_seq = [s for s in statements if "FROM reflections WHERE seq IN" in s]
    assert len(by_seq) == 3  # one read per page of two: the marker lines cost no query


def test_a_failed_export_leaves_the_previous_file(tmp_path: Path) -> None:
    """A failure after the first page: no half file, the earlier export intact, store usable."""
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection(f"id-{n:03d}") for n in range(5)])
        target = tmp_path / "dagboek.md"
        assert export_set.write_export(target, store, "md") == 5
        before = target.read_bytes()
        assert marked_ids(before.decode()) == {f"id-{n:03d}" for n in range(5)}
        calls = 0

        def failing(collection: str, item_id: str) -> str:
            nonlocal calls
            calls += 1
            if calls > 3:
                raise ReflectError("kapot")
            return item_id

        old, export_set.BATCH = export_set.BATCH, 1
        try:
            with pytest.raises(ReflectError):
                export_set.write_export(target, store, "md", failing)
        finally:
            export_set.BATCH = old
        assert calls > 3  # it failed after writing a part
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if "dagboek" in p.name) == ["dagboek.md"]
        assert store.count() == 5  # the read snapshot ended: the store is usable
        store.delete("id-000")
        assert store.count() == 4


def test_export_to_a_file_is_private(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection("id-1", status="draft")])
        target = tmp_path / "drafts.md"
        n = export_set.write_export(target, store, "md", None, JournalQuery(status="draft"))
    assert n == 1
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert marked_ids(target.read_text(encoding="utf-8")) == {"id-1"}


def test_an_encrypted_journal_exports_the_same_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paged reading through the encrypted connection gives the plain journal's export."""
    pytest.importorskip("sqlcipher3")
    import io

    from reflect_tui.cli.main import main
    from reflect_tui.core.journal import keyfile, keys

    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", 1)
    monkeypatch.setattr(keyfile, "DEFAULT_ITERATIONS", 1)
    monkeypatch.setattr(export_set, "BATCH", 2)
    with open_store(home) as store:
        store.import_reflections(
            [
                sample_reflection(f"id-{n}", status="draft" if n % 2 else "complete")
                for n in range(5)
            ]
        )

    def export(stdin: str, *options: str) -> bytes:
        target = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        keys.forget()
        assert main(["export", "--format", "md", *options, "-o", str(target)]) == 0
        capsys.readouterr()
        return target.read_bytes()

    try:
        plain = [export(""), export("", "--status", "concept")]
        monkeypatch.setattr(sys, "stdin", io.StringIO("een\neen\n"))
        keys.forget()
        assert main(["encrypt"]) == 0
        assert [export("een\n"), export("een\n", "--status", "concept")] == plain
    finally:
        keys.forget()
        keys.set_passphrase_source(None)
    assert len(marked_ids(plain[1].decode())) == 2
