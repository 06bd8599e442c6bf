"""A JSON Schema of the content files, generated from the validator's own spec.

Why generated: editors (VS Code with the YAML extension, and others that speak
JSON Schema) complete and check a trainer's YAML while typing. A hand-written
schema would drift from ``validate.py``; this one walks the same ``SPECS``
table the validator runs, so a new field appears in both at once. The
validator stays the judge (it checks cross-references across layers, which a
schema cannot); the schema is the helper in the editor.

Known ids (of the content the schema is built from) are offered as
suggestions, not as the only allowed values: an organisation layer may define
new ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reflect_tui.core.content import model as m
from reflect_tui.core.content import validate as v

SCHEMA_ID = "https://reflect-tui.invalid/content.schema.json"
EXAMPLES_SCHEMA_ID = "https://reflect-tui.invalid/examples.schema.json"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Titles are for trainers reading tooltips in their editor (Dutch).
_COLLECTION_TITLES: Mapping[str, str] = {
    "practices": "Werkpraktijken",
    "principles": "Werkprincipes",
    "lsd_steps": "LSD-stappen",
    "activities": "Activiteiten",
    "barriers": "Wat hindert (binnen de organisatie)",
    "helps": "Wat helpt (binnen de organisatie)",
    "case_kinds": "Soorten casus",
    "prompts": "Vragen",
    "tips": "Tips",
    "learning_suggestions": "Leersuggesties",
    "intervision_methods": "Intervisiemethodes",
}

_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}


def _id_schema(known: tuple[str, ...]) -> dict[str, Any]:
    """An id: known ones suggested, any well-formed new one allowed."""
    plain: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}
    if not known:
        return plain
    return {"anyOf": [{"enum": list(known)}, plain]}


def _integer(minimum: int, maximum: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer", "minimum": minimum}
    if maximum is not None:
        out["maximum"] = maximum
    return out


def _reader_schema(reader: v.Reader, ids: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """The schema of one field reader of the validator."""
    if isinstance(reader, v.RefsReader):
        out: dict[str, Any] = {
            "type": ["array", "null"],
            "items": _id_schema(ids.get(reader.collection, ())),
            "uniqueItems": True,
        }
        if reader.at_least_one:
            out["type"] = "array"
            out["minItems"] = 1
        return out
    # Factories, not values: building every schema up front would recurse
    # (a trigger's fields are readers too).
    simple: dict[Any, Callable[[], dict[str, Any]]] = {
        v._TEXT: lambda: dict(_TEXT),
        v._OPT_TEXT: lambda: {"type": ["string", "null"]},
        v._TEXTS: lambda: {"type": ["array", "null"], "items": dict(_TEXT)},
        v._prompt_texts: lambda: {"type": "array", "minItems": 1, "items": dict(_TEXT)},
        v._BOOL: lambda: {"type": "boolean"},
        v._positive: lambda: _integer(1),
        v._non_negative: lambda: _integer(0),
        v._rating: lambda: _integer(1, 5),
        v._trigger_count: lambda: _integer(1, m.MAX_TRIGGER_COUNT),
        v._trigger_days: lambda: _integer(0, m.MAX_TRIGGER_DAYS),
        v._minutes: lambda: _integer(1, m.MAX_ROUND_MINUTES),
        v._role: lambda: {"enum": list(m.ROLES)},
        v._step: lambda: {"enum": list(m.PROMPT_STEPS)},
        v._opt_practice: lambda: {
            "anyOf": [_id_schema(ids.get("practices", ())), {"type": "null"}]
        },
        v._anchors: _anchors_schema,
        v._trigger: lambda: _trigger_schema(ids),
        v._situations: lambda: {
            "type": ["array", "null"],
            "items": _object(v._SITUATION_SPEC, ids),
        },
        v._situation_groups: lambda: {
            "type": "array",
            "minItems": v.MIN_SITUATION_GROUPS,
            "items": {
                "anyOf": [dict(_TEXT), {"type": "array", "minItems": 1, "items": dict(_TEXT)}]
            },
        },
        v._rounds: lambda: {
            "type": "array",
            "minItems": 1,
            "items": _object(v._ROUND_SPEC, ids),
        },
    }
    for key, make in simple.items():
        if reader is key:
            return make()
    return {}  # a reader this module does not know yet: no constraint, still valid JSON Schema


def _anchors_schema() -> dict[str, Any]:
    keys = [str(k) for k in range(1, 6)]
    return {
        "type": "object",
        "properties": {k: dict(_TEXT) for k in keys},
        "required": keys,
        "additionalProperties": False,
    }


def _trigger_schema(ids: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    properties: dict[str, Any] = {"kind": {"enum": list(m.TRIGGER_KINDS)}}
    all_ids = sorted({i for c in v.TRIGGER_ID_COLLECTION.values() if c for i in ids.get(c, ())})
    properties["ids"] = {"type": ["array", "null"], "items": _id_schema(tuple(all_ids))}
    for key, reader in v.TRIGGER_READERS.items():
        properties[key] = _reader_schema(reader, ids)
    return {
        "type": "object",
        "properties": properties,
        "required": ["kind"],
        "additionalProperties": False,
    }


def _object(spec: Mapping[str, Any], ids: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _reader_schema(f.reader, ids) for name, f in spec.items()},
        "required": [name for name, f in spec.items() if f.required],
        "additionalProperties": False,
    }


def _item_schema(collection: str, ids: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """An item, or a switch-off (``id`` + ``disabled: true``) of one from a lower layer."""
    _, spec = v.SPECS[collection]
    full = _object(spec, ids)
    full["properties"] = {
        "id": _id_schema(ids.get(collection, ())),
        **full["properties"],
        "disabled": {"type": "boolean"},
    }
    full["required"] = ["id", *full["required"]]
    switch_off = {
        "type": "object",
        "properties": {
            "id": _id_schema(ids.get(collection, ())),
            "disabled": {"const": True},
        },
        "required": ["id", "disabled"],
    }
    return {"anyOf": [full, switch_off]}


def content_schema(content: m.Content | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every content YAML file follows.

    With ``content``, its ids are offered as suggestions wherever an id goes.
    """
    ids: dict[str, tuple[str, ...]] = {}
    if content is not None:
        for collection in m.COLLECTIONS:
            ids[collection] = tuple(item.id for item in getattr(content, collection))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "reflect-tui inhoud (content YAML)",
        "description": (
            "Elk inhoudsbestand is een mapping van collecties naar lijsten met items. "
            "Controleer altijd ook met 'reflect content check'."
        ),
        "type": "object",
        "properties": {
            collection: {
                "title": _COLLECTION_TITLES.get(collection, collection),
                "type": ["array", "null"],
                "items": _item_schema(collection, ids),
            }
            for collection in m.COLLECTIONS
        },
        "additionalProperties": False,
    }


def examples_schema(content: m.Content | None = None) -> dict[str, Any]:
    """The JSON Schema of an ``examples/*.yaml`` file (the coach's example notes).

    A schema of its own: an examples file has one key (``examples``) that a
    content file may not have, and editors map schemas to files by path
    (``examples/*.yaml``). It follows ``core/content/examples.py``'s reader;
    ``tips`` may be one id or a list. With ``content``, its tip and case-kind
    ids are offered as suggestions.
    """
    tip_id = _id_schema(tuple(t.id for t in content.tips) if content else ())
    kind_id = _id_schema(tuple(k.id for k in content.case_kinds) if content else ())
    note = {
        "type": "object",
        "properties": {
            "tips": {
                "title": "De tips die het best passen, de beste eerst",
                "anyOf": [{"type": "array", "items": tip_id, "minItems": 1}, tip_id],
            },
            "text": {"title": "Het verhaal, in de woorden van een ambtenaar", **_TEXT},
            "kind": {"title": "Soort casus (mag weg)", **kind_id},
        },
        "required": ["tips", "text"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": EXAMPLES_SCHEMA_ID,
        "title": "reflect-tui voorbeeldverhalen (examples/*.yaml)",
        "description": (
            "Voorbeeldverhalen voor de coach, elk met de tips die erbij passen. "
            "Controleer altijd ook met 'reflect content check'."
        ),
        "type": "object",
        "properties": {"examples": {"type": "array", "items": note}},
        "required": ["examples"],
        "additionalProperties": False,
    }
