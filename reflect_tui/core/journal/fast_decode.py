"""The interchange decoder's fast path for well-formed reflections, generated from the field table.

Why: importing a journal of 50,000 reflections spent most of its Python
time in the validating decoder (``interchange.reflection_from_dict``),
which walks the field table for every value and builds the exact place of
every value (``reflections[3].answers[0].step``) in case it is wrong. Nearly
every reflection in a real file is right. So, like ``fast_export``, the
table is turned once into one plain function per record type that checks
the same things without naming places; the first doubt (a wrong type, a
missing key, a value a kind refuses) gives up, and the caller runs the full
decoder, which then says exactly what is wrong. The fast path only ever
accepts what the full decoder accepts, and builds the same objects: it calls
the same kind checks, and a test holds the two to equal results.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reflect_tui.core.journal.fields import REFLECTION, Children, Field
from reflect_tui.core.journal.kinds import Kind, Problem
from reflect_tui.core.journal.model import Reflection


class _Doubt(Exception):
    """Anything the fast path does not accept: the full decoder decides."""


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Doubt
    if not value.isascii():  # ASCII (a flag CPython keeps) cannot hold a surrogate
        value.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError: doubt
    return value


def _field_lines(f: Field, index: int, env: dict[str, Any], prefix: str) -> list[str]:
    """Statements that leave the checked value of ``f`` in ``v{index}``."""
    key = repr(f.name)
    kind = f"{prefix}_K{index}"
    env[kind] = f.kind
    if f.required:
        lines = [f"v{index} = obj[{key}]"]
    else:
        lines = [f"if {key} in obj:", f"    v{index} = obj[{key}]", "else:"]
        lines.append(f"    v{index} = {kind}.default")
    plain = type(f.kind) is Kind  # plain text: checked inline, as values.text does
    check = f"_text(v{index})" if plain else f"{kind}.from_json(v{index}, '')"
    if f.required:
        lines.append(f"v{index} = {check}")
    else:
        lines.append(f"if {key} in obj:")
        lines.append(f"    v{index} = {check}")
    if f.nonempty:
        lines.append(f"if v{index} == '': raise _Doubt")
    return lines


def _compile(
    name: str, fields: tuple[Field | Children, ...], build: type[Any], env: dict[str, Any]
) -> Callable[[Any], Any]:
    keys = frozenset(f.name for f in fields)
    env[f"{name}_KEYS"] = keys
    env[f"{name}_BUILD"] = build
    body = [
        f"def {name}(obj):",
        "    if type(obj) is not dict or not obj.keys() <= " + f"{name}_KEYS:",
        "        raise _Doubt",
    ]
    arguments = []
    for index, f in enumerate(fields):
        if isinstance(f, Children):
            child = _compile(f"{name}_{f.name}", f.fields, f.item, env)
            env[f"C{index}_{name}"] = child
            body += [
                f"    v{index} = obj.get({f.name!r}, [])",
                f"    if type(v{index}) is not list: raise _Doubt",
                f"    v{index} = [C{index}_{name}(x) for x in v{index}]",
            ]
        else:
            body += [f"    {line}" for line in _field_lines(f, index, env, name)]
        arguments.append(f"{f.name}=v{index}")
    body.append(f"    return {name}_BUILD({', '.join(arguments)})")
    exec("\n".join(body), env)  # the source is built from our own field table
    decode: Callable[[Any], Any] = env[name]
    return decode


_ENV: dict[str, Any] = {"_Doubt": _Doubt, "_text": _text}
_REFLECTION = _compile("reflection", REFLECTION, Reflection, _ENV)


def fast_reflection(obj: Any) -> Reflection | None:
    """The reflection ``obj`` describes, or None when the full decoder must judge it."""
    try:
        result: Reflection = _REFLECTION(obj)
    except (_Doubt, Problem, KeyError, TypeError, ValueError, AttributeError):
        return None
    return result
