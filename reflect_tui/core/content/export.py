"""The machine-readable face of the content (``reflect content show --json``).

Why a separate module: the JSON shape is a contract shared by the CLI, the
TUI and a future web view, so it is built in one place from the model and
never from the YAML. Every collection is a list of objects with an ``id``;
id lists stay lists, ``practice`` of an intake or closing prompt is null,
rating anchors get string keys ("1".."5") because JSON has no int keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from reflect_tui.core.content import model as m
from reflect_tui.core.content.model import COLLECTIONS, Content

# Field names per model class: ``dataclasses.fields`` on every object was most of
# the time a start with a big content layer spent writing the content cache.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_plain(value: Any) -> Any:
    """Model objects, tuples and mappings as JSON-ready dicts, lists and scalars."""
    if value is None or isinstance(value, str | int | float):
        return value
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if hasattr(value, "items"):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def content_to_json(content: Content) -> dict[str, Any]:
    """A dict with exactly the eleven collection keys, in contract order."""
    return {name: [to_plain(item) for item in getattr(content, name)] for name in COLLECTIONS}


def content_counts(content: Content) -> dict[str, int]:
    """How many items each collection holds (for summaries)."""
    return {name: len(getattr(content, name)) for name in COLLECTIONS}


def content_from_json(
    data: Mapping[str, Any], version: str = "unknown", layers: tuple[str, ...] = ()
) -> Content:
    """The inverse of ``content_to_json``: model objects from the JSON shape.

    Why it exists: the content cache stores this shape, and building the
    model from it skips YAML parsing and validation on a normal start-up.
    A wrong shape (missing or unknown keys) raises TypeError, KeyError or
    ValueError; the cache treats that as a miss.
    """
    made: dict[str, Any] = {}
    for name in COLLECTIONS:
        cls = _CLASSES[name]
        made[name] = tuple(_build(cls, item) for item in data[name])
    return Content(**made, version=version, layers=layers)


_CLASSES: dict[str, type] = {
    "practices": m.Practice,
    "principles": m.Principle,
    "lsd_steps": m.LsdStep,
    "activities": m.Activity,
    "barriers": m.Factor,
    "helps": m.Factor,
    "case_kinds": m.CaseKind,
    "prompts": m.Prompt,
    "tips": m.Tip,
    "learning_suggestions": m.LearningSuggestion,
    "intervision_methods": m.IntervisionMethod,
    "sets": m.PromptSet,
}


def _build(cls: type, fields_: Mapping[str, Any]) -> Any:
    """One model object; JSON lists become tuples, nested objects are built too."""
    values: dict[str, Any] = {}
    for key, value in fields_.items():
        if key == "anchors":
            value = {int(k): str(v) for k, v in value.items()}
        elif key == "trigger":
            value = _build(m.Trigger, value)
        elif key == "rounds":
            value = tuple(_build(m.Round, r) for r in value)
        elif key == "situations":
            value = tuple(_build(m.Situation, s) for s in value)
        elif key == "when":
            value = tuple(tuple(group) for group in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    return cls(**values)
