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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, TextIO

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import values
from reflect_tui.core.journal.model import (
    ID_LIST_FIELDS,
    STATUSES,
    TEXT_FIELDS,
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
)

FORMAT_NAME = "reflect-journal"
FORMAT_VERSION = 1

_TEXT_KEYS = TEXT_FIELDS
_LIST_KEYS = ID_LIST_FIELDS
_REQUIRED = ("id", "title", "occurred_on", "created_at", "updated_at", "status")
_KNOWN = frozenset(
    (
        *_REQUIRED,
        *_TEXT_KEYS,
        *_LIST_KEYS,
        "case_kind",
        "answers",
        "principles",
        "next_steps",
    )
)


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def reflection_to_dict(r: Reflection) -> dict[str, Any]:
    """One reflection as a JSON-ready object, keys in documented order."""
    return {
        "id": r.id,
        "title": r.title,
        "case_kind": r.case_kind,
        "occurred_on": r.occurred_on.isoformat(),
        "created_at": _timestamp(r.created_at),
        "updated_at": _timestamp(r.updated_at),
        "status": r.status,
        "practices": list(r.practices),
        "answers": [
            {
                "practice": a.practice,
                "step": a.step,
                "prompt": a.prompt,
                "text": a.text,
                **({"prompt_id": a.prompt_id} if a.prompt_id is not None else {}),
            }
            for a in r.answers
        ],
        "principles": [{"id": p.id, "rating": p.rating, "note": p.note} for p in r.principles],
        "barriers": list(r.barriers),
        "helps": list(r.helps),
        "insight": r.insight,
        "next_steps": [
            {"text": s.text, "due": s.due.isoformat() if s.due else None, "done": s.done}
            for s in r.next_steps
        ],
        "tags": list(r.tags),
        "notes": r.notes,
        "who": r.who,
        "what_happened": r.what_happened,
        "barrier_note": r.barrier_note,
        "help_note": r.help_note,
        "involve": r.involve,
        "content_version": r.content_version,
    }


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


class _Problem(Exception):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where


def parse_journal(text: str, source: str = "invoer") -> list[Reflection]:
    """Parse and fully validate an interchange document; raise ``ReflectError`` on any flaw."""
    try:
        data = json.loads(text, parse_int=values.parse_int, parse_float=values.parse_float)
    except json.JSONDecodeError as exc:
        raise ReflectError(
            f"{source}: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}"
        ) from None
    except RecursionError:
        raise ReflectError(
            f"{source}: de JSON is te diep genest (lijsten of objecten in elkaar); "
            "er is niets geïmporteerd."
        ) from None
    try:
        return journal_from_dict(data)
    except _Problem as problem:
        raise ReflectError(f"{source}: {problem}; er is niets geïmporteerd.") from None


def journal_from_dict(data: Any) -> list[Reflection]:
    if not isinstance(data, Mapping):
        raise _Problem("(document)", "verwacht een JSON-object met 'format' en 'reflections'")
    if data.get("format") != FORMAT_NAME:
        raise _Problem("format", f"moet {FORMAT_NAME!r} zijn, niet {data.get('format')!r}")
    try:
        version = values.format_version(data.get("version"))
    except values.BadValue as bad:
        raise _Problem("version", bad.message) from None
    if version != FORMAT_VERSION:
        hint = " (nieuwer dan deze versie van reflect)" if version > FORMAT_VERSION else ""
        raise _Problem("version", f"versie {version!r} wordt niet ondersteund{hint}")
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
    from reflect_tui.core.journal.json_stream import (
        ARRAY,
        ELEMENT,
        MEMBER,
        JsonSyntaxError,
        events,
    )

    seen: dict[str, int] = {}
    header: dict[str, Any] = {}
    found = False
    try:
        try:
            for kind, key, value in events(stream, "reflections"):
                if kind == MEMBER:
                    if key in ("format", "version"):
                        header[key] = value
                        _check_header(header, final=False)
                    continue
                found = True
                if kind == ARRAY:
                    continue
                if kind != ELEMENT:
                    raise _Problem("reflections", "moet een lijst zijn")
                where = f"reflections[{key}]"
                reflection = reflection_from_dict(value, where)
                if reflection.id in seen:
                    raise _Problem(
                        f"{where}.id", f"komt al voor in reflections[{seen[reflection.id]}]"
                    )
                seen[reflection.id] = key
                yield reflection
        except TypeError:
            raise _Problem(
                "(document)", "verwacht een JSON-object met 'format' en 'reflections'"
            ) from None
        _check_header(header, final=True)
        if not found:
            raise _Problem("reflections", "moet een lijst zijn")
    except JsonSyntaxError as exc:
        raise ReflectError(
            f"{source}: geen geldige JSON (regel {exc.line}, kolom {exc.col}): {exc.message};"
            " er is niets geïmporteerd."
        ) from None
    except UnicodeDecodeError as exc:
        raise ReflectError(
            f"{source}: geen UTF-8-tekst ({exc.reason}); er is niets geïmporteerd."
        ) from None
    except _Problem as problem:
        raise ReflectError(f"{source}: {problem}; er is niets geïmporteerd.") from None


def _check_header(header: Mapping[str, Any], final: bool) -> None:
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


def reflection_from_dict(item: Any, where: str) -> Reflection:
    obj = _mapping(item, where)
    unknown = sorted(set(obj) - _KNOWN)
    if unknown:
        raise _Problem(f"{where}.{unknown[0]}", "onbekend veld")
    for key in _REQUIRED:
        if key not in obj:
            raise _Problem(f"{where}.{key}", "ontbreekt")
    rid = _text(obj["id"], f"{where}.id")
    if not rid.strip() or len(rid) > 200 or any(ch.isspace() for ch in rid):
        raise _Problem(f"{where}.id", "moet een niet-leeg id zonder spaties zijn")
    status = obj["status"]
    if status not in STATUSES:
        raise _Problem(f"{where}.status", f"moet een van {', '.join(STATUSES)} zijn")
    case_kind = obj.get("case_kind")
    if case_kind is not None:
        case_kind = _text(case_kind, f"{where}.case_kind")
    texts = {key: _text(obj.get(key, ""), f"{where}.{key}") for key in _TEXT_KEYS}
    lists = {key: _text_list(obj.get(key, []), f"{where}.{key}") for key in _LIST_KEYS}
    # The field names come from the one shared definition (TEXT_FIELDS,
    # ID_LIST_FIELDS), which mypy cannot match to keyword parameters; the
    # values are checked above, so the mix is passed on as plain keywords.
    fields: dict[str, Any] = {**texts, **lists}
    return Reflection(
        id=rid,
        occurred_on=_date(obj["occurred_on"], f"{where}.occurred_on"),
        created_at=_datetime(obj["created_at"], f"{where}.created_at"),
        updated_at=_datetime(obj["updated_at"], f"{where}.updated_at"),
        status=status,
        case_kind=case_kind,
        answers=_answers(obj.get("answers", []), f"{where}.answers"),
        principles=_principles(obj.get("principles", []), f"{where}.principles"),
        next_steps=_next_steps(obj.get("next_steps", []), f"{where}.next_steps"),
        **fields,
    )


def _answers(value: Any, where: str) -> list[Answer]:
    out: list[Answer] = []
    for i, item in enumerate(_list(value, where)):
        at = f"{where}[{i}]"
        obj = _mapping(item, at)
        _only(obj, at, ("practice", "step", "prompt", "text", "prompt_id"))
        for key in ("practice", "step", "text"):
            if key not in obj:
                raise _Problem(f"{at}.{key}", "ontbreekt")
        step = _text(obj["step"], f"{at}.step")
        if not step:
            raise _Problem(f"{at}.step", "mag niet leeg zijn")
        prompt_id = obj.get("prompt_id")
        out.append(
            Answer(
                practice=_text(obj["practice"], f"{at}.practice"),
                step=step,
                prompt=_text(obj.get("prompt", ""), f"{at}.prompt"),
                text=_text(obj["text"], f"{at}.text"),
                prompt_id=None if prompt_id is None else _text(prompt_id, f"{at}.prompt_id"),
            )
        )
    return out


def _principles(value: Any, where: str) -> list[PrincipleRating]:
    out: list[PrincipleRating] = []
    for i, item in enumerate(_list(value, where)):
        at = f"{where}[{i}]"
        obj = _mapping(item, at)
        _only(obj, at, ("id", "rating", "note"))
        if "id" not in obj:
            raise _Problem(f"{at}.id", "ontbreekt")
        rating = obj.get("rating")
        if rating is not None and (
            isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5
        ):
            raise _Problem(
                f"{at}.rating", f"moet een geheel getal 1 t/m 5 zijn (of null), niet {rating!r}"
            )
        out.append(
            PrincipleRating(
                id=_text(obj["id"], f"{at}.id"),
                rating=rating,
                note=_text(obj.get("note", ""), f"{at}.note"),
            )
        )
    return out


def _next_steps(value: Any, where: str) -> list[NextStep]:
    out: list[NextStep] = []
    for i, item in enumerate(_list(value, where)):
        at = f"{where}[{i}]"
        obj = _mapping(item, at)
        _only(obj, at, ("text", "due", "done"))
        if "text" not in obj:
            raise _Problem(f"{at}.text", "ontbreekt")
        due = obj.get("due")
        done = obj.get("done", False)
        if not isinstance(done, bool):
            raise _Problem(f"{at}.done", "moet true of false zijn")
        out.append(
            NextStep(
                text=_text(obj["text"], f"{at}.text"),
                due=None if due is None else _date(due, f"{at}.due"),
                done=done,
            )
        )
    return out


# --- small validators --------------------------------------------------------------------


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Problem(where, f"verwacht een object, niet {_kind(value)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Problem(where, f"verwacht een lijst, niet {_kind(value)}")
    return value


def _only(obj: Mapping[str, Any], where: str, allowed: Sequence[str]) -> None:
    for key in obj:
        if key not in allowed:
            raise _Problem(f"{where}.{key}", "onbekend veld")


def _text(value: Any, where: str) -> str:
    try:
        return values.text(value)
    except values.BadValue as bad:
        raise _Problem(where, bad.message) from None


def _text_list(value: Any, where: str) -> list[str]:
    items = _list(value, where)
    for i, item in enumerate(items):
        _text(item, f"{where}[{i}]")
    return list(items)


def _date(value: Any, where: str) -> date:
    try:
        return values.iso_date(value)
    except values.BadValue as bad:
        raise _Problem(where, bad.message) from None


def _datetime(value: Any, where: str) -> datetime:
    try:
        return values.timestamp(value)
    except values.BadValue as bad:
        raise _Problem(where, bad.message) from None


_kind = values.kind_of
