"""The text of an export: the whole journal or a filtered set, as JSON or Markdown.

Why one function: ``reflect export`` and the journal screen's export must
write the same document for the same reflections, so both call
``write_export``: the export as UTF-8 bytes, atomically to a file (0600) or
to a stream (stdout); only where the bytes go differs (a file named by the
user, stdout, or the app's export folder). ``export_chunks`` gives the same
document as text, for what shows it on a terminal.
Markdown exports carry the full-id marker lines of ``exports.id_marker`` so
``delete`` finds the copy later.

Why pieces: a journal of 50,000 reflections is hundreds of megabytes of
text. The export is produced a page of ``BATCH`` reflections at a time, from
one read snapshot of the store, and written as it comes, so memory holds one
page whatever the journal's size (plus the integer keys of the selection and,
for Markdown, its id marker lines, kept from the pages for the end).
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator

# No ``typing`` at run time: ``reflect export`` is a scripted command
# (DEVELOPERS.md, "The scripted commands' start-up").
TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
    from typing import NamedTuple, TextIO

    from reflect_tui.core.journal.markdown import Namer
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.query import JournalQuery
    from reflect_tui.core.journal.store import JournalStore
else:
    from reflect_tui.core.lean_typing import NamedTuple

FORMATS: tuple[str, ...] = ("json", "md")
BATCH = 500  # reflections per page: memory stays flat, queries stay few

_CASE_ORDER = "ORDER BY occurred_on, created_at, id"  # the id makes the order total
_SEQS_WHERE = "WHERE seq IN (SELECT value FROM json_each(?))"
_IDS_WHERE = "WHERE id IN (SELECT value FROM json_each(?))"


class ExportText(NamedTuple):
    """An export document and how many reflections it holds."""

    text: str
    reflections: int


def export_text(
    store: JournalStore,
    fmt: str,
    namer: Namer | None = None,
    query: JournalQuery | None = None,
) -> ExportText:
    """The whole export as one string (small exports, tests): ``export_chunks`` joined."""
    counted: list[int] = []
    text = "".join(export_chunks(store, fmt, namer, query, counted))
    return ExportText(text, sum(counted))


def write_export(
    target: Path | TextIO,
    store: JournalStore,
    fmt: str,
    namer: Namer | None = None,
    query: JournalQuery | None = None,
) -> int:
    """Write the export as UTF-8 bytes to ``target``; the number of reflections in it.

    A path is written atomically (0600): a failure half-way (full disk,
    unreadable journal) leaves no half file and any previous file as it was
    (``paths.write_private_chunks``); an ``OSError`` is the caller's to word.
    A stream (stdout, a file or pipe) gets the bytes as they come, written
    fully or a ``ReflectError`` (``output.write_utf8_chunks_fully``).
    """
    counted: list[int] = []
    chunks = export_bytes(store, fmt, namer, query, counted)
    try:
        if isinstance(target, os.PathLike):
            from reflect_tui.core.paths import write_private_chunks

            write_private_chunks(target, chunks)
        else:
            from reflect_tui.core.output import write_utf8_chunks_fully

            write_utf8_chunks_fully(target, chunks)
    finally:
        chunks.close()  # ends the read snapshot and frees the store, even on error
    return sum(counted)


def export_bytes(
    store: JournalStore,
    fmt: str,
    namer: Namer | None = None,
    query: JournalQuery | None = None,
    counted: list[int] | None = None,
) -> Generator[bytes, None, None]:
    """``export_chunks`` in UTF-8: the JSON straight from SQLite, never decoded."""
    if fmt != "json":
        return _encoded(export_chunks(store, fmt, namer, query, counted))
    return store.export_json_bytes(counted, _selected_ids(store, query))


def _encoded(chunks: Generator[str, None, None]) -> Generator[bytes, None, None]:
    try:
        for chunk in chunks:
            yield chunk.encode("utf-8")
    finally:
        chunks.close()


def export_chunks(
    store: JournalStore,
    fmt: str,
    namer: Namer | None = None,
    query: JournalQuery | None = None,
    counted: list[int] | None = None,
) -> Generator[str, None, None]:
    """The export of the reflections ``query`` selects (all when it filters nothing), in pieces.

    ``fmt`` is ``json`` (the interchange format, ``reflect import`` reads it)
    or ``md`` (for reading and sharing). Reflections are in case order,
    oldest first, whatever the query's sort. Every piece ends with a line
    break. ``counted``, if given, gets the number of reflections once the
    last piece is out. The store stays locked until the generator ends or
    is closed: close it when stopping early.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    ids = _selected_ids(store, query)
    if fmt == "json":
        return store.export_json_chunks(counted, ids)  # straight from the rows
    return _markdown_chunks(store, namer, ids, counted)


def _selected_ids(store: JournalStore, query: JournalQuery | None) -> list[str] | None:
    """The ids ``query`` selects; None for the whole journal (no query module imported)."""
    if query is None or not query.is_filtered:
        return None
    from reflect_tui.core.journal.query import matching_ids

    return matching_ids(store, query)


def _markdown_chunks(
    store: JournalStore, namer: Namer | None, ids: list[str] | None, counted: list[int] | None
) -> Generator[str, None, None]:
    """``render_journal`` followed by ``exports.with_markers``, a page at a time."""
    from reflect_tui.core.journal.markdown import JOURNAL_TITLE, journal_pieces

    with store.read_snapshot() as conn:
        seqs = _ordered_seqs(conn, ids)
        if not seqs:
            yield JOURNAL_TITLE  # an empty export has neither rule nor markers
        else:
            markers: list[str] = []  # a page's marker lines, from the page just read
            pages = (_marked(_page(conn, part), markers) for part in _parts(seqs))
            yield from journal_pieces(pages, namer)
            yield from markers  # after the text, in the same order
    if counted is not None:
        counted.append(len(seqs))


def _marked(page: list[Reflection], markers: list[str]) -> list[Reflection]:
    """``page`` as it is; its id marker lines kept for the export's end (no second read)."""
    from reflect_tui.core.journal.exports import id_marker

    markers.append("".join(f"{id_marker(r.id)}\n" for r in page))
    return page


def _ordered_seqs(conn: sqlite3.Connection, ids: list[str] | None) -> list[int]:
    """The integer keys of the selection in case order (a few bytes a reflection)."""
    where, params = ("", ()) if ids is None else (_IDS_WHERE, (_json(ids),))
    rows = conn.execute(f"SELECT seq FROM reflections {where} {_CASE_ORDER}", params)
    return [int(row[0]) for row in rows]


def _parts(seqs: list[int]) -> Iterator[list[int]]:
    size = max(1, BATCH)
    for start in range(0, len(seqs), size):
        yield seqs[start : start + size]


def _page(conn: sqlite3.Connection, seqs: list[int]) -> list[Reflection]:
    from reflect_tui.core.journal.records import load_reflections

    return load_reflections(conn, f"{_SEQS_WHERE} {_CASE_ORDER}", (_json(seqs),))


def _json(values: list[int] | list[str]) -> str:
    import json

    return json.dumps(values)
