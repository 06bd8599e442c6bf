"""Reading an interchange document as a stream: the header checked, each reflection in turn.

Why apart from ``interchange``: the import's helper process (``import_helper``)
reads the file with this module and ``import_rows`` only. ``interchange`` holds
the full decoder, which builds the model's objects; importing it (the model's
dataclasses, with ``inspect``, ``ast`` and ``tokenize``) was ~15 ms of the
helper's start at every import, before its first batch could reach the writer,
for a decoder that runs only on a reflection the fast path doubts (it is
imported then). ``interchange`` re-exports ``iter_journal_batches`` and reads
through ``walk`` too, so both paths check and word everything alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import values
from reflect_tui.core.journal.field_table import FORMAT_NAME, FORMAT_VERSION
from reflect_tui.core.journal.kinds import Problem as _Problem

if TYPE_CHECKING:
    from reflect_tui.core.journal.import_batch import Batch

_Item = TypeVar("_Item")

TOO_DEEP = "de JSON is te diep genest (lijsten of objecten in elkaar)"


def iter_journal_batches(
    stream: TextIO, source: str = "invoer", size: int = 250
) -> Iterator[Batch]:
    """``iter_journal_rows``, yielding up to ``size`` reflections at a time as a ``Batch``.

    The import helper's path (``import_helper``): the rows go straight into
    the lists the writer hands to SQLite. The last batch (possibly empty)
    carries the ratings' sums of the whole file. The first batches are
    small (a sixteenth of ``size``, doubling): the writer in the other
    process waits for the first one, and a big first batch kept it idle for
    a quarter of a 1,000-reflection import.
    """
    from reflect_tui.core.journal.import_rows import BatchBuilder

    builder = BatchBuilder()
    add = builder.add

    def decode(value: Any, index: int, again: Callable[[], Any]) -> str:
        rid = add(value, index)
        if rid is None:  # a doubt: the full decoder names the flaw or builds the reflection
            from reflect_tui.core.journal.import_rows import from_reflection
            from reflect_tui.core.journal.interchange import reflection_from_dict

            prepared = from_reflection(reflection_from_dict(again(), f"reflections[{index}]"))
            builder.add_prepared(prepared, index)
            rid = prepared.id
        return rid

    limit = max(1, size // 16)
    for _rid in walk(stream, source, decode, _same):
        if len(builder) >= limit:
            yield builder.take(last=False)
            limit = min(size, limit * 2)
    yield builder.take(last=True)


def _same(rid: str) -> str:
    return rid


def walk(
    stream: TextIO,
    source: str,
    decode: Callable[[Any, int, Callable[[], Any]], _Item],
    ident: Callable[[_Item], str],
) -> Iterator[_Item]:
    """The document's members checked, each element of ``reflections`` decoded in turn."""
    from reflect_tui.core.journal.json_stream import (
        ARRAY,
        ELEMENT,
        MEMBER,
        JsonSyntaxError,
        TooDeep,
        events,
    )

    careful = json.JSONDecoder(parse_int=values.parse_int, parse_float=values.parse_float)
    walker = events(stream, "reflections", careful, json.JSONDecoder())
    again = walker.again

    seen: dict[str, int] = {}
    header: dict[str, Any] = {}
    found = False
    try:
        try:
            for kind, key, value in walker:
                if kind == MEMBER:
                    if key in ("format", "version"):
                        header[key] = value
                        check_header(header, final=False)
                    continue
                found = True
                if kind == ARRAY:
                    continue
                if kind != ELEMENT:
                    raise _Problem("reflections", "moet een lijst zijn")
                item = decode(value, key, again)
                rid = ident(item)
                if rid in seen:
                    raise _Problem(
                        f"reflections[{key}].id",
                        f"komt al voor in reflections[{seen[rid]}]",
                    )
                seen[rid] = key
                yield item
        except TypeError:
            raise _Problem(
                "(document)", "verwacht een JSON-object met 'format' en 'reflections'"
            ) from None
        check_header(header, final=True)
        if not found:
            raise _Problem("reflections", "moet een lijst zijn")
    except JsonSyntaxError as exc:
        raise ReflectError(
            f"{source}: geen geldige JSON (regel {exc.line}, kolom {exc.col}): {exc.message};"
            " er is niets geïmporteerd."
        ) from None
    except TooDeep:
        raise ReflectError(f"{source}: {TOO_DEEP}; er is niets geïmporteerd.") from None
    except UnicodeDecodeError as exc:
        raise ReflectError(
            f"{source}: geen UTF-8-tekst ({exc.reason}); er is niets geïmporteerd."
        ) from None
    except _Problem as problem:
        raise ReflectError(f"{source}: {problem}; er is niets geïmporteerd.") from None


def check_header(header: Mapping[str, Any], final: bool) -> None:
    """The document's ``format`` and ``version`` (once the whole header is read: ``final``).

    The one check of both, for this streamed reader and for
    ``interchange.journal_from_dict``.
    """
    if ("format" in header or final) and header.get("format") != FORMAT_NAME:
        raise _Problem("format", f"moet {FORMAT_NAME!r} zijn, niet {header.get('format')!r}")
    if "version" in header or final:
        try:  # a whole number: ``true`` and ``1.0`` equal 1 in Python, not in the format
            version = values.format_version(header.get("version"))
        except values.BadValue as bad:
            raise _Problem("version", bad.message) from None
        if version != FORMAT_VERSION:
            hint = " (nieuwer dan deze versie van reflect)" if version > FORMAT_VERSION else ""
            raise _Problem("version", f"versie {version!r} wordt niet ondersteund{hint}")
