"""The JSON interchange format ("reflect-journal", version 1), both directions.

Why a strict, documented format (see docs/journal-format.md): users must
be able to take all their data out, read it with any tool and bring it
back. Import validates everything before the store writes anything, and
every problem names its exact place (``reflections[3].answers[0].step``)
so a hand-edited file can be fixed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import values
from reflect_tui.core.journal.field_table import FORMAT_NAME, FORMAT_VERSION
from reflect_tui.core.journal.fields import REFLECTION, Children, Field
from reflect_tui.core.journal.interchange_read import TOO_DEEP as TOO_DEEP
from reflect_tui.core.journal.interchange_read import check_header, walk
from reflect_tui.core.journal.interchange_read import (
    iter_journal_batches as iter_journal_batches,  # the import helper's reader, re-exported
)
from reflect_tui.core.journal.kinds import Problem as _Problem
from reflect_tui.core.journal.kinds import a_list
from reflect_tui.core.journal.kinds import kind_name as _kind
from reflect_tui.core.journal.model import Reflection

if TYPE_CHECKING:
    from reflect_tui.core.journal.import_rows import Prepared


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_KNOWN = frozenset(f.name for f in REFLECTION)


def _record_to_dict(item: Any, fields: Sequence[Field]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields:
        value = getattr(item, f.name)
        if value is None and f.omit_none:
            continue
        out[f.name] = f.kind.to_json(value)
    return out


def reflection_to_dict(r: Reflection) -> dict[str, Any]:
    """One reflection as a JSON-ready object, keys in documented order (the field table's)."""
    out: dict[str, Any] = {}
    for f in REFLECTION:
        value = getattr(r, f.name)
        if isinstance(f, Children):
            if f.omit_empty and not value:
                continue
            out[f.name] = [_record_to_dict(item, f.fields) for item in value]
        else:
            out[f.name] = f.kind.to_json(value)
    return out


def journal_to_dict(reflections: Iterable[Reflection]) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "reflections": [reflection_to_dict(r) for r in reflections],
    }


def dumps(data: Any) -> str:
    """Indented JSON text (for one reflection or a short list), terminal-safe.

    ``json`` already escapes C0 controls; DEL, C1 controls and bidi
    overrides are escaped here too, so printing the output to a terminal
    can never drive it. The result is still standard JSON and loads back equal.
    """
    return escape_unsafe(json.dumps(data, ensure_ascii=False, indent=2))


def dump_journal(reflections: Iterable[Reflection], terminal_safe: bool = False) -> str:
    """The whole interchange document, one reflection per line.

    One line per reflection keeps the file diff- and grep-friendly and lets
    ``json`` use its C encoder (indentation forces the slow pure-Python one),
    which matters for a journal of thousands of reflections. Pass
    ``terminal_safe`` when the text goes to a terminal (see ``escape_unsafe``).
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = [encode(reflection_to_dict(r)) for r in reflections]
    body = ",\n    ".join(lines)
    head = f'{{\n  "format": "{FORMAT_NAME}",\n  "version": {FORMAT_VERSION},\n  "reflections": ['
    text = f"{head}\n    {body}\n  ]\n}}\n" if lines else f"{head}]\n}}\n"
    return escape_unsafe(text) if terminal_safe else text


# What JSON leaves raw but a terminal must not get raw (see ``core/safe_text``).
_UNSAFE_RE = re.compile(
    "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]"
)


def escape_unsafe(text: str) -> str:
    """Replace terminal-unsafe characters by JSON ``\\uXXXX`` escapes (JSON stays valid)."""
    if _UNSAFE_RE.search(text) is None:
        return text
    return _UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- import and validation -------------------------------------------------------------


def parse_journal(text: str, source: str = "invoer") -> list[Reflection]:
    """Parse and fully validate an interchange document; raise ``ReflectError`` on any flaw."""
    try:
        data = json.loads(text, parse_int=values.parse_int, parse_float=values.parse_float)
    except json.JSONDecodeError as exc:
        raise ReflectError(
            f"{source}: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}"
        ) from None
    except RecursionError:
        raise ReflectError(f"{source}: {TOO_DEEP}; er is niets geïmporteerd.") from None
    try:
        return journal_from_dict(data)
    except _Problem as problem:
        raise ReflectError(f"{source}: {problem}; er is niets geïmporteerd.") from None


def journal_from_dict(data: Any) -> list[Reflection]:
    if not isinstance(data, Mapping):
        raise _Problem("(document)", "verwacht een JSON-object met 'format' en 'reflections'")
    check_header(data, final=True)
    items = data.get("reflections")
    if not isinstance(items, list):
        raise _Problem("reflections", "moet een lijst zijn")
    seen: dict[str, int] = {}
    result: list[Reflection] = []
    for index, item in enumerate(items):
        where = f"reflections[{index}]"
        reflection = reflection_from_dict(item, where)
        if reflection.id in seen:
            raise _Problem(f"{where}.id", f"komt al voor in reflections[{seen[reflection.id]}]")
        seen[reflection.id] = index
        result.append(reflection)
    return result


def iter_journal(stream: TextIO, source: str = "invoer") -> Iterator[Reflection]:
    """Parse and validate an interchange document from ``stream``, one reflection at a time.

    The same rules and messages as ``parse_journal``, with flat memory (see
    ``json_stream``). A flaw anywhere raises ``ReflectError`` when it is
    reached, possibly after earlier reflections were yielded: the caller
    writes them inside one transaction and rolls it back, so a bad file
    still imports nothing (``JournalStore.import_stream``).
    """
    from reflect_tui.core.journal.fast_decode import fast_reflection

    def decode(value: Any, index: int, again: Callable[[], Any]) -> Reflection:
        # Nearly every reflection is well-formed: the generated fast path
        # checks it; the full decoder runs only to name what is wrong, on the
        # carefully decoded element (see ``json_stream``).
        return fast_reflection(value) or reflection_from_dict(again(), f"reflections[{index}]")

    return walk(stream, source, decode, _id_of)


def iter_journal_rows(stream: TextIO, source: str = "invoer") -> Iterator[Prepared]:
    """``iter_journal``, yielding each reflection as the rows the store writes.

    The bulk import's path (``import_rows``): the same checks and messages,
    without building model objects that the store would take apart again.
    """
    from reflect_tui.core.journal.import_rows import from_reflection, prepare

    def decode(value: Any, index: int, again: Callable[[], Any]) -> Prepared:
        return prepare(value) or from_reflection(
            reflection_from_dict(again(), f"reflections[{index}]")
        )

    return walk(stream, source, decode, _id_of)


def _id_of(item: _HasId) -> str:
    return item.id


def reflection_from_dict(item: Any, where: str) -> Reflection:
    obj = _mapping(item, where)
    unknown = sorted(set(obj) - _KNOWN)
    if unknown:
        raise _Problem(f"{where}.{unknown[0]}", "onbekend veld")
    for f in REFLECTION:
        if isinstance(f, Field) and f.required and f.name not in obj:
            raise _Problem(f"{where}.{f.name}", "ontbreekt")
    values: dict[str, Any] = {}
    for f in REFLECTION:
        at = f"{where}.{f.name}"
        if isinstance(f, Children):
            values[f.name] = [
                f.item(**_record_from_dict(child, f"{at}[{i}]", f.fields))
                for i, child in enumerate(_list(obj.get(f.name, []), at))
            ]
        else:
            values[f.name] = _value(obj, f, at)
    return Reflection(**values)


def _record_from_dict(item: Any, where: str, fields: Sequence[Field]) -> dict[str, Any]:
    obj = _mapping(item, where)
    _only(obj, where, [f.name for f in fields])
    for f in fields:
        if f.required and f.name not in obj:
            raise _Problem(f"{where}.{f.name}", "ontbreekt")
    return {f.name: _value(obj, f, f"{where}.{f.name}") for f in fields}


def _value(obj: Mapping[str, Any], f: Field, where: str) -> Any:
    """One checked value; a missing optional key gets the kind's default."""
    if f.name not in obj:
        return f.kind.default
    value = f.kind.from_json(obj[f.name], where)
    if f.nonempty and value == "":
        raise _Problem(where, "mag niet leeg zijn")
    return value


# --- small validators --------------------------------------------------------------------


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Problem(where, f"verwacht een object, niet {_kind(value)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    return a_list(value, where)


def _only(obj: Mapping[str, Any], where: str, allowed: Sequence[str]) -> None:
    for key in obj:
        if key not in allowed:
            raise _Problem(f"{where}.{key}", "onbekend veld")
