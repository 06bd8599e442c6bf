"""The JSON export written straight from database rows.

Why a second path next to ``interchange.dump_journal``: building 10,000
``Reflection`` objects and then dicts only to encode them again costs most
of the export time. Here each value is encoded once with the C string
encoder and the stored JSON id lists are spliced in as they are. The
output is byte-for-byte what ``dump_journal(store.all())`` gives (a test
holds both paths to that), so the format has one definition: interchange.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from json.encoder import encode_basestring  # C version when available
from typing import Any

from reflect_tui.core.journal.interchange import FORMAT_NAME, FORMAT_VERSION


def _q(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _ts(stored: str) -> str:
    """Fixed-width DB timestamp -> ``datetime.isoformat()`` form (drops ``.000000``)."""
    if stored[19:26] == ".000000":
        stored = stored[:19] + stored[26:]
    return encode_basestring(stored)


BATCH = 500  # reflections per round of child queries: memory stays flat, queries stay few


def journal_json(conn: sqlite3.Connection) -> str:
    """The whole interchange document as one string (small journals, tests)."""
    return "".join(journal_chunks(conn))


def journal_chunks(conn: sqlite3.Connection, counted: list[int] | None = None) -> Iterator[str]:
    """The interchange document (oldest first, one reflection per line) in pieces.

    Why pieces: a journal of 50,000 reflections is a few hundred megabytes of
    JSON; written piece by piece, memory holds one batch of ``BATCH``
    reflections whatever the journal's size. Children are read with one query
    per table per batch (``IN (...)``), so there are a few hundred queries,
    not one per reflection. Call inside a read transaction for one consistent
    snapshot. ``counted``, if given, gets the number of reflections appended.
    """
    head = f'{{\n  "format": "{FORMAT_NAME}",\n  "version": {FORMAT_VERSION},\n  "reflections": ['
    rows = conn.execute(
        "SELECT id, title, case_kind, occurred_on, created_at, updated_at, status, practices,"
        " barriers, helps, insight, tags, notes, who, what_happened, barrier_note, help_note,"
        " involve, content_version FROM reflections ORDER BY occurred_on, created_at, id"
    )
    total = 0
    separator = "\n    "
    while True:
        batch = rows.fetchmany(BATCH)
        if not batch:
            break
        yield (head if total == 0 else "") + separator + ",\n    ".join(_lines(conn, batch))
        separator = ",\n    "
        total += len(batch)
    if counted is not None:
        counted.append(total)
    yield f"{head}]\n}}\n" if total == 0 else "\n  ]\n}\n"


def _lines(conn: sqlite3.Connection, batch: list[Any]) -> list[str]:
    q = _q
    ids = [row[0] for row in batch]
    marks = ", ".join("?" * len(ids))
    answers: dict[str, list[str]] = {}
    for rid, practice, step, prompt, text, prompt_id in conn.execute(
        "SELECT reflection_id, practice, step, prompt, text, prompt_id FROM answers"
        f" WHERE reflection_id IN ({marks}) ORDER BY reflection_id, position",
        ids,
    ):
        extra = "" if prompt_id is None else f', "prompt_id": {q(prompt_id)}'
        answers.setdefault(rid, []).append(
            f'{{"practice": {q(practice)}, "step": {q(step)}, "prompt": {q(prompt)},'
            f' "text": {q(text)}{extra}}}'
        )
    principles: dict[str, list[str]] = {}
    for rid, pid, rating, note in conn.execute(
        "SELECT reflection_id, principle, rating, note FROM principle_ratings"
        f" WHERE reflection_id IN ({marks}) ORDER BY reflection_id, position",
        ids,
    ):
        score = "null" if rating is None else str(int(rating))
        principles.setdefault(rid, []).append(
            f'{{"id": {q(pid)}, "rating": {score}, "note": {q(note)}}}'
        )
    steps: dict[str, list[str]] = {}
    for rid, text, due, done in conn.execute(
        "SELECT reflection_id, text, due, done FROM next_steps"
        f" WHERE reflection_id IN ({marks}) ORDER BY reflection_id, position",
        ids,
    ):
        flag = "true" if done else "false"
        steps.setdefault(rid, []).append(f'{{"text": {q(text)}, "due": {q(due)}, "done": {flag}}}')
    lines: list[str] = []
    for row in batch:
        rid = row[0]
        lines.append(
            f'{{"id": {q(rid)}, "title": {q(row[1])}, "case_kind": {q(row[2])},'
            f' "occurred_on": {q(row[3])}, "created_at": {_ts(row[4])},'
            f' "updated_at": {_ts(row[5])}, "status": {q(row[6])},'
            f' "practices": {row[7]}, "answers": [{", ".join(answers.get(rid, ()))}],'
            f' "principles": [{", ".join(principles.get(rid, ()))}],'
            f' "barriers": {row[8]}, "helps": {row[9]}, "insight": {q(row[10])},'
            f' "next_steps": [{", ".join(steps.get(rid, ()))}], "tags": {row[11]},'
            f' "notes": {q(row[12])}, "who": {q(row[13])}, "what_happened": {q(row[14])},'
            f' "barrier_note": {q(row[15])}, "help_note": {q(row[16])},'
            f' "involve": {q(row[17])}, "content_version": {q(row[18])}}}'
        )
    return lines
