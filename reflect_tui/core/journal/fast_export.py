"""The JSON export written straight from database rows.

Why a second path next to ``interchange.dump_journal``: building 10,000
``Reflection`` objects and then dicts only to encode them again costs most
of the export time. Here each value is encoded once with the C string
encoder and the stored JSON id lists are spliced in as they are. Both
paths are built from the one field table (``fields``, read here through
its copy ``field_table``, which needs no model import; each kind's
``fast_json`` sits beside its ``to_json``), and a test holds the output to
be byte-for-byte what ``dump_journal(store.all())`` gives.

Why generated code: walking the field table for every value of every row
made the export 1.5x slower than the hand-written version it replaced. So
the table is turned once, at import, into one expression per record type,
which runs as fast as hand-written code and still follows the table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from reflect_tui.core.journal.codec import json_string  # the C one, as Kind.fast_json uses
from reflect_tui.core.journal.field_table import (
    CHILDREN,
    FORMAT_NAME,
    FORMAT_VERSION,
    REFLECTION,
    SCALARS,
    ChildTable,
    Field,
)
from reflect_tui.core.journal.kinds import TEXT_LIST, Kind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

RowEncoder = Callable[..., str]
BATCH = 500  # reflections per round of child queries: memory stays flat, queries stay few


def _value_source(f: Field, index: int, env: dict[str, Any]) -> str:
    """Source of an expression giving the JSON text of ``row[index]``."""
    if f.kind is TEXT_LIST:
        return f'(row[{index}] or "[]")'  # the stored JSON array, spliced as it is
    if type(f.kind).fast_json is Kind.fast_json:
        # Plain text, the most common value: Kind.fast_json written inline
        # (a Python call per value was a fifth of the export's encoding time).
        env["ebs"] = json_string  # the one Kind.fast_json calls
        return f'("null" if row[{index}] is None else ebs(row[{index}]))'
    name = f"enc_{len(env)}"
    env[name] = f.kind.fast_json
    return f"{name}(row[{index}])"


def _compile(source: str, env: dict[str, Any]) -> RowEncoder:
    # Source built from our own table. ``exec`` of the text, not of ``compile()``'s
    # code: the compile() builtin's first call in a process sets up every AST node
    # type (~9 M instructions, a few ms of each export).
    exec(source, env)
    encode: RowEncoder = env["encode"]
    return encode


def _child_encoder(child: ChildTable) -> RowEncoder:
    """``encode(row)`` for a row ``(reflection_seq, *columns)`` of a child table."""
    env: dict[str, Any] = {}
    parts: list[str] = []
    for i, f in enumerate(child.fields, start=1):
        key = f'{", " if i > 1 else ""}"{f.name}": '
        value = _value_source(f, i, env)
        if f.omit_none:
            parts.append(f'({key!r} + {value} if row[{i}] is not None else "")')
        else:
            parts.extend((repr(key), value))
    return _compile(f"def encode(row):\n    return {_joined(parts)}\n", env)


def _joined(parts: list[str]) -> str:
    """Source joining ``parts`` inside braces in one go (``a + b + ...`` copies each prefix)."""
    return "''.join(('{', " + ", ".join(parts) + ", '}'))"


def _reflection_encoder() -> RowEncoder:
    """``encode(row, rid, kids)`` for a ``reflections`` row in ``SCALARS`` column order."""
    env: dict[str, Any] = {}
    position = {f.name: i for i, f in enumerate(SCALARS)}
    parts: list[str] = []
    for f in REFLECTION:
        key = f'{", " if parts else ""}"{f.name}": '
        if isinstance(f, ChildTable):
            items = f"', '.join(kids[{f.name!r}].get(rid, ()))"
            piece = f"{key + '['!r} + {items} + ']'"
            if f.omit_empty:
                piece = f"({piece} if rid in kids[{f.name!r}] else '')"
            parts.append(piece)
        else:
            parts.extend((repr(key), _value_source(f, position[f.name], env)))
    return _compile(f"def encode(row, rid, kids):\n    return {_joined(parts)}\n", env)


_CHILD_ENCODERS = {child.name: _child_encoder(child) for child in CHILDREN}
_ENCODE = _reflection_encoder()
_COLUMNS = ", ".join(f.column for f in SCALARS)
_SEQ_AT = len(SCALARS)  # ``seq`` is selected after the scalar columns


def journal_json(conn: sqlite3.Connection) -> str:
    """The whole interchange document as one string (small journals, tests)."""
    return "".join(journal_chunks(conn))


def journal_chunks(
    conn: sqlite3.Connection,
    counted: list[int] | None = None,
    where: str = "",
    params: tuple[Any, ...] = (),
) -> Iterator[str]:
    """The interchange document (oldest first, one reflection per line) in pieces.

    Why pieces: a journal of 50,000 reflections is a few hundred megabytes of
    JSON; written piece by piece, memory holds one batch of ``BATCH``
    reflections whatever the journal's size. Children are read with one query
    per table per batch (``IN (...)``), so there are a few hundred queries,
    not one per reflection. Call inside a read transaction for one consistent
    snapshot. ``counted``, if given, gets the number of reflections appended.
    ``where`` (with ``params``) narrows the rows: a filtered export.
    """
    head = f'{{\n  "format": "{FORMAT_NAME}",\n  "version": {FORMAT_VERSION},\n  "reflections": ['
    rows = conn.execute(
        f"SELECT {_COLUMNS}, seq FROM reflections {where} ORDER BY occurred_on, created_at, id",
        params,
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
    seq_at = _SEQ_AT
    seqs = [row[seq_at] for row in batch]
    marks = ", ".join("?" * len(seqs))
    kids: dict[str, dict[int, list[str]]] = {}
    for child in CHILDREN:
        encode_child = _CHILD_ENCODERS[child.name]
        columns = ", ".join(f.column for f in child.fields)
        found: dict[int, list[str]] = {}
        for row in conn.execute(
            f"SELECT reflection_seq, {columns} FROM {child.table}"
            f" WHERE reflection_seq IN ({marks}) ORDER BY reflection_seq, position",
            seqs,
        ):
            found.setdefault(row[0], []).append(encode_child(row))
        kids[child.name] = found
    encode = _ENCODE
    return [encode(row, row[seq_at], kids) for row in batch]
