"""The import's bulk path: from a parsed interchange object straight to table rows.

Why: a bulk import used to decode every reflection into model objects
(``fast_decode``) and then take those objects apart again into rows
(``records``); at 10,000 reflections the two walks over half a million
values were most of the import's Python time. Here the field table is
turned once into one plain function that checks each value exactly as the
model decoder does (the same kind checks; plain text inline) and emits the
values in their stored form, the rows of the child tables and the search
index's text in one walk; the kinds a reflection has many of (moments,
days, ratings, flags, lists) are checked inline in their common form
(``_INLINE``). The first doubt (a wrong type, a missing key, a value a kind
refuses, an uncommon form) gives up; the caller then runs the full decoder,
which either names the flaw with its place or builds the reflection, which
``from_reflection`` turns into the same rows. A test holds both ways to
equal rows. The functions are generated from ``field_table`` (the field
table's copy), and the model is imported only by the paths that need its
objects, so the import's helper process reads a file without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, NamedTuple

from reflect_tui.core.journal import fts
from reflect_tui.core.journal.field_table import CHILDREN, REFLECTION, SCALARS, ChildTable, Field
from reflect_tui.core.journal.import_batch import (
    _DAY_AT,
    _PRINCIPLE,
    _RATING,
    _RATINGS,
    _STATUS_AT,
    NONE,
    Batch,
    add_sum,
    may_be_null,
)
from reflect_tui.core.journal.kinds import (
    Day,
    Flag,
    Kind,
    OptionalDay,
    OptionalText,
    Problem,
    Rating,
    TextList,
    Timestamp,
)

if TYPE_CHECKING:
    from reflect_tui.core.journal.model import Reflection


class Prepared(NamedTuple):
    """One checked reflection, ready to be written."""

    id: str
    updated_at: str  # the stored form (``codec.ts_to_db``)
    row: tuple[Any, ...]  # the ``reflections`` columns in ``SCALARS`` order, without seq
    children: tuple[list[tuple[Any, ...]], ...]  # per ``CHILDREN``: (position, *columns)
    body: str | None  # ``fts.body_of``'s text; None: let the view give it
    source: Any = None  # the parsed object or the Reflection, if at hand

    def reflection(self) -> Reflection:
        """The model object (only an update of a known reflection needs it).

        Read back from the stored forms when no source came along (rows sent
        by the import's helper process), as ``records`` reads a stored row.
        """
        from reflect_tui.core.journal import fields
        from reflect_tui.core.journal.model import Reflection

        if isinstance(self.source, Reflection):
            return self.source
        if self.source is not None:
            from reflect_tui.core.journal.fast_decode import fast_reflection
            from reflect_tui.core.journal.interchange import reflection_from_dict

            return fast_reflection(self.source) or reflection_from_dict(self.source, "reflectie")
        values: dict[str, Any] = {
            f.name: f.kind.from_db(v) for f, v in zip(SCALARS, self.row, strict=True)
        }
        for child, rows in zip(fields.CHILDREN, self.children, strict=True):
            values[child.name] = [
                child.item(*(f.kind.from_db(v) for f, v in zip(child.fields, row[1:], strict=True)))
                for row in rows
            ]
        return Reflection(**values)


TITLE = next(i for i, f in enumerate(SCALARS) if f.name == "title")


class _Doubt(Exception):
    """Anything the bulk path does not accept: the full decoder decides."""


def _value_lines(f: Field, var: str, env: dict[str, Any], prefix: str) -> list[str]:
    """Statements leaving the checked model value of ``f`` in ``var`` and its stored form
    in ``{var}_db``."""
    key = repr(f.name)
    kind = f"{prefix}_K_{f.name}"
    env[kind] = f.kind
    plain = type(f.kind) is Kind
    if plain:  # plain text, checked inline as values.text does
        checks = [
            f"if type({var}) is not str: raise _Doubt",
            f"if not {var}.isascii(): {var}.encode('utf-8')",  # lone surrogate: doubt
        ]
    elif type(f.kind) is OptionalText:
        checks = [
            f"if {var} is not None:",
            f"    if type({var}) is not str: raise _Doubt",
            f"    if not {var}.isascii(): {var}.encode('utf-8')",
        ]
    elif type(f.kind) is TextList:  # as TextList.from_json, without copying the list
        checks = [
            f"if type({var}) is not list: raise _Doubt",
            f"for item in {var}:",
            "    if type(item) is not str: raise _Doubt",
            "    if not item.isascii(): item.encode('utf-8')",
            # codec.ids_to_db's text for a list of plain strings, joined here
            f"{var}_db = '[' + ', '.join(map(_quote, {var})) + ']' if {var} else '[]'",
        ]
    elif type(f.kind) in _INLINE:
        checks = _INLINE[type(f.kind)](var)
    else:
        checks = [f"{var} = {kind}.from_json({var}, '')"]
    if f.required:  # one lookup: a missing key raises KeyError, a doubt like any other
        lines = [f"{var} = obj[{key}]", *checks]
    else:
        lines = [f"if {key} in obj:", f"    {var} = obj[{key}]"]
        lines += [f"    {line}" for line in checks]
        lines += ["else:", f"    {var} = {kind}.default"]
    inline = type(f.kind) in _INLINE or type(f.kind) is TextList
    if inline and not f.required:  # the default's stored form (the check stored the rest)
        lines.append(f"    {var}_db = {kind}.to_db({var})")
    if f.nonempty:
        lines.append(f"if {var} == '': raise _Doubt")
    if inline:
        pass  # stored above
    elif type(f.kind).to_db is Kind.to_db:
        lines.append(f"{var}_db = {var}")
    else:
        lines.append(f"{var}_db = {kind}.to_db({var})")
    return lines


# Inline checks for the kinds every reflection has several of, each giving the
# model value in ``var`` and its stored form in ``var_db``, exactly as
# ``kind.from_json`` and ``kind.to_db`` would; anything but the common,
# canonical form is a doubt (the kind's own check then decides, in the full
# decoder). A timestamp as the export writes it (UTC, ``+00:00``, seconds or
# microseconds) is validated by ``datetime.fromisoformat`` and stored in its
# fixed-width form without a round trip through ``astimezone``/``isoformat``;
# a date ``YYYY-MM-DD`` is stored as it is once ``date.fromisoformat`` took it.
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?\+00:00"
)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _timestamp(var: str) -> list[str]:
    return [
        f"if type({var}) is not str or _is_ts({var}) is None: raise _Doubt",
        f"{var}_db = {var} if len({var}) == 32 else {var}[:19] + '.000000+00:00'",
        f"{var} = _ts({var})",  # ValueError (no such day or hour): doubt
    ]


def _day(var: str) -> list[str]:
    return [
        f"if type({var}) is not str or _is_day({var}) is None: raise _Doubt",
        f"{var}_db = {var}",
        f"{var} = _day({var})",  # ValueError (no such day): doubt
    ]


def _optional_day(var: str) -> list[str]:
    return [
        f"if {var} is None: {var}_db = None",
        f"elif type({var}) is not str or _is_day({var}) is None: raise _Doubt",
        "else:",
        f"    {var}_db = {var}",
        f"    {var} = _day({var})",
    ]


def _rating(var: str) -> list[str]:
    return [
        f"if {var} is not None and (type({var}) is not int or not 1 <= {var} <= 5): raise _Doubt",
        f"{var}_db = {var}",
    ]


def _flag(var: str) -> list[str]:
    return [f"if type({var}) is not bool: raise _Doubt", f"{var}_db = 1 if {var} else 0"]


_INLINE: dict[type[Kind], Callable[[str], list[str]]] = {
    Timestamp: _timestamp,
    Day: _day,
    OptionalDay: _optional_day,
    Rating: _rating,
    Flag: _flag,
}


_HELPERS: dict[str, Any] = {
    "_quote": encode_basestring,
    "_is_ts": _TIMESTAMP.fullmatch,
    "_ts": datetime.fromisoformat,
    "_is_day": _DAY.fullmatch,
    "_day": date.fromisoformat,
    "_NONE": NONE,
}


def _child(name: str, child: ChildTable, env: dict[str, Any], batched: bool) -> Callable[..., Any]:
    env.update(_HELPERS)
    env[f"{name}_KEYS"] = frozenset(f.name for f in child.fields)
    body = [
        f"def {name}(obj, index, position):" if batched else f"def {name}(obj, position):",
        f"    if type(obj) is not dict or not obj.keys() <= {name}_KEYS: raise _Doubt",
    ]
    for i, f in enumerate(child.fields):
        body += [f"    {line}" for line in _value_lines(f, f"v{i}", env, name)]
    stored = ", ".join(f"v{i}_db" for i in range(len(child.fields)))
    if batched:
        sent = ", ".join(
            f"(_NONE if v{i}_db is None else v{i}_db)" if may_be_null(f) else f"v{i}_db"
            for i, f in enumerate(child.fields)
        )
        body.append(f"    return (index, position, {sent})")
    else:
        body.append(f"    return (position, {stored})")
    exec("\n".join(body), env)  # the source is built from our own field table
    made: Callable[..., Any] = env[name]
    return made


def _body_parts(env: dict[str, Any], shift: int) -> list[str]:
    """Expressions for the index text's parts, in ``fts.BODY``'s order (child rows
    hold ``shift`` values before their columns)."""
    names = {f.name: f"s_{f.name}" for f in SCALARS}
    parts: list[str] = []
    for part in fts.BODY:
        if "." not in part:
            f = next(f for f in SCALARS if f.name == part)
            var = names[part]
            parts.append(f"*{var}" if isinstance(f.kind.default, list) else f"{var}")
            continue
        name, attr = part.split(".")
        child = next(c for c in CHILDREN if c.name == name)
        column = shift + next(i for i, f in enumerate(child.fields) if f.name == attr)
        parts.append(f"*[r[{column}] for r in c_{name}]")
    return parts


def _compile(batched: bool = False) -> Callable[..., Any]:
    """``prepare(obj)`` -> ``Prepared``; batched: ``prepare_into(obj, index, out)``, which
    appends the rows to the lists of a ``Batch`` under way and returns the id."""
    env: dict[str, Any] = {"_Doubt": _Doubt, "Prepared": Prepared, **_HELPERS}
    env["KEYS"] = frozenset(f.name for f in REFLECTION)
    body = [
        "def prepare_into(obj, index, out):" if batched else "def prepare(obj):",
        "    if type(obj) is not dict or not obj.keys() <= KEYS: raise _Doubt",
    ]
    for f in REFLECTION:
        if isinstance(f, ChildTable):
            env[f"child_{f.name}"] = _child(f"child_{f.name}", f, env, batched)
            args = "x, index, i" if batched else "x, i"
            body += [
                f"    c_{f.name} = obj.get({f.name!r}, [])",
                f"    if type(c_{f.name}) is not list: raise _Doubt",
                f"    c_{f.name} = [child_{f.name}({args}) for i, x in enumerate(c_{f.name})]",
            ]
        else:
            body += [f"    {line}" for line in _value_lines(f, f"s_{f.name}", env, "r")]
    row = ", ".join(f"s_{f.name}_db" for f in SCALARS)
    children = ", ".join(f"c_{c.name}" for c in CHILDREN)
    parts = ", ".join(_body_parts(env, 2 if batched else 1))
    body += [
        # Every part is checked text: ``filter`` drops the empty ones in C.
        f"    text = '\\n'.join(filter(None, ({parts},)))",
        "    if '\\x00' in text: text = None",
    ]
    sent = ", ".join(
        f"(_NONE if s_{f.name}_db is None else s_{f.name}_db)"
        if may_be_null(f)
        else f"s_{f.name}_db"
        for f in SCALARS
    )
    if not batched:
        body.append(
            f"    return Prepared(s_id, s_updated_at_db, ({row},), ({children},), text, obj)"
        )
    else:
        # Every check passed: only now is anything appended (a doubt leaves ``out`` as it was).
        body += [
            "    ids, updated, rows, kids, texts, odd, sums = out",
            "    ids.append(s_id)",
            "    updated.append(s_updated_at_db)",
            f"    rows.append((index, {sent}))",
            *(f"    kids[{k}].extend(c_{c.name})" for k, c in enumerate(CHILDREN)),
            "    if text is None: odd.append(index)",
            "    else: texts.append((index, s_title, text))",
            f"    for r in c_{CHILDREN[_RATINGS].name}:",
            f"        if r[{_RATING}] != _NONE:",
            f"            key = (s_status_db, s_{SCALARS[_DAY_AT].name}_db, r[{_PRINCIPLE}])",
            "            found = sums.get(key)",
            f"            if found is None: sums[key] = [r[{_RATING}], 1]",
            "            else:",
            f"                found[0] += r[{_RATING}]",
            "                found[1] += 1",
            "    return s_id",
        ]
    name = "prepare_into" if batched else "prepare"
    exec("\n".join(body), env)  # the source is built from our own field table
    made: Callable[..., Any] = env[name]
    return made


_FAILS = (_Doubt, Problem, KeyError, TypeError, ValueError, AttributeError)
# Each variant is compiled when first used (about 10 M instructions each, which
# an import that needs only one of them would pay at start-up for nothing).
_compiled: dict[bool, Callable[..., Any]] = {}


def _variant(batched: bool) -> Callable[..., Any]:
    made = _compiled.get(batched)
    if made is None:
        made = _compiled[batched] = _compile(batched)
    return made


def prepare(obj: Any) -> Prepared | None:
    """The rows ``obj`` describes, or None when the full decoder must judge it."""
    try:
        result: Prepared = _variant(False)(obj)
    except _FAILS:
        return None
    return result


# --- batches: the rows of many reflections in the tables' own layout ---------------------


def _marked(values: tuple[Any, ...], fields: tuple[Field, ...]) -> tuple[Any, ...]:
    """``values`` with None as ``NONE`` where the column may be NULL (see ``Batch``)."""
    return tuple(
        NONE if v is None and may_be_null(f) else v for v, f in zip(values, fields, strict=True)
    )


class BatchBuilder:
    """The lists of the next ``Batch``, filled by ``add`` one reflection at a time."""

    def __init__(self) -> None:
        self.first = 0
        self.sums: dict[tuple[str, str, str], list[int]] = {}
        self._prepare_into = _variant(True)
        self._start()

    def _start(self) -> None:
        self._out: tuple[Any, ...] = ([], [], [], tuple([] for _ in CHILDREN), [], [], self.sums)

    def __len__(self) -> int:
        return len(self._out[0])

    def add(self, obj: Any, index: int) -> str | None:
        """Append the rows of parsed reflection ``obj``; its id, or None when the full
        decoder must judge it (nothing appended)."""
        try:
            result: str = self._prepare_into(obj, index, self._out)
        except _FAILS:
            return None
        return result

    def add_prepared(self, p: Prepared, index: int) -> None:
        """Append rows made elsewhere (by ``from_reflection``, after the full decoder)."""
        ids, updated, rows, kids, texts, odd, sums = self._out
        ids.append(p.id)
        updated.append(p.updated_at)
        rows.append((index, *_marked(p.row, SCALARS)))
        for k, child_rows in enumerate(p.children):
            fields = CHILDREN[k].fields
            kids[k].extend((index, row[0], *_marked(row[1:], fields)) for row in child_rows)
        if p.body is None:
            odd.append(index)
        else:
            texts.append((index, p.row[TITLE], p.body))
        for rating in p.children[_RATINGS]:
            if rating[_RATING - 1] is not None:
                key = (p.row[_STATUS_AT], p.row[_DAY_AT], rating[_PRINCIPLE - 1])
                add_sum(sums, key, rating[_RATING - 1])

    def take(self, last: bool) -> Batch:
        """The batch built so far (with the sums if ``last``); the next one starts empty."""
        ids, updated, rows, kids, texts, odd, _sums = self._out
        batch = Batch(self.first, ids, updated, rows, kids, texts, odd, self.sums if last else None)
        self.first += len(ids)
        self._start()
        return batch


def from_reflection(r: Reflection) -> Prepared:
    """The same rows for a model object (the full decoder's result, or a caller's)."""
    row = tuple(f.kind.to_db(getattr(r, f.name)) for f in SCALARS)
    children = tuple(
        [
            (position, *(f.kind.to_db(getattr(item, f.name)) for f in child.fields))
            for position, item in enumerate(getattr(r, child.name))
        ]
        for child in CHILDREN
    )
    updated = next(f for f in SCALARS if f.name == "updated_at").kind.to_db(r.updated_at)
    return Prepared(r.id, updated, row, children, fts.body_of(r), r)
