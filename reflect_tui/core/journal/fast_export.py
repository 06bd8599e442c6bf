"""The JSON export written by SQLite straight from the stored rows.

Why a second path next to ``interchange.dump_journal``: building 10,000
``Reflection`` objects and then dicts only to encode them again costs most
of the export time. Both paths are built from the one field table
(``fields``, read here through its copy ``field_table``, which needs no
model import; each kind's ``json_sql`` sits beside its ``to_json``), and a
test holds the output to be byte-for-byte what ``dump_journal(store.all())``
gives.

Why SQL builds the text: handing every value of every row to Python (one
row per answer, step and rating, each column fetched, decoded, escaped
again and joined) was two thirds of a ``reflect export`` at 1,000
reflections, much of it the sqlite3 module's per-row and per-column
locking. Here one query gives one finished line per reflection: each value
goes through ``json_quote`` (which escapes as Python's encoder does, see
``kinds.Kind.json_sql``), the children are ordered subqueries joined with
``group_concat``, and ``printf`` puts each object together in one pass.
The query is generated once, at import, from the field table. The lines
come as UTF-8 bytes (``journal_bytes``): to a file or a pipe they are
written as they are, without being decoded into text and encoded again
(a tenth of the export at 1,000 reflections).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from reflect_tui.core.journal.field_table import (
    FORMAT_NAME,
    FORMAT_VERSION,
    REFLECTION,
    ChildTable,
    Field,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BATCH = 500  # reflections per piece: memory holds one piece whatever the journal's size


def _object_sql(fields: tuple[Field | ChildTable, ...], alias: str) -> str:
    """SQL giving one record's JSON object text (``{"name": value, ...}``) from ``alias``.

    Keys are separated by ``, `` and follow ``: ``, as the interchange encoder
    writes them; a field with ``omit_none`` is left out when NULL, a child list
    with ``omit_empty`` when it has no rows.
    """
    template: list[str] = []
    values: list[str] = []
    for f in fields:
        if "%" in f.name or "'" in f.name or '"' in f.name:
            raise ValueError(f"field name {f.name!r} cannot go into the SQL template")
        key = f'{", " if template else ""}"{f.name}": '
        if isinstance(f, ChildTable):
            items = (
                f"(SELECT group_concat(item, ', ') FROM (SELECT {_object_sql(f.fields, 'c')}"
                f" AS item FROM {f.table} c WHERE c.reflection_seq = {alias}.seq"
                " ORDER BY c.position))"
            )
            if f.omit_empty:  # NULL (no rows) makes the whole piece NULL: left out
                template.append("%s")
                values.append(f"coalesce('{key}[' || {items} || ']', '')")
            else:
                template.append(key + "[%s]")
                values.append(f"coalesce({items}, '')")
        elif f.omit_none:
            column = f"{alias}.{f.column}"
            template.append("%s")
            values.append(
                f"CASE WHEN {column} IS NULL THEN '' ELSE '{key}' || {f.kind.json_sql(column)} END"
            )
        else:
            template.append(key + "%s")
            values.append(f.kind.json_sql(f"{alias}.{f.column}"))
    return f"printf('{{{''.join(template)}}}', {', '.join(values)})"


# CAST AS BLOB: the same bytes, handed to Python as ``bytes`` (no decoding).
_LINE_SQL = f"SELECT CAST({_object_sql(REFLECTION, 'r')} AS BLOB) FROM reflections r"


def journal_bytes(
    conn: sqlite3.Connection,
    counted: list[int] | None = None,
    where: str = "",
    params: tuple[Any, ...] = (),
) -> Iterator[bytes]:
    """The interchange document (oldest first, one reflection per line) in UTF-8 pieces.

    Why pieces: a journal of 50,000 reflections is a few hundred megabytes of
    JSON; written piece by piece, memory holds one batch of ``BATCH``
    reflections whatever the journal's size. Call inside a read transaction
    for one consistent snapshot. ``counted``, if given, gets the number of
    reflections appended. ``where`` (with ``params``) narrows the rows: a
    filtered export.
    """
    head = f'{{\n  "format": "{FORMAT_NAME}",\n  "version": {FORMAT_VERSION},\n  "reflections": ['
    start = head.encode("utf-8")
    rows = conn.execute(f"{_LINE_SQL} {where} ORDER BY r.occurred_on, r.created_at, r.id", params)
    total = 0
    separator = b"\n    "
    while True:
        batch = rows.fetchmany(BATCH)
        if not batch:
            break
        lines = b",\n    ".join([row[0] for row in batch])
        yield (start if total == 0 else b"") + separator + lines
        separator = b",\n    "
        total += len(batch)
    if counted is not None:
        counted.append(total)
    yield start + b"]\n}\n" if total == 0 else b"\n  ]\n}\n"
